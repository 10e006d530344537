/**
 * Shared empty values. Most lists in an export are empty (IPv6 addresses, public IPs, tags); sharing one
 * frozen instance keeps 10k-element imports from allocating (and garbage-collecting) thousands of them.
 * Model values are never mutated, so sharing is safe.
 */
export const NONE: readonly never[] = Object.freeze([]);
export const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});

/** The list itself, or the shared empty list. */
export function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : list;
}
