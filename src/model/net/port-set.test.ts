import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetParseError } from './errors.js';
import type { Interval, IntervalList } from './intervals.js';
import { PORT_MAX, PortSet } from './port-set.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 10_000) };
const U = PORT_MAX + 1;

describe('PortSet: examples', () => {
  it('renders canonical strings', () => {
    expect(PortSet.all().toString()).toBe('all');
    expect(PortSet.range(0, 65535).toString()).toBe('all');
    expect(PortSet.empty().toString()).toBe('none');
    expect(PortSet.of(22).union(PortSet.of(80)).union(PortSet.range(1024, 65535)).toString()).toBe(
      '22, 80, 1024-65535',
    );
    expect(PortSet.of(22).union(PortSet.of(23)).toString()).toBe('22-23');
    expect(PortSet.of(22).complement().toString()).toBe('0-21, 23-65535');
  });

  it('operations', () => {
    const web = PortSet.fromIntervals([
      { lo: 443, hi: 443 },
      { lo: 80, hi: 80 },
    ]);
    expect(web.toString()).toBe('80, 443');
    expect(web.contains(443)).toBe(true);
    expect(web.contains(444)).toBe(false);
    expect(web.size()).toBe(2);
    expect(PortSet.all().size()).toBe(65536);
    expect(PortSet.all().subtract(web).containsSet(web)).toBe(false);
    expect(PortSet.range(1, 1000).containsSet(web)).toBe(true);
    expect(web.overlaps(PortSet.range(81, 442))).toBe(false);
    expect(web.intersect(PortSet.range(0, 100)).equals(PortSet.of(80))).toBe(true);
    expect(web.intervals()).toEqual([
      { lo: 80, hi: 80 },
      { lo: 443, hi: 443 },
    ]);
    expect(PortSet.empty().isEmpty()).toBe(true);
    expect(PortSet.all().isAll()).toBe(true);
  });

  it('rejects bad ports', () => {
    expect(() => PortSet.of(65536)).toThrow(RangeError);
    expect(() => PortSet.of(-1)).toThrow(RangeError);
    expect(() => PortSet.of(1.5)).toThrow(RangeError);
    expect(() => PortSet.range(10, 9)).toThrow(RangeError);
    expect(() => PortSet.fromIntervals([{ lo: 0, hi: 70000 }])).toThrow(RangeError);
  });

  it('parses', () => {
    expect(PortSet.parse('all').isAll()).toBe(true);
    expect(PortSet.parse('none').isEmpty()).toBe(true);
    expect(PortSet.parse('80,22 , 1024-65535').toString()).toBe('22, 80, 1024-65535');
    expect(PortSet.parse('0-65535').toString()).toBe('all');
    expect(PortSet.tryParse('65536')).toBe('invalid port or port range "65536"');
    expect(PortSet.tryParse('10-9')).toBe('invalid port or port range "10-9"');
    expect(PortSet.tryParse('')).toBe('invalid port or port range ""');
    expect(PortSet.tryParse('022')).toBe('invalid port or port range "022"');
    expect(() => PortSet.parse('x')).toThrow(NetParseError);
  });
});

// ---- brute-force oracle over the full 0..65535 universe ----

/** Endpoints cluster around 0, 65535 and a few pivots so generated sets meet, nest and touch. */
const port = fc.oneof(
  fc.integer({ min: 0, max: PORT_MAX }),
  fc.integer({ min: 0, max: 8 }),
  fc.integer({ min: PORT_MAX - 8, max: PORT_MAX }),
  fc.constantFrom(1023, 1024, 1025, 32767, 32768).chain((p) => fc.integer({ min: p - 3, max: p + 3 })),
);
const raw = fc.tuple(port, port).map(([a, b]) => ({ lo: Math.min(a, b), hi: Math.max(a, b) }));
const raws = fc.array(raw, { maxLength: 5 });

// Scratch bitmaps reused across runs: allocating 64 KiB arrays per run would dominate test time.
const A = new Uint8Array(U);
const B = new Uint8Array(U);
const OR = new Uint8Array(U);
const AND = new Uint8Array(U);
const A_NOT_B = new Uint8Array(U);
const B_NOT_A = new Uint8Array(U);
const NOT_A = new Uint8Array(U);

