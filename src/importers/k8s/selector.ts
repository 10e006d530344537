import type { LabelSelector } from '../../model/index.js';
import { isObject, type Json, type Reader } from '../_kit/index.js';

type Operator = LabelSelector['matchExpressions'][number]['operator'];
type Expression = LabelSelector['matchExpressions'][number];

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);
const EMPTY: LabelSelector = Object.freeze({
  matchLabels: Object.freeze({}),
  matchExpressions: Object.freeze([]),
});

/** The selector that matches everything (`{}`). */
export function emptySelector(): LabelSelector {
  return EMPTY;
}

function bad(r: Reader, pointer: string, message: string): undefined {
  r.report(
    'error',
    'IMPORT_K8S_SELECTOR',
    pointer,
    message,
    'The API server rejects this selector. What uses it is skipped: never read as matching more.',
  );
  return undefined;
}

function readExpression(r: Reader, e: unknown, p: string): Expression | undefined {
  if (!isObject(e)) return bad(r, p, 'a matchExpressions entry must be an object {key, operator, values}');
  const key = e.key;
  if (typeof key !== 'string' || key === '')
    return bad(r, r.at(p, 'key'), 'a matchExpressions entry needs a key');
  const op = e.operator;
  if (typeof op !== 'string' || !OPERATORS.has(op))
    return bad(
      r,
      r.at(p, 'operator'),
      `unknown selector operator ${JSON.stringify(op)} (In, NotIn, Exists, DoesNotExist)`,
    );
  const raw = e.values ?? [];
  if (!Array.isArray(raw)) return bad(r, r.at(p, 'values'), 'values must be a list of strings');
  const values: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const v: unknown = raw[i];
    if (typeof v !== 'string')
      return bad(r, r.at(r.at(p, 'values'), i), `label value ${JSON.stringify(v)} is not a string`);
    values.push(v);
  }
  if ((op === 'In' || op === 'NotIn') && values.length === 0)
    return bad(r, p, `operator ${op} needs at least one value`);
  if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0)
    return bad(r, r.at(p, 'values'), `operator ${op} takes no values`);
  return { key, operator: op as Operator, values };
}

/**
 * A `metav1.LabelSelector` (k8s-mesh §1.4). Returns undefined, with an `IMPORT_K8S_SELECTOR` error at the
 * offending field, when any part is invalid: unknown field or operator, In/NotIn without values,
 * Exists/DoesNotExist with values, non-string label values. A part is never dropped on its own,
 * since a selector missing one condition would match more than written.
 */
export function readSelector(r: Reader, v: unknown, pointer: string): LabelSelector | undefined {
  if (!isObject(v))
    return bad(r, pointer, 'a label selector must be an object {matchLabels, matchExpressions}');
  for (const k of Object.keys(v))
    if (k !== 'matchLabels' && k !== 'matchExpressions')
      return bad(r, r.at(pointer, k), `unknown selector field "${k}" (labels go under matchLabels)`);
  const matchLabels: Record<string, string> = {};
  const ml = v.matchLabels;
  if (ml !== undefined && ml !== null) {
    const mp = r.at(pointer, 'matchLabels');
    if (!isObject(ml)) return bad(r, mp, 'matchLabels must be a map of strings');
    for (const k of Object.keys(ml)) {
      const x = ml[k];
      if (typeof x !== 'string')
        return bad(r, r.at(mp, k), `label value ${JSON.stringify(x)} of "${k}" is not a string`);
      matchLabels[k] = x;
    }
  }
  const matchExpressions: Expression[] = [];
  const me = v.matchExpressions;
  if (me !== undefined && me !== null) {
    const ep = r.at(pointer, 'matchExpressions');
    if (!Array.isArray(me)) return bad(r, ep, 'matchExpressions must be a list');
    for (let i = 0; i < me.length; i++) {
      const e = readExpression(r, me[i], r.at(ep, i));
      if (e === undefined) return undefined;
      matchExpressions.push(e);
    }
  }
  if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0) return EMPTY;
  return { matchLabels, matchExpressions };
}

/** An optional selector field: absent gives `absent`, invalid gives undefined (reported). */
export function selectorField<T>(
  r: Reader,
  o: Json,
  key: string,
  pointer: string,
  absent: T,
): LabelSelector | T | undefined {
  const v = o[key];
  if (v === undefined || v === null) return absent;
  return readSelector(r, v, r.at(pointer, key));
}

/** A plain `map[string]string` selector (Service, Istio `selector.matchLabels`) as a LabelSelector. */
export function matchLabelsOf(labels: Readonly<Record<string, string>>): LabelSelector {
  return Object.keys(labels).length === 0 ? EMPTY : { matchLabels: labels, matchExpressions: [] };
}
