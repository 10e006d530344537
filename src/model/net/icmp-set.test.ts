import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetParseError } from './errors.js';
import { IcmpSet } from './icmp-set.js';
import type { Interval, IntervalList } from './intervals.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 10_000) };
const U = 65536;

describe('IcmpSet: examples', () => {
  it('renders canonical strings', () => {
    expect(IcmpSet.all().toString()).toBe('all');
    expect(IcmpSet.of(-1).toString()).toBe('all');
    expect(IcmpSet.of(-1, 4).toString()).toBe('all');
    expect(IcmpSet.empty().toString()).toBe('none');
    expect(IcmpSet.of(8, 0).toString()).toBe('8/0');
    expect(IcmpSet.of(3).toString()).toBe('3/*');
    expect(IcmpSet.of(3, -1).toString()).toBe('3/*');
    const codes = [1, 2, 3, 4].map((c) => IcmpSet.of(3, c)).reduce((x, y) => x.union(y));
    expect(codes.toString()).toBe('3/1-4');
    expect(IcmpSet.of(0, 0).union(IcmpSet.of(8, 0)).union(IcmpSet.of(11)).toString()).toBe('0/0, 8/0, 11/*');
    expect(IcmpSet.of(3).union(IcmpSet.of(4)).union(IcmpSet.of(5)).toString()).toBe('3-5/*');
    expect(IcmpSet.of(8, 0).complement().toString()).toBe('0-7/*, 8/1-255, 9-255/*');
    expect(IcmpSet.of(255, 255).complement().toString()).toBe('0-254/*, 255/0-254');
  });

  it('renders an interval spanning types piece by piece', () => {
    const s = IcmpSet.fromIntervals([{ lo: (3 << 8) | 5, hi: (6 << 8) | 10 }]);
    expect(s.toString()).toBe('3/5-255, 4-5/*, 6/0-10');
    expect(IcmpSet.parse(s.toString()).equals(s)).toBe(true);
  });

  it('membership helpers', () => {
    const s = IcmpSet.of(3, 4).union(IcmpSet.of(8));
    expect(s.contains(3, 4)).toBe(true);
    expect(s.contains(3, 5)).toBe(false);
    expect(s.contains(8, 200)).toBe(true);
    expect(s.contains(-1, 0)).toBe(false);
    expect(s.contains(256, 0)).toBe(false);
    expect(s.containsAnyCodeOf(3)).toBe(true);
    expect(s.containsAnyCodeOf(4)).toBe(false);
    expect(s.size()).toBe(257);
    expect(s.containsSet(IcmpSet.of(8, 1))).toBe(true);
    expect(s.overlaps(IcmpSet.of(3))).toBe(true);
    expect(s.intervals()).toEqual([
      { lo: 772, hi: 772 },
      { lo: 2048, hi: 2303 },
    ]);
  });

  it('rejects bad input', () => {
    expect(() => IcmpSet.of(256)).toThrow(RangeError);
    expect(() => IcmpSet.of(3, 256)).toThrow(RangeError);
    expect(() => IcmpSet.of(-2)).toThrow(RangeError);
    expect(() => IcmpSet.fromIntervals([{ lo: 0, hi: U }])).toThrow(RangeError);
    expect(IcmpSet.tryParse('3')).toBe('invalid ICMP type/code "3"');
    expect(IcmpSet.tryParse('3/256')).toBe('invalid ICMP type/code "3/256"');
    expect(IcmpSet.tryParse('3-1/*')).toBe('invalid ICMP type/code "3-1/*"');
    expect(IcmpSet.tryParse('3-4/1')).toBe('invalid ICMP type/code "3-4/1"');
    expect(() => IcmpSet.parse('x')).toThrow(NetParseError);
    expect(IcmpSet.parse(' 8/0,3/* ').toString()).toBe('3/*, 8/0');
  });
});

// ---- brute-force oracle over all 65536 (type, code) pairs ----

const byte = fc.oneof(fc.constantFrom(0, 1, 3, 8, 254, 255), fc.integer({ min: 0, max: 255 }));
const enc = (t: number, c: number) => (t << 8) | c;
/** Items the way rules create them, plus arbitrary encoded spans that cross type boundaries. */
const item: fc.Arbitrary<{ set: IcmpSet; raw: Interval<number> }> = fc.oneof(
  byte.map((t) => ({ set: IcmpSet.of(t), raw: { lo: enc(t, 0), hi: enc(t, 255) } })),
  fc.tuple(byte, byte).map(([t, c]) => ({ set: IcmpSet.of(t, c), raw: { lo: enc(t, c), hi: enc(t, c) } })),
  fc.tuple(byte, byte, byte, byte).map(([t1, c1, t2, c2]) => {
    const [lo, hi] = [enc(t1, c1), enc(t2, c2)].sort((x, y) => x - y) as [number, number];
    return { set: IcmpSet.fromIntervals([{ lo, hi }]), raw: { lo, hi } };
  }),
  fc.constant({ set: IcmpSet.of(-1), raw: { lo: 0, hi: U - 1 } }),
);
const items = fc.array(item, { maxLength: 4 });
const build = (xs: readonly { set: IcmpSet }[]) => xs.reduce((acc, x) => acc.union(x.set), IcmpSet.empty());

