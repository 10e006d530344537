import type { Namespace, SourceRef } from '../../model/index.js';
import {
  baseOf,
  CLUSTER_ID,
  type K8sContext,
  type K8sObject,
  meshAnnotations,
  NAME_LABEL,
  requireName,
} from './context.js';

/** Namespace ids: `k8s/<name>`, the prefix of the ids of everything in it. */
export function namespaceId(name: string): string {
  return `k8s/${name}`;
}

/** A Namespace object: its labels plus the immutable name label the control plane adds (k8s-mesh §1.4). */
export function convertNamespace(ctx: K8sContext, obj: K8sObject): Namespace | undefined {
  const name = requireName(ctx.r, obj);
  if (name === undefined) return undefined;
  ctx.ledger.declareNamespace(name);
  const annotations = meshAnnotations(ctx.r, obj.meta, ctx.r.at(obj.p, 'metadata'));
  return {
    ...baseOf(ctx.r, obj, namespaceId(name), name),
    kind: 'namespace',
    clusterId: CLUSTER_ID,
    labels: { ...obj.labels, [NAME_LABEL]: name },
    ...(annotations ? { annotations } : {}),
  };
}

/** A namespace that objects live in but no input declares: only its name label is known. */
export function impliedNamespace(name: string, source: SourceRef): Namespace {
  return {
    id: namespaceId(name),
    provider: 'kubernetes',
    name,
    tags: {},
    source,
    partial: true,
    kind: 'namespace',
    clusterId: CLUSTER_ID,
    labels: { [NAME_LABEL]: name },
  };
}