function paint(bits: Uint8Array, list: Iterable<Interval<number>>): Uint8Array {
  bits.fill(0);
  for (const iv of list) bits.fill(1, iv.lo, iv.hi + 1);
  return bits;
}

/** All derived oracles in one fused pass; bytes are 0/1, so 32-bit words act as four lanes. */
function derive(): void {
  const w = (b: Uint8Array) => new Uint32Array(b.buffer);
  const [a, b, or, and, ab, ba, na] = [w(A), w(B), w(OR), w(AND), w(A_NOT_B), w(B_NOT_A), w(NOT_A)] as const;
  const ones = 0x01010101;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    or[i] = x | y;
    and[i] = x & y;
    ab[i] = x & (y ^ ones);
    ba[i] = y & (x ^ ones);
    na[i] = x ^ ones;
  }
}

/**
 * Exact comparison of an interval list with a bitmap using native indexOf scans: each interval
 * must start at the next 1 and end right before the next 0. Also proves the list is merged.
 */
function matches(list: IntervalList<number>, bits: Uint8Array): boolean {
  let cursor = 0;
  for (const { lo, hi } of list) {
    if (bits.indexOf(1, cursor) !== lo) return false;
    const end = bits.indexOf(0, lo);
    if ((end < 0 ? U : end) !== hi + 1) return false;
    cursor = hi + 1;
  }
  return cursor >= U || bits.indexOf(1, cursor) < 0;
}

const none = (bits: Uint8Array) => bits.indexOf(1) < 0;

/** Counts ones run by run, hopping with native scans. */
function countOnes(bits: Uint8Array): number {
  let total = 0;
  for (let start = bits.indexOf(1); start >= 0; ) {
    const end = bits.indexOf(0, start);
    total += (end < 0 ? U : end) - start;
    start = end < 0 ? -1 : bits.indexOf(1, end);
  }
  return total;
}

describe('PortSet: properties against a full 65536-entry bitmap', () => {
  it('every operation matches the oracle exactly', () => {
    fc.assert(
      fc.property(raws, raws, port, (ra, rb, probe) => {
        const a = PortSet.fromIntervals(ra);
        const b = PortSet.fromIntervals(rb);
        paint(A, ra);
        paint(B, rb);
        derive();
        const eq = none(A_NOT_B) && none(B_NOT_A);
        // One comparison per run: expect() calls are the dominant cost at 10k runs.
        expect({
          a: matches(a.intervals(), A),
          union: matches(a.union(b).intervals(), OR),
          intersect: matches(a.intersect(b).intervals(), AND),
          subtract: matches(a.subtract(b).intervals(), A_NOT_B),
          complement: matches(a.complement().intervals(), NOT_A),
          equals: a.equals(b),
          sameText: a.toString() === b.toString(),
          isEmpty: a.isEmpty(),
          isAll: a.isAll(),
          size: a.size(),
          containsSet: a.containsSet(b),
          overlaps: a.overlaps(b),
          contains: a.contains(probe),
        }).toEqual({
          a: true,
          union: true,
          intersect: true,
          subtract: true,
          complement: true,
          equals: eq,
          sameText: eq,
          isEmpty: none(A),
          isAll: none(NOT_A),
          size: countOnes(A),
          containsSet: none(B_NOT_A),
          overlaps: !none(AND),
          contains: A[probe] === 1,
        });
      }),
      RUNS,
    );
  });

  it('laws and canonical text round-trip', () => {
    fc.assert(
      fc.property(raws, raws, (ra, rb) => {
        const a = PortSet.fromIntervals(ra);
        const b = PortSet.fromIntervals(rb);
        expect(a.union(b).complement().equals(a.complement().intersect(b.complement()))).toBe(true);
        expect(a.intersect(b).complement().equals(a.complement().union(b.complement()))).toBe(true);
        expect(a.subtract(b).equals(a.intersect(b.complement()))).toBe(true);
        expect(a.complement().complement().equals(a)).toBe(true);
        const text = a.subtract(b).toString();
        expect(PortSet.parse(text).toString()).toBe(text);
        expect(PortSet.parse(text).equals(a.subtract(b))).toBe(true);
      }),
      RUNS,
    );
  });
});
