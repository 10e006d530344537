import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cidr } from './ip.js';
import {
  cidrToRange,
  exactCidr,
  formatCidr,
  formatIp,
  formatIpv4,
  formatIpv6,
  IPV4_MAX,
  IPV6_MAX,
  parseCidr,
  parseIp,
  parseIpv4,
  parseIpv6,
  rangeToCidrs,
} from './ip.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 10_000) };

function ok(text: string): Cidr {
  const r = parseCidr(text);
  if (typeof r === 'string') throw new Error(`expected ${text} to parse: ${r}`);
  return r;
}

describe('ip: IPv4 parse/format', () => {
  it('parses strict dotted quads', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0n);
    expect(parseIpv4('255.255.255.255')).toBe(IPV4_MAX);
    expect(parseIpv4('10.0.0.1')).toBe(0x0a000001n);
    expect(formatIpv4(0xc0a80101n)).toBe('192.168.1.1');
  });

  it.each([
    '256.0.0.0',
    '10.0.0',
    '10.0.0.0.0',
    '01.2.3.4',
    '1.2.3.010',
    '1.2.3.-1',
    '1.2.3.4 ',
    ' 1.2.3.4',
    '1..3.4',
    '',
    '1.2.3.4.',
    '0x1.2.3.4',
    '１.2.3.4',
    '1.2.3.4\n',
  ])('rejects %j', (text) => {
    expect(parseIpv4(text)).toBeUndefined();
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('ip: IPv6 parse/format', () => {
  it.each([
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['1:0:0:0:0:0:0:8', '1::8'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0001:0000:0000:0001', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['0:0:1:0:0:1:0:0', '::1:0:0:1:0:0'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
    ['::FFFF:0A00:0001', '::ffff:10.0.0.1'],
    ['::10.0.0.1', '::a00:1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ])('%s formats as %s', (input, expected) => {
    const value = parseIpv6(input);
    expect(value).toBeDefined();
    expect(formatIpv6(value!)).toBe(expected);
    expect(parseIp(input)).toEqual({ family: 6, value });
  });

  it.each([
    '1::2::3',
    ':::',
    '::::',
    '1:::2',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::',
    '::1:2:3:4:5:6:7:8',
    '12345::',
    'g::',
    'fe80::1%eth0',
    '[::1]',
    '::ffff:1.2.3',
    '::ffff:01.2.3.4',
    '::1.2.3.4:5',
    '1.2.3.4::',
    '1:2:3:4:5:6:7:1.2.3.4',
    ' ::1',
    ':',
    '',
  ])('rejects %j', (text) => {
    expect(parseIpv6(text)).toBeUndefined();
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('ip: parseCidr', () => {
  it.each([
    ['0.0.0.0/0', 4, 0n, 0, '0.0.0.0/0', false],
    ['255.255.255.255/32', 4, IPV4_MAX, 32, '255.255.255.255/32', false],
    ['10.0.0.5/8', 4, 0x0a000000n, 8, '10.0.0.0/8', true],
    ['10.0.0.5', 4, 0x0a000005n, 32, '10.0.0.5/32', false],
    ['::/0', 6, 0n, 0, '::/0', false],
    ['2001:db8::/32', 6, 0x20010db8n << 96n, 32, '2001:db8::/32', false],
    ['2001:DB8::1/32', 6, 0x20010db8n << 96n, 32, '2001:db8::/32', true],
    ['::ffff:10.0.0.1', 6, (0xffffn << 32n) | 0x0a000001n, 128, '::ffff:10.0.0.1/128', false],
    ['::1/128', 6, 1n, 128, '::1/128', false],
  ] as const)('%s', (text, family, network, prefix, canonical, hostBitsSet) => {
    expect(parseCidr(text)).toEqual({ family, network, prefix, canonical, hostBitsSet });
  });

  it.each([
    ['', 'empty CIDR'],
    ['256.0.0.0/8', 'invalid CIDR "256.0.0.0/8": "256.0.0.0" is not a valid IPv4 address'],
    ['10.0.0/8', 'invalid CIDR "10.0.0/8": "10.0.0" is not a valid IPv4 address'],
    ['10.0.0.0/33', 'invalid CIDR "10.0.0.0/33": prefix length must be an integer 0-32'],
    ['::/129', 'invalid CIDR "::/129": prefix length must be an integer 0-128'],
    ['10.0.0.0/', 'invalid CIDR "10.0.0.0/": missing prefix length after "/"'],
    ['10.0.0.0/08', 'invalid CIDR "10.0.0.0/08": prefix length must be an integer 0-32'],
    ['10.0.0.0/-1', 'invalid CIDR "10.0.0.0/-1": prefix length must be an integer 0-32'],
    ['10.0.0.0/8/8', 'invalid CIDR "10.0.0.0/8/8": more than one "/"'],
    ['1::2::3/64', 'invalid CIDR "1::2::3/64": "1::2::3" is not a valid IPv6 address'],
    [':::', 'invalid CIDR ":::": ":::" is not a valid IPv6 address'],
    ['01.2.3.4/32', 'invalid CIDR "01.2.3.4/32": "01.2.3.4" is not a valid IPv4 address'],
    [' 10.0.0.0/8', 'invalid CIDR " 10.0.0.0/8": contains whitespace'],
    ['10.0.0.0 /8', 'invalid CIDR "10.0.0.0 /8": contains whitespace'],
    ['   ', 'invalid CIDR "   ": contains whitespace'],
    ['/8', 'invalid CIDR "/8": "" is not a valid IPv4 address'],
    ['fe80::1%eth0/64', 'invalid CIDR "fe80::1%eth0/64": "fe80::1%eth0" is not a valid IPv6 address'],
  ])('rejects %j', (text, message) => {
    expect(parseCidr(text)).toBe(message);
  });

  it('cidrToRange gives first and last address', () => {
    expect(cidrToRange(ok('10.0.0.0/8'))).toEqual({ lo: 0x0a000000n, hi: 0x0affffffn });
    expect(cidrToRange(ok('::/0'))).toEqual({ lo: 0n, hi: IPV6_MAX });
    expect(cidrToRange(ok('1.2.3.4/32'))).toEqual({ lo: 0x01020304n, hi: 0x01020304n });
  });
});

describe('ip: rangeToCidrs', () => {
  const cover = (lo: string, hi: string) =>
    rangeToCidrs(parseIp(lo)!.value, parseIp(hi)!.value, parseIp(lo)!.family).map(formatCidr);

  it('produces the minimal cover', () => {
    expect(cover('0.0.0.0', '255.255.255.255')).toEqual(['0.0.0.0/0']);
    expect(cover('10.0.0.1', '10.0.0.6')).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/31',
      '10.0.0.6/32',
    ]);
    expect(cover('10.255.255.255', '11.0.0.1')).toEqual(['10.255.255.255/32', '11.0.0.0/31']);
    expect(cover('::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual(['::/0']);
    expect(cover('::1', '::2')).toEqual(['::1/128', '::2/128']);
    expect(cover('0.0.0.1', '255.255.255.255')).toHaveLength(32);
  });

  it('rejects out-of-range and inverted input', () => {
    expect(() => rangeToCidrs(2n, 1n, 4)).toThrow(RangeError);
    expect(() => rangeToCidrs(0n, IPV4_MAX + 1n, 4)).toThrow(RangeError);
    expect(() => formatIp(4, -1n)).toThrow(RangeError);
  });

  it('exactCidr recognises single blocks only', () => {
    expect(exactCidr(0n, IPV4_MAX, 4)).toEqual({ family: 4, network: 0n, prefix: 0 });
    expect(exactCidr(4n, 7n, 4)).toEqual({ family: 4, network: 4n, prefix: 30 });
    expect(exactCidr(2n, 5n, 4)).toBeUndefined();
    expect(exactCidr(0n, 2n, 6)).toBeUndefined();
  });
});

// ---- properties ----

const word = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
const words8 = fc.array(word, { minLength: 8, maxLength: 8 });
const toValue = (ws: readonly number[]): bigint => ws.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);

/** Every legal spelling of an address: case, zero padding, any "::" placement, IPv4 suffix. */
const v6Spelling = fc
  .record({
    words: words8,
    upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    pad: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
    gapPick: fc.nat(),
    useGap: fc.boolean(),
    v4Suffix: fc.boolean(),
  })
  .map(({ words, upper, pad, gapPick, useGap, v4Suffix }) => {
    const groups = words.map((w, i) => {
      const hex = w.toString(16).padStart(Math.min(4, w.toString(16).length + pad[i]!), '0');
      return upper[i] ? hex.toUpperCase() : hex;
    });
    let tail: string[] = groups;
    const n = v4Suffix ? 6 : 8;
    if (v4Suffix) {
      const v4 = (BigInt(words[6]!) << 16n) | BigInt(words[7]!);
      tail = [...groups.slice(0, 6), formatIpv4(v4)];
    }
    const zeroRuns: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      if (words[i] !== 0) continue;
      for (let j = i; j < n && words[j] === 0; j++) zeroRuns.push([i, j + 1]);
    }
    const run = zeroRuns[gapPick % Math.max(1, zeroRuns.length)];
    if (!useGap || run === undefined) return { text: tail.join(':'), value: toValue(words) };
    const head = tail.slice(0, run[0]).join(':');
    const rest = tail.slice(run[1]).join(':');
    return { text: `${head}::${rest}`, value: toValue(words) };
  });

describe('ip: properties', () => {
  it('every legal IPv6 spelling parses to its value', () => {
    fc.assert(
      fc.property(v6Spelling, ({ text, value }) => {
        expect(parseIpv6(text)).toBe(value);
      }),
      RUNS,
    );
  });

  it('IPv6 formatting round-trips and matches the WHATWG URL serializer (RFC 5952 outside ::ffff:0:0/96)', () => {
    fc.assert(
      fc.property(words8, (ws) => {
        const value = toValue(ws);
        const text = formatIpv6(value);
        expect(parseIpv6(text)).toBe(value);
        if (value >> 32n !== 0xffffn) expect(`[${text}]`).toBe(new URL(`http://[${text}]/`).hostname);
        expect(text).toBe(text.toLowerCase());
        expect(text.split('::').length).toBeLessThanOrEqual(2);
      }),
      RUNS,
    );
  });

  it('IPv4 formatting round-trips and parse agrees with a regex oracle', () => {
    const octet = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
    const oracle = new RegExp(`^${octet}\\.${octet}\\.${octet}\\.${octet}$`);
    const near = fc
      .array(fc.constantFrom(...'0123456789.'.split(''), '25', '255', '256', '00'), { maxLength: 16 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: IPV4_MAX }), near, (value, text) => {
        expect(parseIpv4(formatIpv4(value))).toBe(value);
        expect(parseIpv4(text) !== undefined).toBe(oracle.test(text));
      }),
      RUNS,
    );
  });

  it('parseCidr never throws, and accepted input has a canonical form that re-parses to itself', () => {
    const alphabet = [...'0123456789abcdefABCDEF:./ %-', '::', '/32', '/128', '255.', '::ffff:'];
    const junk = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(junk, (text) => {
        const r = parseCidr(text);
        if (typeof r === 'string') return;
        const again = parseCidr(r.canonical);
        expect(again).toEqual({ ...r, hostBitsSet: false });
      }),
      RUNS,
    );
  });

  it('rangeToCidrs is an exact, ascending cover with the minimum number of blocks', () => {
    // Minimum block count by dynamic programming over a small window (independent of the greedy).
    const minBlocks = (lo: number, hi: number): number => {
      const best = new Array<number>(hi - lo + 2).fill(Number.POSITIVE_INFINITY);
      best[hi - lo + 1] = 0;
      for (let x = hi; x >= lo; x--) {
        for (let s = 1; x % s === 0 && x + s - 1 <= hi; s *= 2) {
          best[x - lo] = Math.min(best[x - lo]!, 1 + best[x - lo + s]!);
        }
      }
      return best[0]!;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4096 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom(0n, IPV4_MAX + 1n - 8192n, 1n << 100n),
        (lo, width, offset) => {
          const hi = lo + width;
          const family = offset > IPV4_MAX ? 6 : 4;
          const blocks = rangeToCidrs(offset + BigInt(lo), offset + BigInt(hi), family);
          let next = offset + BigInt(lo);
          for (const b of blocks) {
            const r = cidrToRange(b);
            expect(r.lo).toBe(next);
            expect(b.network).toBe(r.lo);
            next = r.hi + 1n;
          }
          expect(next).toBe(offset + BigInt(hi) + 1n);
          // Offsets are multiples of 8192, so block alignment is the same as in the window.
          expect(blocks.length).toBe(minBlocks(lo, hi));
        },
      ),
      RUNS,
    );
  });

  it('cidr parse -> range -> exactCidr -> format round-trips for any block', () => {
    const block = fc.oneof(
      fc.record({
        family: fc.constant(4 as const),
        value: fc.bigInt({ min: 0n, max: IPV4_MAX }),
        prefix: fc.integer({ min: 0, max: 32 }),
      }),
      fc.record({
        family: fc.constant(6 as const),
        value: fc.bigInt({ min: 0n, max: IPV6_MAX }),
        prefix: fc.integer({ min: 0, max: 128 }),
      }),
    );
    fc.assert(
      fc.property(block, ({ family, value, prefix }) => {
        const cidr = ok(`${formatIp(family, value)}/${prefix}`);
        const range = cidrToRange(cidr);
        expect(range.lo <= value && value <= range.hi).toBe(true);
        expect(cidr.hostBitsSet).toBe(range.lo !== value);
        const exact = exactCidr(range.lo, range.hi, family);
        expect(exact && formatCidr(exact)).toBe(cidr.canonical);
        expect(rangeToCidrs(range.lo, range.hi, family).map(formatCidr)).toEqual([cidr.canonical]);
      }),
      RUNS,
    );
  });
});
