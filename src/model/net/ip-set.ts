/**
 * Sets of IP addresses, IPv4 and IPv6 kept in separate interval lists so that family never
 * leaks across (0.0.0.0/0 never matches an IPv6 peer, as in every cloud's rule model).
 */

import { NetParseError } from './errors.js';
import type { Interval, IntervalList } from './intervals.js';
import {
  complement,
  contains,
  containsAll,
  equals,
  intersect as intersectLists,
  interval,
  normalize,
  overlaps,
  size as sizeOfList,
  subtract as subtractLists,
  union as unionLists,
} from './intervals.js';
import type { IpAddress, IpFamily } from './ip.js';
import {
  cidrToRange,
  exactCidr,
  familyMax,
  formatCidr,
  formatIp,
  IPV4_MAX,
  IPV6_MAX,
  parseCidr,
  parseIp,
  rangeToCidrs,
} from './ip.js';
import { splitList } from './range-text.js';

const FULL_V4: IntervalList<bigint> = [{ lo: 0n, hi: IPV4_MAX }];
const FULL_V6: IntervalList<bigint> = [{ lo: 0n, hi: IPV6_MAX }];

function checkBounds(family: IpFamily, list: IntervalList<bigint>): void {
  const top = familyMax(family);
  for (const iv of list) {
    if (iv.lo < 0n || iv.hi > top) throw new RangeError(`interval outside the IPv${family} address space`);
  }
}

function renderInterval(family: IpFamily, iv: Interval<bigint>): string {
  const block = exactCidr(iv.lo, iv.hi, family);
  if (block !== undefined) return formatCidr(block);
  return `${formatIp(family, iv.lo)}-${formatIp(family, iv.hi)}`;
}

/** One item of a list: a CIDR, a bare address, or `first-last` within one family. */
function parseItem(text: string): { family: IpFamily; range: Interval<bigint> } | string {
  const dash = text.indexOf('-');
  if (dash < 0) {
    const cidr = parseCidr(text);
    return typeof cidr === 'string' ? cidr : { family: cidr.family, range: cidrToRange(cidr) };
  }
  const lo = parseIp(text.slice(0, dash));
  const hi = parseIp(text.slice(dash + 1));
  if (lo === undefined || hi === undefined || lo.family !== hi.family || lo.value > hi.value) {
    return `invalid address range ${JSON.stringify(text)}`;
  }
  return { family: lo.family, range: { lo: lo.value, hi: hi.value } };
}

export class IpSet {
  // Plain (not #) private fields so that structural test matchers like toEqual see the contents.
  private readonly v4: IntervalList<bigint>;
  private readonly v6: IntervalList<bigint>;

  static readonly #EMPTY = new IpSet([], []);
  static readonly #ALL_V4 = new IpSet(FULL_V4, []);
  static readonly #ALL_V6 = new IpSet([], FULL_V6);
  static readonly #ALL = new IpSet(FULL_V4, FULL_V6);

  private constructor(v4: IntervalList<bigint>, v6: IntervalList<bigint>) {
    this.v4 = v4;
    this.v6 = v6;
  }

  static empty(): IpSet {
    return IpSet.#EMPTY;
  }

  static all(): IpSet {
    return IpSet.#ALL;
  }

  static allV4(): IpSet {
    return IpSet.#ALL_V4;
  }

  static allV6(): IpSet {
    return IpSet.#ALL_V6;
  }

  /** Host bits are masked like AWS does; use `parseCidr` directly to detect and warn about them. */
  static tryFromCidr(text: string): IpSet | string {
    const cidr = parseCidr(text);
    if (typeof cidr === 'string') return cidr;
    const range = cidrToRange(cidr);
    return IpSet.fromRange(cidr.family, range.lo, range.hi);
  }

  /** For literals in code; throws NetParseError on bad input. */
  static fromCidr(text: string): IpSet {
    const result = IpSet.tryFromCidr(text);
    if (typeof result === 'string') throw new NetParseError(result, text);
    return result;
  }

  /** Normalizes all blocks in one pass, so building from thousands of prefixes stays n log n. */
  static fromCidrs(list: Iterable<string>): IpSet {
    const v4: Interval<bigint>[] = [];
    const v6: Interval<bigint>[] = [];
    for (const text of list) {
      const cidr = parseCidr(text);
      if (typeof cidr === 'string') throw new NetParseError(cidr, text);
      (cidr.family === 4 ? v4 : v6).push(cidrToRange(cidr));
    }
    return new IpSet(normalize(v4), normalize(v6));
  }

