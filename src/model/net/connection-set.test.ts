import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PacketQuery } from './connection-set.js';
import { ConnectionSet, OTHER_PROTOCOLS } from './connection-set.js';
import { NetParseError } from './errors.js';
import { IcmpSet } from './icmp-set.js';
import { PortSet } from './port-set.js';
import type { ProtocolSpec } from './protocol.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 10_000) };

const ports = (...ps: number[]) => ps.map((p) => PortSet.of(p)).reduce((a, b) => a.union(b));

describe('ConnectionSet: examples', () => {
  it('renders canonical strings in protocol order', () => {
    expect(ConnectionSet.all().toString()).toBe('all');
    expect(ConnectionSet.empty().toString()).toBe('none');
    const s = ConnectionSet.tcp(ports(22, 443))
      .union(ConnectionSet.udp(PortSet.of(53)))
      .union(ConnectionSet.icmp(IcmpSet.of(8, 0)))
      .union(ConnectionSet.protocol(50))
      .union(ConnectionSet.protocol(47));
    expect(s.toString()).toBe('icmp 8/0; tcp 22, 443; udp 53; proto 47, 50');
    expect(ConnectionSet.protocol(6).toString()).toBe('tcp all');
    expect(ConnectionSet.protocol(58).toString()).toBe('icmpv6 all');
    expect(ConnectionSet.icmpv6(IcmpSet.of(128)).union(ConnectionSet.protocol(1)).toString()).toBe(
      'icmp all; icmpv6 128/*',
    );
    expect(ConnectionSet.tcp(PortSet.of(22)).complement().toString()).toBe(
      'icmp all; tcp 0-21, 23-65535; udp all; icmpv6 all; proto 0, 2-5, 7-16, 18-57, 59-255',
    );
    expect(JSON.stringify([ConnectionSet.tcp(PortSet.of(22))])).toBe('["tcp 22"]');
  });

  it('fromRule follows the AWS conventions', () => {
    expect(ConnectionSet.fromRule({ protocol: 'all' }).isAll()).toBe(true);
    expect(ConnectionSet.fromRule({ protocol: 6 }).toString()).toBe('tcp all');
    expect(ConnectionSet.fromRule({ protocol: 6, ports: PortSet.range(80, 81) }).toString()).toBe(
      'tcp 80-81',
    );
    expect(ConnectionSet.fromRule({ protocol: 17, ports: PortSet.of(53) }).toString()).toBe('udp 53');
    expect(ConnectionSet.fromRule({ protocol: 1, icmp: IcmpSet.of(3, 4) }).toString()).toBe('icmp 3/4');
    expect(ConnectionSet.fromRule({ protocol: 58 }).toString()).toBe('icmpv6 all');
    // Ports on a port-less protocol are ignored, as AWS does.
    expect(ConnectionSet.fromRule({ protocol: 47, ports: PortSet.of(1) }).toString()).toBe('proto 47');
    expect(() => ConnectionSet.protocol(256)).toThrow(RangeError);
  });

  it('accessors, predicates and packets', () => {
    const s = ConnectionSet.parse('icmp 8/0; tcp 22, 443; udp 53; proto 47, 50');
    expect(s.tcpPorts().toString()).toBe('22, 443');
    expect(s.udpPorts().toString()).toBe('53');
    expect(s.icmpTypes().toString()).toBe('8/0');
    expect(s.icmpv6Types().isEmpty()).toBe(true);
    expect(s.otherProtocols()).toEqual([
      { lo: 47, hi: 47 },
      { lo: 50, hi: 50 },
    ]);
    expect(s.allowsPacket({ protocol: 6, port: 22 })).toBe(true);
    expect(s.allowsPacket({ protocol: 6, port: 23 })).toBe(false);
    expect(s.allowsPacket({ protocol: 6 })).toBe(true);
    expect(s.allowsPacket({ protocol: 17, port: 22 })).toBe(false);
    expect(s.allowsPacket({ protocol: 1, icmpType: 8, icmpCode: 0 })).toBe(true);
    expect(s.allowsPacket({ protocol: 1, icmpType: 8 })).toBe(true);
    expect(s.allowsPacket({ protocol: 1, icmpType: 0 })).toBe(false);
    expect(s.allowsPacket({ protocol: 1 })).toBe(true);
    expect(s.allowsPacket({ protocol: 58 })).toBe(false);
    expect(s.allowsPacket({ protocol: 50 })).toBe(true);
    expect(s.allowsPacket({ protocol: 51 })).toBe(false);
    expect(s.allowsPacket({ protocol: 300 })).toBe(false);
    expect(s.containsSet(ConnectionSet.tcp(PortSet.of(22)))).toBe(true);
    expect(s.containsSet(ConnectionSet.protocol(6))).toBe(false);
    expect(ConnectionSet.all().containsSet(s)).toBe(true);
    expect(s.isEmpty() || s.isAll()).toBe(false);
  });

  it('parses leniently but rejects unknown parts', () => {
    expect(ConnectionSet.parse('proto 0-255').isAll()).toBe(true);
    expect(ConnectionSet.parse('proto 6').toString()).toBe('tcp all');
    expect(ConnectionSet.parse('udp 53;tcp 22; tcp 23').toString()).toBe('tcp 22-23; udp 53');
    expect(ConnectionSet.tryParse('sctp 1')).toBe('invalid connection set "sctp 1": unknown part "sctp"');
    expect(ConnectionSet.tryParse('tcp 70000')).toBe(
      'invalid connection set "tcp 70000": invalid port or port range "70000"',
    );
    expect(ConnectionSet.tryParse('proto 256')).toBe(
      'invalid connection set "proto 256": invalid protocol number or range "256"',
    );
    expect(typeof ConnectionSet.tryParse('')).toBe('string');
    expect(() => ConnectionSet.parse('tcp')).toThrow(NetParseError);
  });

  it('OTHER_PROTOCOLS excludes the modelled protocols', () => {
    expect(OTHER_PROTOCOLS).toEqual([
      { lo: 0, hi: 0 },
      { lo: 2, hi: 5 },
      { lo: 7, hi: 16 },
      { lo: 18, hi: 57 },
      { lo: 59, hi: 255 },
    ]);
  });
});

