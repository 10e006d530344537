import type { LabelSelector, NamespaceScope } from '../../model/index.js';
import { NAME_LABEL } from './context.js';
import { emptySelector } from './selector.js';

type Expression = LabelSelector['matchExpressions'][number];

/** The label Cilium gives every pod with its namespace name. */
const POD_NAMESPACE = 'io.kubernetes.pod.namespace';
/** Labels of the pod's namespace, as Cilium exposes them on the pod. */
const NAMESPACE_LABELS = 'io.cilium.k8s.namespace.labels.';

/** `k8s:app` and `any:app` are the pod label `app` (Cilium label sources). */
export function plainKey(key: string): string {
  return key.startsWith('k8s:') ? key.slice(4) : key.startsWith('any:') ? key.slice(4) : key;
}

/** A pod selector key that is really about the namespace, as the namespace label it means. */
function namespaceKey(key: string): string | undefined {
  if (key === POD_NAMESPACE) return NAME_LABEL;
  if (key.startsWith(NAMESPACE_LABELS)) return key.slice(NAMESPACE_LABELS.length);
  return undefined;
}

export interface ScopedPods {
  readonly namespaces: NamespaceScope;
  readonly pods: LabelSelector;
}

/**
 * A Cilium endpoint selector as namespaces + pods (k8s-mesh §2, as Cilium's policy parser does it):
 * label keys lose their `k8s:`/`any:` source prefix, and conditions on the pod's namespace
 * (`io.kubernetes.pod.namespace`, and the namespace's labels `io.cilium.k8s.namespace.labels.*`) move
 * into the namespace selector. `restrict`: a CiliumNetworkPolicy's subject, always in the policy's
 * namespace (a namespace name written in matchLabels is replaced, as Cilium does). `fallback`: a
 * CiliumNetworkPolicy peer, in the policy's namespace unless the selector names a namespace or
 * namespace labels. Neither (CiliumClusterwideNetworkPolicy): every namespace unless it names some.
 */
export function scopeOf(sel: LabelSelector, opts: { restrict?: string; fallback?: string } = {}): ScopedPods {
  const nsLabels: Record<string, string> = {};
  const nsExprs: Expression[] = [];
  const podLabels: Record<string, string> = {};
  const podExprs: Expression[] = [];
  let namespaced = false;
  for (const [k, v] of Object.entries(sel.matchLabels)) {
    const key = plainKey(k);
    const nk = namespaceKey(key);
    if (nk === undefined) podLabels[key] = v;
    else if (!(nk === NAME_LABEL && opts.restrict !== undefined)) nsLabels[nk] = v;
    if (nk !== undefined) namespaced = true;
  }
  for (const e of sel.matchExpressions) {
    const key = plainKey(e.key);
    const nk = namespaceKey(key);
    if (nk === undefined) podExprs.push({ ...e, key });
    else nsExprs.push({ ...e, key: nk });
    if (nk !== undefined) namespaced = true;
  }
  const own = opts.restrict ?? (namespaced ? undefined : opts.fallback);
  if (own !== undefined) nsLabels[NAME_LABEL] = own;
  const pods =
    Object.keys(podLabels).length === 0 && podExprs.length === 0
      ? emptySelector()
      : { matchLabels: podLabels, matchExpressions: podExprs };
  const nsKeys = Object.keys(nsLabels);
  if (nsExprs.length === 0 && nsKeys.length === 1 && nsKeys[0] === NAME_LABEL)
    return { namespaces: { kind: 'name', name: nsLabels[NAME_LABEL]! }, pods };
  const selector =
    nsKeys.length === 0 && nsExprs.length === 0
      ? emptySelector()
      : { matchLabels: nsLabels, matchExpressions: nsExprs };
  return { namespaces: { kind: 'selector', selector }, pods };
}

/** A selector that is only `reserved:<entity>` (e.g. `reserved:host`) means that Cilium entity. */
export function reservedEntity(sel: LabelSelector): string | undefined {
  const keys = Object.keys(sel.matchLabels);
  if (keys.length !== 1 || sel.matchExpressions.length > 0) return undefined;
  return keys[0]!.startsWith('reserved:') ? keys[0]!.slice('reserved:'.length) : undefined;
}
