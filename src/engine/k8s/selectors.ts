import type { LabelSelector, NamespaceScope, PodPolicy } from '../../model/index.js';
import type { Labels, Pod } from './pod.js';

export type { Labels } from './pod.js';

/**
 * Label selector matching (k8s-mesh §1.4): every matchLabels pair AND every expression. `NotIn` and
 * `DoesNotExist` match objects that lack the key; the empty selector matches everything.
 */
export function selects(sel: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels)) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions) {
    const has = Object.hasOwn(labels, e.key);
    const value = has ? labels[e.key] : undefined;
    switch (e.operator) {
      case 'In':
        if (!has || !e.values.includes(value!)) return false;
        break;
      case 'NotIn':
        if (has && e.values.includes(value!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels).length === 0 && sel.matchExpressions.length === 0;
}

/** Whether a pod's namespace is in scope: the named one, or one whose labels the selector matches. */
export function inScope(scope: NamespaceScope, pod: Pod): boolean {
  return scope.kind === 'name' ? pod.namespace === scope.name : selects(scope.selector, pod.nsLabels);
}

/** Whether a policy's subject is this pod: its namespace in scope and its labels selected. */
export function appliesTo(p: PodPolicy, pod: Pod): boolean {
  return inScope(p.subject.namespaces, pod) && selects(p.subject.pods, pod.labels);
}
