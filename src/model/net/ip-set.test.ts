import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetParseError } from './errors.js';
import type { Interval, IntervalList } from './intervals.js';
import type { IpFamily } from './ip.js';
import {
  cidrToRange,
  exactCidr,
  familyBits,
  familyMax,
  formatIp,
  IPV4_MAX,
  parseCidr,
  parseIp,
} from './ip.js';
import { IpSet } from './ip-set.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 10_000) };

describe('IpSet: examples', () => {
  it('renders canonical strings', () => {
    expect(IpSet.empty().toString()).toBe('none');
    expect(IpSet.allV4().toString()).toBe('0.0.0.0/0');
    expect(IpSet.allV6().toString()).toBe('::/0');
    expect(IpSet.all().toString()).toBe('0.0.0.0/0, ::/0');
    expect(IpSet.fromCidrs(['10.0.0.0/9', '10.128.0.0/9']).toString()).toBe('10.0.0.0/8');
    expect(IpSet.fromCidrs(['2001:db8::/32', '10.0.0.0/8', '192.168.1.1']).toString()).toBe(
      '10.0.0.0/8, 192.168.1.1/32, 2001:db8::/32',
    );
    expect(IpSet.fromCidrs(['10.0.0.0/8', '11.0.0.0/31']).toString()).toBe('10.0.0.0-11.0.0.1');
    expect(IpSet.fromRange(6, 1n, 6n).toString()).toBe('::1-::6');
  });

  it('masks host bits like AWS', () => {
    expect(IpSet.fromCidr('10.0.0.5/8').equals(IpSet.fromCidr('10.0.0.0/8'))).toBe(true);
  });

  it('complement is per family', () => {
    const s = IpSet.fromCidr('0.0.0.0/1');
    expect(s.complement().toString()).toBe('128.0.0.0/1, ::/0');
    expect(IpSet.all().complement().isEmpty()).toBe(true);
    expect(IpSet.empty().complement().isAll()).toBe(true);
    expect(IpSet.fromCidr('::/1').complement().toString()).toBe('0.0.0.0/0, 8000::/1');
  });

  it('keeps families apart', () => {
    const v4 = IpSet.allV4();
    expect(v4.contains('::ffff:10.0.0.1')).toBe(false);
    expect(v4.contains('10.0.0.1')).toBe(true);
    expect(v4.overlaps(IpSet.allV6())).toBe(false);
    expect(v4.intersect(IpSet.allV6()).isEmpty()).toBe(true);
    expect(IpSet.fromAddress('::').contains({ family: 6, value: 0n })).toBe(true);
    expect(IpSet.fromAddress('::').contains({ family: 4, value: 0n })).toBe(false);
  });

  it('toCidrs returns the minimal cover, v4 first', () => {
    const s = IpSet.fromRange(4, 1n, 6n).union(IpSet.fromCidr('2001:db8::/32'));
    expect(s.toCidrs()).toEqual(['0.0.0.1/32', '0.0.0.2/31', '0.0.0.4/31', '0.0.0.6/32', '2001:db8::/32']);
    expect(IpSet.all().toCidrs()).toEqual(['0.0.0.0/0', '::/0']);
  });

  it('size counts both families', () => {
    expect(IpSet.all().size()).toBe((1n << 32n) + (1n << 128n));
    expect(IpSet.fromCidr('10.0.0.0/30').size()).toBe(4n);
  });

  it('errors: throwing and non-throwing variants', () => {
    expect(IpSet.tryFromCidr('10.0.0.0/33')).toBe(
      'invalid CIDR "10.0.0.0/33": prefix length must be an integer 0-32',
    );
    expect(() => IpSet.fromCidr('10.0.0.0/33')).toThrow(NetParseError);
    expect(() => IpSet.fromCidrs(['10.0.0.0/8', 'x'])).toThrow(NetParseError);
    expect(() => IpSet.fromAddress('1.2.3')).toThrow(NetParseError);
    expect(() => IpSet.empty().contains('nope')).toThrow(NetParseError);
    expect(() => IpSet.fromRange(4, 0n, IPV4_MAX + 1n)).toThrow(RangeError);
    expect(() => IpSet.fromRange(4, 5n, 4n)).toThrow(RangeError);
    try {
      IpSet.fromCidr('bad');
    } catch (e) {
      expect(e).toBeInstanceOf(NetParseError);
      expect((e as NetParseError).input).toBe('bad');
    }
  });

  it('parses its own output and lenient lists', () => {
    expect(IpSet.parse('none').isEmpty()).toBe(true);
    expect(IpSet.parse('10.0.0.0-11.0.0.1, ::/0').toString()).toBe('10.0.0.0-11.0.0.1, ::/0');
    expect(IpSet.parse('10.0.0.1,10.0.0.2').toString()).toBe('10.0.0.1-10.0.0.2');
    expect(IpSet.tryParse('10.0.0.2-10.0.0.1')).toBe('invalid address range "10.0.0.2-10.0.0.1"');
    expect(IpSet.tryParse('10.0.0.1-::1')).toBe('invalid address range "10.0.0.1-::1"');
    expect(typeof IpSet.tryParse('')).toBe('string');
  });

  it('structural matchers see the contents', () => {
    expect(IpSet.fromCidr('10.0.0.0/8')).not.toEqual(IpSet.fromCidr('11.0.0.0/8'));
    expect(IpSet.fromCidrs(['10.0.0.0/9', '10.128.0.0/9'])).toEqual(IpSet.fromCidr('10.0.0.0/8'));
    expect(JSON.stringify({ s: IpSet.fromCidr('10.0.0.0/8') })).toBe('{"s":"10.0.0.0/8"}');
  });
});