  static fromRange(family: IpFamily, lo: bigint, hi: bigint): IpSet {
    const list = [interval(lo, hi)];
    checkBounds(family, list);
    return family === 4 ? new IpSet(list, []) : new IpSet([], list);
  }

  static fromAddress(address: string | IpAddress): IpSet {
    const parsed = typeof address === 'string' ? parseIp(address) : address;
    if (parsed === undefined) {
      throw new NetParseError(`invalid IP address ${JSON.stringify(address)}`, String(address));
    }
    return IpSet.fromRange(parsed.family, parsed.value, parsed.value);
  }

  /** From raw intervals in any order; they are validated and merged. */
  static fromIntervals(v4: Iterable<Interval<bigint>>, v6: Iterable<Interval<bigint>>): IpSet {
    const a = normalize(v4);
    const b = normalize(v6);
    checkBounds(4, a);
    checkBounds(6, b);
    return new IpSet(a, b);
  }

  /** Parses `toString()` output (or any comma list of CIDRs, addresses and `first-last` ranges). */
  static tryParse(text: string): IpSet | string {
    if (text.trim() === 'none') return IpSet.#EMPTY;
    const v4: Interval<bigint>[] = [];
    const v6: Interval<bigint>[] = [];
    for (const item of splitList(text)) {
      const parsed = parseItem(item);
      if (typeof parsed === 'string') return parsed;
      (parsed.family === 4 ? v4 : v6).push(parsed.range);
    }
    return new IpSet(normalize(v4), normalize(v6));
  }

  static parse(text: string): IpSet {
    const result = IpSet.tryParse(text);
    if (typeof result === 'string') throw new NetParseError(result, text);
    return result;
  }

  union(other: IpSet): IpSet {
    return new IpSet(unionLists(this.v4, other.v4), unionLists(this.v6, other.v6));
  }

  intersect(other: IpSet): IpSet {
    return new IpSet(intersectLists(this.v4, other.v4), intersectLists(this.v6, other.v6));
  }

  subtract(other: IpSet): IpSet {
    return new IpSet(subtractLists(this.v4, other.v4), subtractLists(this.v6, other.v6));
  }

  /** Complement within each family's own universe. */
  complement(): IpSet {
    return new IpSet(complement(this.v4, 0n, IPV4_MAX), complement(this.v6, 0n, IPV6_MAX));
  }

  equals(other: IpSet): boolean {
    return equals(this.v4, other.v4) && equals(this.v6, other.v6);
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  isAll(): boolean {
    return equals(this.v4, FULL_V4) && equals(this.v6, FULL_V6);
  }

  /** Throws NetParseError when given unparsable text: a typo must not read as "not contained". */
  contains(address: string | IpAddress): boolean {
    const parsed = typeof address === 'string' ? parseIp(address) : address;
    if (parsed === undefined) {
      throw new NetParseError(`invalid IP address ${JSON.stringify(address)}`, String(address));
    }
    return contains(parsed.family === 4 ? this.v4 : this.v6, parsed.value);
  }

  containsSet(other: IpSet): boolean {
    return containsAll(this.v4, other.v4) && containsAll(this.v6, other.v6);
  }

  overlaps(other: IpSet): boolean {
    return overlaps(this.v4, other.v4) || overlaps(this.v6, other.v6);
  }

  v4Intervals(): IntervalList<bigint> {
    return this.v4;
  }

  v6Intervals(): IntervalList<bigint> {
    return this.v6;
  }

  /** Minimal CIDR cover, IPv4 first, ascending. */
  toCidrs(): string[] {
    const out: string[] = [];
    for (const iv of this.v4) for (const block of rangeToCidrs(iv.lo, iv.hi, 4)) out.push(formatCidr(block));
    for (const iv of this.v6) for (const block of rangeToCidrs(iv.lo, iv.hi, 6)) out.push(formatCidr(block));
    return out;
  }

  /** Number of addresses across both families. */
  size(): bigint {
    return sizeOfList(this.v4) + sizeOfList(this.v6);
  }

  /** Canonical text: equal sets always render identically, so it doubles as a stable key. */
  toString(): string {
    const items = [
      ...this.v4.map((iv) => renderInterval(4, iv)),
      ...this.v6.map((iv) => renderInterval(6, iv)),
    ];
    return items.length === 0 ? 'none' : items.join(', ');
  }

  toJSON(): string {
    return this.toString();
  }
}