// ---- oracle over a reduced packet space ----
// Rules only use ports / types / codes from small pools, so every set is constant between pool
// values; probing each pool value and its neighbours (plus all 256 protocols) is a complete check.

const PORT_POOL = [0, 22, 80, 443, 1024, 65535];
const TYPE_POOL = [0, 3, 8, 255];
const CODE_POOL = [0, 4, 255];
const around = (pool: number[], max: number) =>
  [...new Set(pool.flatMap((v) => [v - 1, v, v + 1]))].filter((v) => v >= 0 && v <= max);

interface Rule {
  protocol: ProtocolSpec;
  ports?: [number, number];
  icmp?: [number, number | undefined];
}

const rule: fc.Arbitrary<Rule> = fc.record(
  {
    protocol: fc.oneof(
      fc.constantFrom<ProtocolSpec>('all', 1, 6, 17, 58, 0, 47, 255),
      fc.integer({ min: 0, max: 255 }),
    ),
    ports: fc
      .tuple(fc.constantFrom(...PORT_POOL), fc.constantFrom(...PORT_POOL))
      .map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]),
    icmp: fc.tuple(
      fc.constantFrom(...TYPE_POOL),
      fc.option(fc.constantFrom(...CODE_POOL), { nil: undefined }),
    ),
  },
  { requiredKeys: ['protocol'] },
);
const rules = fc.array(rule, { maxLength: 4 });