// ---- exhaustive window oracle: all CIDRs fall inside 10.1.0.0/22 (1024 addresses) ----

const WINDOW_BASE = parseIp('10.1.0.0')!.value;
const W = 1024;

const windowCidr = fc
  .tuple(fc.integer({ min: 0, max: W - 1 }), fc.integer({ min: 22, max: 32 }))
  .map(([offset, prefix]) => `${formatIp(4, WINDOW_BASE + BigInt(offset))}/${prefix}`);
const windowCidrs = fc.array(windowCidr, { maxLength: 5 });

function windowBits(cidrs: readonly string[]): Uint8Array {
  const bits = new Uint8Array(W);
  for (const text of cidrs) {
    const r = cidrToRange(parseCidr(text) as Exclude<ReturnType<typeof parseCidr>, string>);
    bits.fill(1, Number(r.lo - WINDOW_BASE), Number(r.hi - WINDOW_BASE) + 1);
  }
  return bits;
}

/** The set's membership inside the window, plus whether it has anything outside it. */
function implBits(set: IpSet): { bits: Uint8Array; outside: bigint } {
  const bits = new Uint8Array(W);
  let inside = 0n;
  for (const iv of set.v4Intervals()) {
    // biome-ignore lint/complexity/useMathMinMax: bigint operands; Math.max rejects them.
    const lo = iv.lo > WINDOW_BASE ? iv.lo : WINDOW_BASE;
    const hi = iv.hi < WINDOW_BASE + BigInt(W - 1) ? iv.hi : WINDOW_BASE + BigInt(W - 1);
    if (lo > hi) continue;
    bits.fill(1, Number(lo - WINDOW_BASE), Number(hi - WINDOW_BASE) + 1);
    inside += hi - lo + 1n;
  }
  return { bits, outside: set.size() - inside };
}

const map2 = (a: Uint8Array, b: Uint8Array, f: (x: number, y: number) => number): Uint8Array =>
  a.map((x, i) => f(x, b[i]!));
const same = (a: Uint8Array, b: Uint8Array): boolean => a.every((x, i) => x === b[i]);
const count = (a: Uint8Array): bigint => BigInt(a.reduce((s, x) => s + x, 0));