const A = new Uint8Array(U);
const B = new Uint8Array(U);
const OR = new Uint8Array(U);
const AND = new Uint8Array(U);
const A_NOT_B = new Uint8Array(U);
const B_NOT_A = new Uint8Array(U);
const NOT_A = new Uint8Array(U);

function paint(bits: Uint8Array, list: Iterable<Interval<number>>): void {
  bits.fill(0);
  for (const iv of list) bits.fill(1, iv.lo, iv.hi + 1);
}

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

/** Independent renderer: walks the 256 types of the bitmap one by one. */
function naiveText(bits: Uint8Array): string {
  if (none(bits)) return 'none';
  if (bits.indexOf(0) < 0) return 'all';
  const out: string[] = [];
  let fullFrom = -1;
  const flush = (upTo: number) => {
    if (fullFrom >= 0) out.push(fullFrom === upTo ? `${upTo}/*` : `${fullFrom}-${upTo}/*`);
    fullFrom = -1;
  };
  for (let t = 0; t < 256; t++) {
    const codes = bits.subarray(t << 8, (t + 1) << 8);
    if (codes.indexOf(0) < 0) {
      if (fullFrom < 0) fullFrom = t;
      continue;
    }
    flush(t - 1);
    for (let c = codes.indexOf(1); c >= 0; ) {
      const stop = codes.indexOf(0, c);
      const last = (stop < 0 ? 256 : stop) - 1;
      out.push(last === c ? `${t}/${c}` : `${t}/${c}-${last}`);
      c = stop < 0 ? -1 : codes.indexOf(1, stop);
    }
  }
  flush(255);
  return out.join(', ');
}

describe('IcmpSet: properties against a full 65536-entry bitmap', () => {
  it('every operation and the canonical text match the oracle', () => {
    fc.assert(
      fc.property(items, items, byte, byte, (xa, xb, t, c) => {
        const a = build(xa);
        const b = build(xb);
        paint(
          A,
          xa.map((x) => x.raw),
        );
        paint(
          B,
          xb.map((x) => x.raw),
        );
        derive();
        const eq = none(A_NOT_B) && none(B_NOT_A);
        expect({
          a: matches(a.intervals(), A),
          union: matches(a.union(b).intervals(), OR),
          intersect: matches(a.intersect(b).intervals(), AND),
          subtract: matches(a.subtract(b).intervals(), A_NOT_B),
          complement: matches(a.complement().intervals(), NOT_A),
          equals: a.equals(b),
          sameText: a.toString() === b.toString(),
          text: a.subtract(b).toString(),
          isEmpty: a.isEmpty(),
          isAll: a.isAll(),
          containsSet: a.containsSet(b),
          overlaps: a.overlaps(b),
          contains: a.contains(t, c),
          anyCode: a.containsAnyCodeOf(t),
        }).toEqual({
          a: true,
          union: true,
          intersect: true,
          subtract: true,
          complement: true,
          equals: eq,
          sameText: eq,
          text: naiveText(A_NOT_B),
          isEmpty: none(A),
          isAll: none(NOT_A),
          containsSet: none(B_NOT_A),
          overlaps: !none(AND),
          contains: A[enc(t, c)] === 1,
          anyCode: A.subarray(t << 8, (t + 1) << 8).indexOf(1) >= 0,
        });
      }),
      RUNS,
    );
  });

  it('laws and canonical text round-trip', () => {
    fc.assert(
      fc.property(items, items, (xa, xb) => {
        const a = build(xa);
        const b = build(xb);
        expect(a.union(b).complement().equals(a.complement().intersect(b.complement()))).toBe(true);
        expect(a.intersect(b).complement().equals(a.complement().union(b.complement()))).toBe(true);
        expect(a.subtract(b).equals(a.intersect(b.complement()))).toBe(true);
        expect(a.complement().complement().equals(a)).toBe(true);
        for (const s of [a, a.subtract(b), a.complement()]) {
          expect(IcmpSet.parse(s.toString()).equals(s)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
