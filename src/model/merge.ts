import type { Element } from './element-union.js';

export interface MergeResult {
  readonly element: Element;
  /** True when two full records disagree: the first is kept and the caller warns. */
  readonly conflict: boolean;
}

/**
 * JSON-like text of a value without `source` fields, for comparing content. Written by hand so lazy
 * source positions are never computed (JSON.stringify calls toJSON before any replacer).
 */
export function contentKey(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(contentKey).join(',')}]`;
  const toJSON = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return contentKey(toJSON.call(v));
  const parts: string[] = [];
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (k === 'source' || x === undefined) continue;
    parts.push(`${JSON.stringify(k)}:${contentKey(x)}`);
  }
  return `{${parts.join(',')}}`;
}

/** "Was this listing imported" flags: true in either record wins. */
const KNOWN_FLAGS = new Set(['routesKnown', 'entriesKnown', 'targetsKnown', 'routesTruncated']);

/** Values that mean "not known here" and must not hide a value the other record has. */
function absent(v: unknown): boolean {
  return v === undefined || v === '' || v === 'unknown';
}

function dedupe(items: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const x of items) {
    const k = typeof x === 'object' ? contentKey(x) : String(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Model arrays are never mutated, so a merged result may share its input. */
function mergeArrays(
  primary: readonly unknown[],
  other: readonly unknown[],
  bothPartial: boolean,
): readonly unknown[] {
  if (other.length === 0 || sameItems(primary, other)) return primary;
  if (primary.length === 0) return other;
  let objects = false;
  for (const x of primary) if (typeof x === 'object') objects = true;
  for (const x of other) if (typeof x === 'object') objects = true;
  // Ids and addresses: union. Rules and routes: the full record's listing is authoritative; two partial
  // views (e.g. two pages of one listing) add up.
  if (!objects || bothPartial) return dedupe([...primary, ...other]);
  return primary;
}

function mergeTags(primary: object, other: object): object {
  for (const _ in other) {
    for (const __ in primary) return { ...other, ...primary };
    return other;
  }
  return primary;
}

/** `primary` decides scalars unless it does not know them; arrays and tags combine. */
function overlay(primary: Element, other: Element): Element {
  const bothPartial = primary.partial === true && other.partial === true;
  const p = primary as unknown as Record<string, unknown>;
  const o = other as unknown as Record<string, unknown>;
  // Start from a clone of `other` (keeps V8's fast object shape), then lay `primary` over it.
  const out: Record<string, unknown> = { ...o };
  for (const k in p) {
    const v = p[k];
    const ov = o[k];
    if (Array.isArray(v) && Array.isArray(ov)) out[k] = mergeArrays(v, ov, bothPartial);
    else if (k === 'tags') out[k] = mergeTags(v as object, ov as object);
    else if (KNOWN_FLAGS.has(k)) out[k] = v === true || ov === true;
    else if (!absent(v) || ov === undefined) out[k] = v;
  }
  out.partial = bothPartial ? true : undefined;
  return out as unknown as Element;
}

/** Fields that describe or observe rather than configure: two views of one object may differ in them. */
const DESCRIPTIVE = new Set(['source', 'description', 'name', 'tags', 'health']);

/**
 * Content with descriptive fields dropped, lists compared as sets and rule ids ignored: the AWS CLI and
 * Terraform list the same security group rules in different orders and number them differently.
 */
export function semanticKey(v: unknown, inRules = false): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v))
    return `[${v
      .map((x) => semanticKey(x, inRules))
      .sort()
      .join(',')}]`;
  const toJSON = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return semanticKey(toJSON.call(v));
  const parts: string[] = [];
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || DESCRIPTIVE.has(k) || (inRules && k === 'id')) continue;
    parts.push(`${JSON.stringify(k)}:${semanticKey(x, k === 'rules')}`);
  }
  return `{${parts.join(',')}}`;
}

function empty(v: unknown): boolean {
  return absent(v) || (Array.isArray(v) && v.length === 0);
}

/**
 * Two full records of one object are compatible when they differ only where one view lacks what the
 * other has: a shared transit gateway seen from two accounts (each sees its own tags), a listing that
 * one account's export does not include.
 */
function compatible(a: Element, b: Element): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    if (DESCRIPTIVE.has(k) || KNOWN_FLAGS.has(k)) continue;
    const va = ra[k];
    const vb = rb[k];
    if (empty(va) || empty(vb)) continue;
    if (semanticKey(va, k === 'rules') !== semanticKey(vb, k === 'rules')) return false;
  }
  return true;
}

export function mergeDuplicate(first: Element, second: Element): MergeResult {
  if (first.partial && !second.partial) return { element: overlay(second, first), conflict: false };
  if (first.partial || second.partial) return { element: overlay(first, second), conflict: false };
  if (compatible(first, second)) return { element: overlay(first, second), conflict: false };
  return { element: first, conflict: true };
}
