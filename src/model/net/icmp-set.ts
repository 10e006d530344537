/**
 * Sets of ICMP (type, code) pairs. Each pair is encoded as type * 256 + code in one interval list
 * over 0..65535, so "type 3, any code" is a single interval and set algebra is reused unchanged.
 */

import { NetParseError } from './errors.js';
import type { Interval, IntervalList } from './intervals.js';
import {
  complement,
  contains,
  containsAll,
  equals,
  intersect,
  normalize,
  overlaps,
  subtract,
  union,
} from './intervals.js';
import { parseDecimal, parseNumberRange, splitList } from './range-text.js';

const ENCODED_MAX = 0xffff;
const FULL: IntervalList<number> = [{ lo: 0, hi: ENCODED_MAX }];

/** Cloud APIs (AWS) use -1 for "any"; undefined code means the same. */
const ANY = -1;

function checkByte(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`ICMP ${what} ${n} is not in 0-255`);
}

/** Renders one maximal interval; whole runs of types collapse to `a-b/*` to keep complements short. */
function renderInterval(iv: Interval<number>, out: string[]): void {
  let cur = iv.lo;
  while (cur <= iv.hi) {
    const type = cur >> 8;
    const code = cur & 0xff;
    if (code === 0 && iv.hi >= (type << 8) + 0xff) {
      const lastType = ((iv.hi + 1) >> 8) - 1;
      out.push(lastType === type ? `${type}/*` : `${type}-${lastType}/*`);
      cur = (lastType + 1) << 8;
    } else {
      const end = Math.min(iv.hi, (type << 8) + 0xff);
      const endCode = end & 0xff;
      out.push(endCode === code ? `${type}/${code}` : `${type}/${code}-${endCode}`);
      cur = end + 1;
    }
  }
}

/** Parses `t/*`, `a-b/*`, `t/c` or `t/c1-c2` into an encoded interval. */
function parseItem(text: string): Interval<number> | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const typeText = text.slice(0, slash);
  const codeText = text.slice(slash + 1);
  if (codeText === '*') {
    const types = parseNumberRange(typeText, 255);
    return types === undefined ? undefined : { lo: types.lo << 8, hi: (types.hi << 8) | 0xff };
  }
  const type = parseDecimal(typeText, 255);
  const codes = parseNumberRange(codeText, 255);
  if (type === undefined || codes === undefined) return undefined;
  return { lo: (type << 8) | codes.lo, hi: (type << 8) | codes.hi };
}

export class IcmpSet {
  private readonly list: IntervalList<number>;

  static readonly #EMPTY = new IcmpSet([]);
  static readonly #ALL = new IcmpSet(FULL);

  private constructor(list: IntervalList<number>) {
    this.list = list;
  }

  static empty(): IcmpSet {
    return IcmpSet.#EMPTY;
  }

  static all(): IcmpSet {
    return IcmpSet.#ALL;
  }

  /** `type` -1 means every type (code ignored); `code` undefined or -1 means every code of `type`. */
  static of(type: number, code?: number): IcmpSet {
    if (type === ANY) return IcmpSet.#ALL;
    checkByte('type', type);
    if (code === undefined || code === ANY) return new IcmpSet([{ lo: type << 8, hi: (type << 8) | 0xff }]);
    checkByte('code', code);
    const v = (type << 8) | code;
    return new IcmpSet([{ lo: v, hi: v }]);
  }

  /** From raw encoded (type * 256 + code) intervals in any order; validated and merged. */
  static fromIntervals(list: Iterable<Interval<number>>): IcmpSet {
    const merged = normalize(list);
    for (const iv of merged) {
      if (!Number.isInteger(iv.lo) || !Number.isInteger(iv.hi) || iv.lo < 0 || iv.hi > ENCODED_MAX) {
        throw new RangeError(`encoded ICMP interval ${iv.lo}-${iv.hi} is outside 0-${ENCODED_MAX}`);
      }
    }
    return new IcmpSet(merged);
  }

  /** Parses `toString()` output: `all`, `none`, or items like `3/*, 8/0, 11/0-1`. */
  static tryParse(text: string): IcmpSet | string {
    const trimmed = text.trim();
    if (trimmed === 'all') return IcmpSet.#ALL;
    if (trimmed === 'none') return IcmpSet.#EMPTY;
    const parts: Interval<number>[] = [];
    for (const item of splitList(trimmed)) {
      const parsed = parseItem(item);
      if (parsed === undefined) return `invalid ICMP type/code ${JSON.stringify(item)}`;
      parts.push(parsed);
    }
    return new IcmpSet(normalize(parts));
  }

  static parse(text: string): IcmpSet {
    const result = IcmpSet.tryParse(text);
    if (typeof result === 'string') throw new NetParseError(result, text);
    return result;
  }

  union(other: IcmpSet): IcmpSet {
    return new IcmpSet(union(this.list, other.list));
  }

  intersect(other: IcmpSet): IcmpSet {
    return new IcmpSet(intersect(this.list, other.list));
  }

  subtract(other: IcmpSet): IcmpSet {
    return new IcmpSet(subtract(this.list, other.list));
  }

  complement(): IcmpSet {
    return new IcmpSet(complement(this.list, 0, ENCODED_MAX));
  }

  equals(other: IcmpSet): boolean {
    return equals(this.list, other.list);
  }

  isEmpty(): boolean {
    return this.list.length === 0;
  }

  isAll(): boolean {
    return equals(this.list, FULL);
  }

  /** Out-of-range values are simply not members (packets carry what they carry). */
  contains(type: number, code: number): boolean {
    if (type < 0 || type > 255 || code < 0 || code > 255) return false;
    return contains(this.list, (type << 8) | code);
  }

  /** True when at least one code of `type` is in the set. */
  containsAnyCodeOf(type: number): boolean {
    if (type < 0 || type > 255) return false;
    return overlaps(this.list, [{ lo: type << 8, hi: (type << 8) | 0xff }]);
  }

  containsSet(other: IcmpSet): boolean {
    return containsAll(this.list, other.list);
  }

  overlaps(other: IcmpSet): boolean {
    return overlaps(this.list, other.list);
  }

  /** Number of (type, code) pairs. */
  size(): number {
    let total = 0;
    for (const iv of this.list) total += iv.hi - iv.lo + 1;
    return total;
  }

  /** Encoded (type * 256 + code) intervals. */
  intervals(): IntervalList<number> {
    return this.list;
  }

  /** Canonical text: `all`, `none`, or ascending items like `0/0, 3/*, 5-7/*, 8/0, 11/0-1`. */
  toString(): string {
    if (this.list.length === 0) return 'none';
    if (this.isAll()) return 'all';
    const items: string[] = [];
    for (const iv of this.list) renderInterval(iv, items);
    return items.join(', ');
  }

  toJSON(): string {
    return this.toString();
  }
}
