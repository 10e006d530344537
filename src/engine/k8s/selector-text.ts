/**
 * Label selectors as text, for exposure analysis (k8s-mesh §1.8, §4.1): how netpol-analyzer prints a
 * selector inside a representative peer, and the canonical requirement form it uses to decide
 * whether two selectors are "the same" (a rule selector and the selector a representative peer was
 * inferred from).
 */
import type { LabelSelector } from '../../model/index.js';

type Expression = LabelSelector['matchExpressions'][number];

/** Go's string order (byte order; the same as UTF-16 order for label text). */
export function byCodeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The label every namespace carries with its own name (k8s-mesh §1.4). */
export const NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * One matchExpressions entry the way Go prints the API struct (`%v` of LabelSelectorRequirement
 * without its `&LabelSelectorRequirement` prefix): values keep their written order, separated by
 * spaces, e.g. `{Key:app,Operator:NotIn,Values:[b-app c-app],}`.
 */
export function expressionText(e: Expression): string {
  return `{Key:${e.key},Operator:${e.operator},Values:[${e.values.join(' ')}],}`;
}

/**
 * The inside of the braces of `[pod with {...}]`: matchLabels as `k=v` sorted by key, then the
 * expressions in their struct form sorted as strings, all joined by commas.
 */
export function selectorText(sel: LabelSelector): string {
  const labels = Object.keys(sel.matchLabels)
    .sort(byCodeUnitOrder)
    .map((k) => `${k}=${sel.matchLabels[k]}`);
  const exprs = sel.matchExpressions.map(expressionText).sort(byCodeUnitOrder);
  return [...labels, ...exprs].join(',');
}

export function isEmptySel(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels).length === 0 && sel.matchExpressions.length === 0;
}

/** A namespace part: the bare name for a name-only selector, `[all namespaces]`, or `[namespace with {...}]`. */
export function namespaceText(sel: LabelSelector): string {
  const keys = Object.keys(sel.matchLabels);
  if (keys.length === 1 && keys[0] === NAME_LABEL && sel.matchExpressions.length === 0)
    return sel.matchLabels[NAME_LABEL]!;
  return isEmptySel(sel) ? '[all namespaces]' : `[namespace with {${selectorText(sel)}}]`;
}

/** A pod part: `[all pods]` or `[pod with {...}]`. */
export function podText(sel: LabelSelector): string {
  return isEmptySel(sel) ? '[all pods]' : `[pod with {${selectorText(sel)}}]`;
}

/**
 * One requirement in the canonical form of the Kubernetes labels package: `k=v` for a label and for
 * `In` with a single value (netpol-analyzer treats `app In [x]` and `app=x` as one selector),
 * `k in (a,b)` / `k notin (a,b)` with sorted values, `k` for Exists, `!k` for DoesNotExist.
 */
function requirementText(e: Expression): string {
  const values = [...e.values].sort(byCodeUnitOrder).join(',');
  switch (e.operator) {
    case 'In':
      return e.values.length === 1 ? `${e.key}=${e.values[0]}` : `${e.key} in (${values})`;
    case 'NotIn':
      return `${e.key} notin (${values})`;
    case 'Exists':
      return e.key;
    case 'DoesNotExist':
      return `!${e.key}`;
  }
}

/**
 * The requirements of a selector in canonical order (by key, then text). Two selectors with the same
 * list select by the same requirements, whatever order or form (`In [x]` vs a label) they were
 * written in.
 */
export function requirements(sel: LabelSelector): string[] {
  const reqs: [string, string][] = [
    ...Object.entries(sel.matchLabels).map(([k, v]): [string, string] => [k, `${k}=${v}`]),
    ...sel.matchExpressions.map((e): [string, string] => [e.key, requirementText(e)]),
  ];
  return reqs
    .sort((a, b) => byCodeUnitOrder(a[0], b[0]) || byCodeUnitOrder(a[1], b[1]))
    .map(([, text]) => text);
}

/** A key equal for selectors with the same requirements (representative peers are unique by it). */
export function selectorKey(sel: LabelSelector): string {
  return requirements(sel).join('&');
}

/**
 * netpol-analyzer's match between a rule selector and a representative peer's selector: an empty rule
 * selector matches everything, otherwise the requirements must be the same. Containment does not
 * count: `{app=x}` does not match a representative inferred from `{app=x, tier=y}`.
 */
export function selectorsFullMatch(rule: LabelSelector, rep: LabelSelector): boolean {
  return isEmptySel(rule) || selectorKey(rule) === selectorKey(rep);
}