describe('IpSet: properties on a /22 window (exhaustive oracle)', () => {
  it('union, intersect, subtract, complement and predicates match per-address membership', () => {
    fc.assert(
      fc.property(windowCidrs, windowCidrs, fc.integer({ min: 0, max: W - 1 }), (ca, cb, probe) => {
        const a = IpSet.fromCidrs(ca);
        const b = IpSet.fromCidrs(cb);
        const A = windowBits(ca);
        const B = windowBits(cb);
        const check = (set: IpSet, expected: Uint8Array) => {
          const got = implBits(set);
          expect(same(got.bits, expected)).toBe(true);
          expect(got.outside).toBe(0n);
          expect(set.v6Intervals()).toEqual([]);
        };
        check(a, A);
        check(
          a.union(b),
          map2(A, B, (x, y) => x | y),
        );
        check(
          a.intersect(b),
          map2(A, B, (x, y) => x & y),
        );
        check(
          a.subtract(b),
          map2(A, B, (x, y) => x & (1 - y)),
        );
        const notA = a.complement();
        const notBits = implBits(notA);
        expect(
          same(
            notBits.bits,
            A.map((x) => 1 - x),
          ),
        ).toBe(true);
        // Outside the window the complement holds every v4 address and all of v6.
        expect(notBits.outside).toBe((1n << 32n) - BigInt(W) + (1n << 128n));
        expect(notA.contains({ family: 4, value: WINDOW_BASE - 1n })).toBe(true);
        expect(notA.contains({ family: 4, value: WINDOW_BASE + BigInt(W) })).toBe(true);
        expect(a.equals(b)).toBe(same(A, B));
        expect(a.toString() === b.toString()).toBe(same(A, B));
        expect(a.isEmpty()).toBe(count(A) === 0n);
        expect(a.size()).toBe(count(A));
        expect(a.containsSet(b)).toBe(B.every((y, i) => y === 0 || A[i] === 1));
        expect(a.overlaps(b)).toBe(A.some((x, i) => x === 1 && B[i] === 1));
        expect(a.contains(formatIp(4, WINDOW_BASE + BigInt(probe)))).toBe(A[probe] === 1);
        expect(a.contains({ family: 4, value: WINDOW_BASE - 1n })).toBe(false);
        expect(a.contains({ family: 6, value: WINDOW_BASE + BigInt(probe) })).toBe(false);
      }),
      RUNS,
    );
  });
});

// ---- whole-space oracle: membership at every boundary point decides equality of interval sets ----

interface Raw {
  family: IpFamily;
  range: Interval<bigint>;
}

const anyCidr = fc
  .tuple(
    fc.constantFrom(4 as const, 6 as const),
    fc.bigInt({ min: 0n, max: familyMax(6) }),
    fc.integer({ min: 0, max: 128 }),
    fc.nat(),
  )
  .map(([family, v, p, bias]) => {
    const bits = familyBits(family);
    // Bias towards a shared /16 so that blocks of different sets actually meet.
    const value = bias % 2 === 0 ? v % (1n << BigInt(bits - 16)) : v % (familyMax(family) + 1n);
    return `${formatIp(family, value)}/${p % (bits + 1)}`;
  });
const anyCidrs = fc.array(anyCidr, { maxLength: 5 });

function raws(cidrs: readonly string[]): Raw[] {
  return cidrs.map((text) => {
    const c = parseCidr(text) as Exclude<ReturnType<typeof parseCidr>, string>;
    return { family: c.family, range: cidrToRange(c) };
  });
}

const member = (rs: readonly Raw[], family: IpFamily, v: bigint): boolean =>
  rs.some((r) => r.family === family && r.range.lo <= v && v <= r.range.hi);

/**
 * Every set involved is piecewise constant between the boundary points of the inputs and outputs,
 * so agreeing at all those points (and their neighbours) means agreeing everywhere.
 */
function boundaryPoints(family: IpFamily, lists: readonly IntervalList<bigint>[]): bigint[] {
  const top = familyMax(family);
  const pts = new Set<bigint>([0n, top]);
  for (const list of lists) {
    for (const iv of list) {
      for (const p of [iv.lo - 1n, iv.lo, iv.hi, iv.hi + 1n]) if (p >= 0n && p <= top) pts.add(p);
    }
  }
  return [...pts];
}

const listOf = (rs: readonly Raw[], family: IpFamily) =>
  rs.filter((r) => r.family === family).map((r) => r.range);

