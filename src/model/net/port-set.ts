/** Sets of TCP/UDP ports over the universe 0..65535. */

import { NetParseError } from './errors.js';
import type { Interval, IntervalList } from './intervals.js';
import {
  complement,
  contains,
  containsAll,
  equals,
  intersect,
  interval,
  normalize,
  overlaps,
  subtract,
  union,
} from './intervals.js';
import { formatNumberList, parseNumberRange, splitList } from './range-text.js';

export const PORT_MIN = 0;
export const PORT_MAX = 65535;

const FULL: IntervalList<number> = [{ lo: PORT_MIN, hi: PORT_MAX }];

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < PORT_MIN || port > PORT_MAX) {
    throw new RangeError(`port ${port} is not an integer in ${PORT_MIN}-${PORT_MAX}`);
  }
}

export class PortSet {
  private readonly list: IntervalList<number>;

  static readonly #EMPTY = new PortSet([]);
  static readonly #ALL = new PortSet(FULL);

  private constructor(list: IntervalList<number>) {
    this.list = list;
  }

  static empty(): PortSet {
    return PortSet.#EMPTY;
  }

  static all(): PortSet {
    return PortSet.#ALL;
  }

  static of(port: number): PortSet {
    checkPort(port);
    return new PortSet([{ lo: port, hi: port }]);
  }

  /** Inclusive range; throws RangeError on out-of-range or inverted bounds. */
  static range(lo: number, hi: number): PortSet {
    checkPort(lo);
    checkPort(hi);
    return new PortSet([interval(lo, hi)]);
  }

  /** From raw intervals in any order; validated and merged. */
  static fromIntervals(list: Iterable<Interval<number>>): PortSet {
    const merged = normalize(list);
    for (const iv of merged) {
      checkPort(iv.lo);
      checkPort(iv.hi);
    }
    return new PortSet(merged);
  }

  /** Parses `toString()` output: `all`, `none`, or `22, 80, 1024-65535`. */
  static tryParse(text: string): PortSet | string {
    const trimmed = text.trim();
    if (trimmed === 'all') return PortSet.#ALL;
    if (trimmed === 'none') return PortSet.#EMPTY;
    const parts: Interval<number>[] = [];
    for (const item of splitList(trimmed)) {
      const range = parseNumberRange(item, PORT_MAX);
      if (range === undefined) return `invalid port or port range ${JSON.stringify(item)}`;
      parts.push(range);
    }
    return new PortSet(normalize(parts));
  }

  static parse(text: string): PortSet {
    const result = PortSet.tryParse(text);
    if (typeof result === 'string') throw new NetParseError(result, text);
    return result;
  }

  union(other: PortSet): PortSet {
    return new PortSet(union(this.list, other.list));
  }

  intersect(other: PortSet): PortSet {
    return new PortSet(intersect(this.list, other.list));
  }

  subtract(other: PortSet): PortSet {
    return new PortSet(subtract(this.list, other.list));
  }

  complement(): PortSet {
    return new PortSet(complement(this.list, PORT_MIN, PORT_MAX));
  }

  equals(other: PortSet): boolean {
    return equals(this.list, other.list);
  }

  isEmpty(): boolean {
    return this.list.length === 0;
  }

  isAll(): boolean {
    return equals(this.list, FULL);
  }

  contains(port: number): boolean {
    return contains(this.list, port);
  }

  containsSet(other: PortSet): boolean {
    return containsAll(this.list, other.list);
  }

  overlaps(other: PortSet): boolean {
    return overlaps(this.list, other.list);
  }

  /** Number of ports (at most 65536, so a plain number). */
  size(): number {
    let total = 0;
    for (const iv of this.list) total += iv.hi - iv.lo + 1;
    return total;
  }

  intervals(): IntervalList<number> {
    return this.list;
  }

  /** Canonical text: `all`, `none`, or ascending items like `22, 80, 1024-65535`. */
  toString(): string {
    if (this.list.length === 0) return 'none';
    if (this.isAll()) return 'all';
    return formatNumberList(this.list);
  }

  toJSON(): string {
    return this.toString();
  }
}
