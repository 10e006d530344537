/**
 * Sorted, disjoint, non-adjacent inclusive interval lists: the single representation every set in
 * this folder is built on. Keeping lists merged (no two intervals touch) makes the representation
 * canonical, so structural equality is set equality and rendering is deterministic.
 *
 * Works for `number` (ports, protocol numbers, ICMP codes) and `bigint` (IP addresses). All binary
 * operations are linear merges over already-normalized inputs.
 */

export type Bound = number | bigint;

export interface Interval<T extends Bound> {
  readonly lo: T;
  readonly hi: T;
}

export type IntervalList<T extends Bound> = readonly Interval<T>[];

// number and bigint cannot be mixed in arithmetic, so generic +1/-1 needs a runtime branch.
function succ<T extends Bound>(v: T): T {
  return (typeof v === 'bigint' ? v + 1n : (v as number) + 1) as T;
}

function pred<T extends Bound>(v: T): T {
  return (typeof v === 'bigint' ? v - 1n : (v as number) - 1) as T;
}

function max<T extends Bound>(a: T, b: T): T {
  return a > b ? a : b;
}

function min<T extends Bound>(a: T, b: T): T {
  return a < b ? a : b;
}

/** Builds one interval; an inverted interval is a programming error, not an empty set. */
export function interval<T extends Bound>(lo: T, hi: T): Interval<T> {
  if (lo > hi) throw new RangeError(`invalid interval: ${lo} > ${hi}`);
  return { lo, hi };
}

/** Appends to a list under construction, merging with the last interval when they touch or overlap. */
function pushMerged<T extends Bound>(out: Interval<T>[], iv: Interval<T>): void {
  const last = out[out.length - 1];
  if (last !== undefined && iv.lo <= succ(last.hi)) {
    if (iv.hi > last.hi) out[out.length - 1] = { lo: last.lo, hi: iv.hi };
  } else {
    out.push(iv);
  }
}

/** Sorts and merges arbitrary intervals (overlapping or adjacent ones become one). */
export function normalize<T extends Bound>(list: Iterable<Interval<T>>): IntervalList<T> {
  const sorted = [...list];
  for (const iv of sorted) {
    if (iv.lo > iv.hi) throw new RangeError(`invalid interval: ${iv.lo} > ${iv.hi}`);
  }
  sorted.sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: Interval<T>[] = [];
  for (const iv of sorted) pushMerged(out, iv);
  return out;
}

/** True when the list already is in canonical form (used by tests and input validation). */
export function isNormalized<T extends Bound>(list: IntervalList<T>): boolean {
  for (let i = 0; i < list.length; i++) {
    const cur = list[i]!;
    if (cur.lo > cur.hi) return false;
    const next = list[i + 1];
    if (next !== undefined && next.lo <= succ(cur.hi)) return false;
  }
  return true;
}

export function union<T extends Bound>(a: IntervalList<T>, b: IntervalList<T>): IntervalList<T> {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Interval<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.lo <= y.lo)) {
      pushMerged(out, x!);
      i++;
    } else {
      pushMerged(out, y);
      j++;
    }
  }
  return out;
}

export function intersect<T extends Bound>(a: IntervalList<T>, b: IntervalList<T>): IntervalList<T> {
  const out: Interval<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const lo = max(x.lo, y.lo);
    const hi = min(x.hi, y.hi);
    // Pieces cut from one interval are separated by gaps of the other list, so they never touch.
    if (lo <= hi) out.push({ lo, hi });
    if (x.hi < y.hi) i++;
    else j++;
  }
  return out;
}

export function subtract<T extends Bound>(a: IntervalList<T>, b: IntervalList<T>): IntervalList<T> {
  if (a.length === 0 || b.length === 0) return a;
  const out: Interval<T>[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]!.hi < x.lo) j++;
    let cur = x.lo;
    let covered = false;
    while (j < b.length && b[j]!.lo <= x.hi) {
      const y = b[j]!;
      if (y.lo > cur) out.push({ lo: cur, hi: pred(y.lo) });
      if (y.hi >= x.hi) {
        // y may also cover the next interval of `a`, so keep j where it is.
        covered = true;
        break;
      }
      cur = succ(y.hi);
      j++;
    }
    if (!covered) out.push({ lo: cur, hi: x.hi });
  }
  return out;
}

/** Everything in [lo, hi] that is not in `a`. */
export function complement<T extends Bound>(a: IntervalList<T>, lo: T, hi: T): IntervalList<T> {
  return subtract([interval(lo, hi)], a);
}

export function equals<T extends Bound>(a: IntervalList<T>, b: IntervalList<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.lo !== b[i]!.lo || a[i]!.hi !== b[i]!.hi) return false;
  }
  return true;
}

export function isEmpty<T extends Bound>(a: IntervalList<T>): boolean {
  return a.length === 0;
}

/** Binary search: lists can be long (thousands of CIDRs), lookups are frequent. */
export function contains<T extends Bound>(a: IntervalList<T>, value: T): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const iv = a[mid]!;
    if (value < iv.lo) hi = mid - 1;
    else if (value > iv.hi) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True when every value of `b` is in `a`. */
export function containsAll<T extends Bound>(a: IntervalList<T>, b: IntervalList<T>): boolean {
  let i = 0;
  for (const y of b) {
    while (i < a.length && a[i]!.hi < y.lo) i++;
    const x = a[i];
    // `a` is merged, so y must fit inside a single interval of `a`.
    if (x === undefined || x.lo > y.lo || x.hi < y.hi) return false;
  }
  return true;
}

/** True when `a` and `b` share at least one value. */
export function overlaps<T extends Bound>(a: IntervalList<T>, b: IntervalList<T>): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x.lo <= y.hi && y.lo <= x.hi) return true;
    if (x.hi < y.hi) i++;
    else j++;
  }
  return false;
}

/** Number of values covered; bigint because IPv6 sets exceed any safe integer. */
export function size<T extends Bound>(a: IntervalList<T>): bigint {
  let total = 0n;
  for (const iv of a) total += BigInt(iv.hi) - BigInt(iv.lo) + 1n;
  return total;
}
