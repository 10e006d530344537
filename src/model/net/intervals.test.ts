import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval, IntervalList } from './intervals.js';
import {
  complement,
  contains,
  containsAll,
  equals,
  intersect,
  interval,
  isEmpty,
  isNormalized,
  normalize,
  overlaps,
  size,
  subtract,
  union,
} from './intervals.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 10_000) };

/** Small universe so a boolean array is a complete oracle. */
const N = 48;

const rawInterval = fc
  .tuple(fc.integer({ min: 0, max: N - 1 }), fc.integer({ min: 0, max: N - 1 }))
  .map(([a, b]) => ({ lo: Math.min(a, b), hi: Math.max(a, b) }));
const rawList = fc.array(rawInterval, { maxLength: 6 });

function toBits(raw: readonly Interval<number>[]): boolean[] {
  const bits = new Array<boolean>(N).fill(false);
  for (const iv of raw) for (let v = iv.lo; v <= iv.hi; v++) bits[v] = true;
  return bits;
}

/** Canonical list read straight off the oracle: scanning for runs of `true`. */
function fromBits(bits: readonly boolean[]): Interval<number>[] {
  const out: Interval<number>[] = [];
  for (let v = 0; v < N; v++) {
    if (!bits[v]) continue;
    let end = v;
    while (end + 1 < N && bits[end + 1]) end++;
    out.push({ lo: v, hi: end });
    v = end;
  }
  return out;
}

const bitsEq = (a: readonly boolean[], b: readonly boolean[]): boolean => a.every((x, i) => x === b[i]);

describe('intervals: examples', () => {
  it('normalize sorts and merges overlapping and adjacent intervals', () => {
    expect(
      normalize([
        { lo: 10, hi: 12 },
        { lo: 1, hi: 2 },
        { lo: 3, hi: 5 },
        { lo: 11, hi: 20 },
        { lo: 22, hi: 22 },
      ]),
    ).toEqual([
      { lo: 1, hi: 5 },
      { lo: 10, hi: 20 },
      { lo: 22, hi: 22 },
    ]);
  });

  it('rejects inverted intervals as programming errors', () => {
    expect(() => interval(5, 4)).toThrow(RangeError);
    expect(() => normalize([{ lo: 5n, hi: 4n }])).toThrow(RangeError);
  });

  it('works on bigints at the top of the IPv6 space', () => {
    const top = (1n << 128n) - 1n;
    const a = normalize([
      { lo: top - 5n, hi: top - 3n },
      { lo: top - 2n, hi: top },
    ]);
    expect(a).toEqual([{ lo: top - 5n, hi: top }]);
    expect(complement(a, 0n, top)).toEqual([{ lo: 0n, hi: top - 6n }]);
    expect(size(complement([], 0n, top))).toBe(1n << 128n);
  });

  it('subtract splits, trims and keeps a long subtrahend across several intervals', () => {
    const a = [
      { lo: 0, hi: 10 },
      { lo: 20, hi: 30 },
      { lo: 40, hi: 50 },
    ];
    expect(subtract(a, [{ lo: 5, hi: 45 }])).toEqual([
      { lo: 0, hi: 4 },
      { lo: 46, hi: 50 },
    ]);
    expect(subtract(a, [{ lo: 3, hi: 3 }])).toEqual([
      { lo: 0, hi: 2 },
      { lo: 4, hi: 10 },
      { lo: 20, hi: 30 },
      { lo: 40, hi: 50 },
    ]);
  });

  it('contains, containsAll, overlaps and size', () => {
    const a = [
      { lo: 0, hi: 10 },
      { lo: 20, hi: 30 },
    ];
    expect(contains(a, 10)).toBe(true);
    expect(contains(a, 11)).toBe(false);
    expect(containsAll(a, [{ lo: 21, hi: 30 }])).toBe(true);
    expect(containsAll(a, [{ lo: 9, hi: 20 }])).toBe(false);
    expect(overlaps(a, [{ lo: 11, hi: 19 }])).toBe(false);
    expect(overlaps(a, [{ lo: 11, hi: 20 }])).toBe(true);
    expect(size(a)).toBe(22n);
    expect(isEmpty([])).toBe(true);
  });
});

