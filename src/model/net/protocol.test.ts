import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTO_ICMP, PROTO_ICMPV6, PROTO_TCP, PROTO_UDP, parseProtocol, protocolName } from './protocol.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 10_000) };

describe('protocol: examples', () => {
  it.each([
    ['tcp', PROTO_TCP],
    ['TCP', PROTO_TCP],
    ['Udp', PROTO_UDP],
    ['icmp', PROTO_ICMP],
    ['ICMPv6', PROTO_ICMPV6],
    ['all', 'all'],
    ['ANY', 'all'],
    ['*', 'all'],
    ['-1', 'all'],
    ['6', 6],
    ['0', 0],
    ['255', 255],
    ['esp', 50],
    ['gre', 47],
  ] as const)('parses %j', (text, expected) => {
    expect(parseProtocol(text)).toBe(expected);
  });

  it.each(['', ' tcp', 'tcp ', '256', '-2', '06', '1.5', 'tcpx', '0x6', '+6'])('rejects %j', (text) => {
    expect(parseProtocol(text)).toBeUndefined();
  });

  it('parses numbers', () => {
    expect(parseProtocol(-1)).toBe('all');
    expect(parseProtocol(17)).toBe(17);
    expect(parseProtocol(256)).toBeUndefined();
    expect(parseProtocol(1.5)).toBeUndefined();
    expect(parseProtocol(Number.NaN)).toBeUndefined();
  });

  it('names', () => {
    expect([1, 6, 17, 58, 47, 0].map(protocolName)).toEqual(['icmp', 'tcp', 'udp', 'icmpv6', '47', '0']);
  });

  it('protocolName round-trips through parseProtocol for every protocol number', () => {
    for (let n = 0; n <= 255; n++) expect(parseProtocol(protocolName(n))).toBe(n);
  });
});

describe('protocol: properties', () => {
  it('numbers and their decimal strings parse alike, valid exactly for -1..255', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        const expected = n === -1 ? 'all' : n >= 0 && n <= 255 ? n : undefined;
        expect(parseProtocol(n)).toBe(expected);
        expect(parseProtocol(String(n))).toBe(expected);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const r = parseProtocol(text);
        expect(r === undefined || r === 'all' || (Number.isInteger(r) && r >= 0 && r <= 255)).toBe(true);
      }),
      RUNS,
    );
  });
});