function build(rs: readonly Rule[]): ConnectionSet {
  return rs.reduce(
    (acc, r) =>
      acc.union(
        ConnectionSet.fromRule({
          protocol: r.protocol,
          ports: r.ports && PortSet.range(r.ports[0], r.ports[1]),
          icmp: r.icmp && IcmpSet.of(r.icmp[0], r.icmp[1]),
        }),
      ),
    ConnectionSet.empty(),
  );
}

const PACKETS: PacketQuery[] = [
  ...Array.from({ length: 256 }, (_, p) => p)
    .filter((p) => ![1, 6, 17, 58].includes(p))
    .map((protocol) => ({ protocol })),
  ...[6, 17].flatMap((protocol) => around(PORT_POOL, 65535).map((port) => ({ protocol, port }))),
  ...[1, 58].flatMap((protocol) =>
    around(TYPE_POOL, 255).flatMap((icmpType) =>
      around(CODE_POOL, 255).map((icmpCode) => ({ protocol, icmpType, icmpCode })),
    ),
  ),
];

/** Independent matcher straight from the rule list (no use of the set classes). */
function ruleMatches(r: Rule, k: PacketQuery): boolean {
  if (r.protocol === 'all') return true;
  if (r.protocol !== k.protocol) return false;
  if ((k.protocol === 6 || k.protocol === 17) && r.ports)
    return r.ports[0] <= k.port! && k.port! <= r.ports[1];
  if ((k.protocol === 1 || k.protocol === 58) && r.icmp) {
    return r.icmp[0] === k.icmpType && (r.icmp[1] === undefined || r.icmp[1] === k.icmpCode);
  }
  return true;
}

const oracle = (rs: readonly Rule[]) => PACKETS.map((k) => rs.some((r) => ruleMatches(r, k)));
const allowed = (s: ConnectionSet) => PACKETS.map((k) => s.allowsPacket(k));

describe('ConnectionSet: properties', () => {
  it('operations agree with the packet oracle; equality, text and parse agree with each other', () => {
    fc.assert(
      fc.property(rules, rules, (ra, rb) => {
        const a = build(ra);
        const b = build(rb);
        const A = oracle(ra);
        const B = oracle(rb);
        const eq = A.every((x, i) => x === B[i]);
        expect({
          a: allowed(a),
          union: allowed(a.union(b)),
          intersect: allowed(a.intersect(b)),
          subtract: allowed(a.subtract(b)),
          complement: allowed(a.complement()),
          equals: a.equals(b),
          sameText: a.toString() === b.toString(),
          isEmpty: a.isEmpty(),
          isAll: a.isAll(),
          containsSet: a.containsSet(b),
          roundTrip: ConnectionSet.parse(a.toString()).equals(a),
          roundTripSub: ConnectionSet.parse(a.subtract(b).toString()).equals(a.subtract(b)),
        }).toEqual({
          a: A,
          union: A.map((x, i) => x || B[i]!),
          intersect: A.map((x, i) => x && B[i]!),
          subtract: A.map((x, i) => x && !B[i]!),
          complement: A.map((x) => !x),
          equals: eq,
          sameText: eq,
          isEmpty: !A.includes(true),
          isAll: A.every(Boolean),
          containsSet: B.every((y, i) => !y || A[i]!),
          roundTrip: true,
          roundTripSub: true,
        });
      }),
      RUNS,
    );
  });

  it('laws: De Morgan, subtract = intersect with complement, double complement', () => {
    fc.assert(
      fc.property(rules, rules, (ra, rb) => {
        const a = build(ra);
        const b = build(rb);
        expect(a.union(b).complement().equals(a.complement().intersect(b.complement()))).toBe(true);
        expect(a.intersect(b).complement().equals(a.complement().union(b.complement()))).toBe(true);
        expect(a.subtract(b).equals(a.intersect(b.complement()))).toBe(true);
        expect(a.complement().complement().equals(a)).toBe(true);
        expect(ConnectionSet.parse(a.complement().toString()).equals(a.complement())).toBe(true);
      }),
      RUNS,
    );
  });
});