describe('IpSet: properties over the whole address space (boundary-point oracle)', () => {
  it('set operations agree with the oracle at every boundary, both families', () => {
    fc.assert(
      fc.property(anyCidrs, anyCidrs, (ca, cb) => {
        const ra = raws(ca);
        const rb = raws(cb);
        const a = IpSet.fromCidrs(ca);
        const b = IpSet.fromCidrs(cb);
        const results: [IpSet, (f: IpFamily, v: bigint) => boolean][] = [
          [a, (f, v) => member(ra, f, v)],
          [a.union(b), (f, v) => member(ra, f, v) || member(rb, f, v)],
          [a.intersect(b), (f, v) => member(ra, f, v) && member(rb, f, v)],
          [a.subtract(b), (f, v) => member(ra, f, v) && !member(rb, f, v)],
          [a.complement(), (f, v) => !member(ra, f, v)],
        ];
        let equal = true;
        let aHasB = true;
        let meet = false;
        for (const family of [4, 6] as const) {
          const lists: IntervalList<bigint>[] = [listOf(ra, family), listOf(rb, family)];
          for (const [set] of results) lists.push(family === 4 ? set.v4Intervals() : set.v6Intervals());
          for (const v of boundaryPoints(family, lists)) {
            for (const [set, oracle] of results) {
              if (set.contains({ family, value: v }) !== oracle(family, v)) {
                expect.fail(`${set} disagrees with oracle at ${formatIp(family, v)}`);
              }
            }
            const inA = member(ra, family, v);
            const inB = member(rb, family, v);
            if (inA !== inB) equal = false;
            if (inB && !inA) aHasB = false;
            if (inA && inB) meet = true;
          }
        }
        expect(a.equals(b)).toBe(equal);
        expect(a.toString() === b.toString()).toBe(equal);
        expect(a.containsSet(b)).toBe(aHasB);
        expect(a.overlaps(b)).toBe(meet);
      }),
      RUNS,
    );
  });

  it('laws: De Morgan, subtract = intersect with complement, double complement', () => {
    fc.assert(
      fc.property(anyCidrs, anyCidrs, (ca, cb) => {
        const a = IpSet.fromCidrs(ca);
        const b = IpSet.fromCidrs(cb);
        expect(a.union(b).complement().equals(a.complement().intersect(b.complement()))).toBe(true);
        expect(a.intersect(b).complement().equals(a.complement().union(b.complement()))).toBe(true);
        expect(a.subtract(b).equals(a.intersect(b.complement()))).toBe(true);
        expect(a.complement().complement().equals(a)).toBe(true);
        expect(a.union(b).containsSet(a)).toBe(true);
      }),
      RUNS,
    );
  });

  it('canonical string: v4 then v6, ascending, CIDR exactly when the interval is one block; it round-trips', () => {
    fc.assert(
      fc.property(anyCidrs, anyCidrs, (ca, cb) => {
        const set = IpSet.fromCidrs(ca).subtract(IpSet.fromCidrs(cb));
        const text = set.toString();
        expect(IpSet.parse(text).equals(set)).toBe(true);
        expect(IpSet.fromCidrs(set.toCidrs()).equals(set)).toBe(true);
        if (set.isEmpty()) {
          expect(text).toBe('none');
          return;
        }
        const items = text.split(', ');
        const intervals = [
          ...set.v4Intervals().map((iv) => ({ family: 4 as const, iv })),
          ...set.v6Intervals().map((iv) => ({ family: 6 as const, iv })),
        ];
        expect(items).toHaveLength(intervals.length);
        items.forEach((item, i) => {
          const { family, iv } = intervals[i]!;
          const isBlock = exactCidr(iv.lo, iv.hi, family) !== undefined;
          expect(item.includes('/')).toBe(isBlock);
          expect(item.includes('-')).toBe(!isBlock);
          const parsed = IpSet.parse(item);
          expect(family === 4 ? parsed.v4Intervals() : parsed.v6Intervals()).toEqual([iv]);
        });
      }),
      RUNS,
    );
  });
});