describe('intervals: properties against a boolean-array oracle', () => {
  it('normalize yields the canonical list of the union of its inputs', () => {
    fc.assert(
      fc.property(rawList, (raw) => {
        const list = normalize(raw);
        expect(isNormalized(list)).toBe(true);
        expect(list).toEqual(fromBits(toBits(raw)));
      }),
      RUNS,
    );
  });

  it('binary operations, complement and predicates match the oracle', () => {
    fc.assert(
      fc.property(
        rawList,
        rawList,
        fc.integer({ min: 0, max: N - 1 }),
        fc.integer({ min: 0, max: N - 1 }),
        (ra, rb, m1, m2) => {
          const a = normalize(ra);
          const b = normalize(rb);
          const A = toBits(ra);
          const B = toBits(rb);
          const lo = Math.min(m1, m2);
          const hi = Math.max(m1, m2);
          expect(union(a, b)).toEqual(fromBits(A.map((x, i) => x || B[i]!)));
          expect(intersect(a, b)).toEqual(fromBits(A.map((x, i) => x && B[i]!)));
          expect(subtract(a, b)).toEqual(fromBits(A.map((x, i) => x && !B[i]!)));
          expect(complement(a, lo, hi)).toEqual(fromBits(A.map((x, i) => !x && i >= lo && i <= hi)));
          expect(equals(a, b)).toBe(bitsEq(A, B));
          expect(isEmpty(a)).toBe(!A.includes(true));
          expect(containsAll(a, b)).toBe(B.every((x, i) => !x || A[i]!));
          expect(overlaps(a, b)).toBe(A.some((x, i) => x && B[i]!));
          expect(size(a)).toBe(BigInt(A.filter(Boolean).length));
          const probes = Array.from({ length: N + 2 }, (_, i) => i - 1);
          expect(probes.filter((v) => contains(a, v))).toEqual(probes.filter((v) => A[v] === true));
        },
      ),
      RUNS,
    );
  });

  it('satisfies De Morgan, subtract = intersect with complement, and union/intersect absorption', () => {
    fc.assert(
      fc.property(rawList, rawList, (ra, rb) => {
        const a = normalize(ra);
        const b = normalize(rb);
        const not = (x: IntervalList<number>) => complement(x, 0, N - 1);
        expect(not(union(a, b))).toEqual(intersect(not(a), not(b)));
        expect(not(intersect(a, b))).toEqual(union(not(a), not(b)));
        expect(subtract(a, b)).toEqual(intersect(a, not(b)));
        expect(union(a, intersect(a, b))).toEqual(a);
        expect(not(not(a))).toEqual(a);
      }),
      RUNS,
    );
  });

  it('behaves identically on bigints near 2^128', () => {
    const base = (1n << 128n) - BigInt(N);
    const lift = (list: IntervalList<number>): IntervalList<bigint> =>
      list.map((iv) => ({ lo: base + BigInt(iv.lo), hi: base + BigInt(iv.hi) }));
    fc.assert(
      fc.property(rawList, rawList, (ra, rb) => {
        const a = normalize(ra);
        const b = normalize(rb);
        const A = normalize(lift(ra));
        const B = normalize(lift(rb));
        expect(A).toEqual(lift(a));
        expect(union(A, B)).toEqual(lift(union(a, b)));
        expect(intersect(A, B)).toEqual(lift(intersect(a, b)));
        expect(subtract(A, B)).toEqual(lift(subtract(a, b)));
        expect(complement(A, base, base + BigInt(N - 1))).toEqual(lift(complement(a, 0, N - 1)));
        expect(containsAll(A, B)).toBe(containsAll(a, b));
        expect(size(A)).toBe(size(a));
      }),
      RUNS,
    );
  });
});
