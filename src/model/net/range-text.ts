/**
 * Shared text helpers for the canonical "22, 80, 1024-65535" style lists used by PortSet,
 * IcmpSet and ConnectionSet. Kept strict (plain decimals, no leading zeros) so that only one
 * spelling of each set parses back, mirroring the canonical renderer.
 */

import type { Interval, IntervalList } from './intervals.js';

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** A plain non-negative decimal no larger than `max`. */
export function parseDecimal(text: string, max: number): number | undefined {
  if (!DECIMAL.test(text) || text.length > 16) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** `"n"` or `"lo-hi"` with lo <= hi <= max. */
export function parseNumberRange(text: string, max: number): Interval<number> | undefined {
  const dash = text.indexOf('-');
  if (dash < 0) {
    const n = parseDecimal(text, max);
    return n === undefined ? undefined : { lo: n, hi: n };
  }
  const lo = parseDecimal(text.slice(0, dash), max);
  const hi = parseDecimal(text.slice(dash + 1), max);
  if (lo === undefined || hi === undefined || lo > hi) return undefined;
  return { lo, hi };
}

/** Splits a comma list, tolerating any spacing around commas; empty items are kept (and rejected later). */
export function splitList(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}

export function formatNumberRange(iv: Interval<number>): string {
  return iv.lo === iv.hi ? String(iv.lo) : `${iv.lo}-${iv.hi}`;
}

export function formatNumberList(list: IntervalList<number>): string {
  return list.map(formatNumberRange).join(', ');
}
