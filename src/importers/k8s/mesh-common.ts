import type { LabelSelector, MeshPolicy, MeshTargetRef } from '../../model/index.js';
import type { Json, Reader } from '../_kit/index.js';
import { baseOf, CLUSTER_ID, type K8sObject } from './context.js';
import { matchLabelsOf } from './selector.js';

/** `{group?, kind, name, namespace?}`; undefined (reported) when kind or name is missing. */
export function readTargetRef(r: Reader, o: Json, p: string): MeshTargetRef | undefined {
  const kind = r.string(o, 'kind', p, true);
  const name = r.string(o, 'name', p, true);
  if (kind === undefined || name === undefined) return undefined;
  const group = r.string(o, 'group', p);
  const namespace = r.string(o, 'namespace', p);
  return {
    ...(group === undefined ? {} : { group }),
    kind,
    name,
    ...(namespace === undefined ? {} : { namespace }),
  };
}

/**
 * Istio's `{matchLabels}` workload selector. `absent` when not written; undefined (reported) when a
 * label value is not a string: the policy is then skipped, since without its selector it would
 * apply to the whole namespace.
 */
export function readWorkloadSelector(
  r: Reader,
  o: Json,
  key: string,
  p: string,
): LabelSelector | 'absent' | undefined {
  const sel = r.object(o, key, p);
  if (!sel) return o[key] === undefined || o[key] === null ? 'absent' : undefined;
  const sp = r.at(p, key);
  const ml = r.object(sel, 'matchLabels', sp);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(ml ?? {})) {
    if (typeof v === 'string') labels[k] = v;
    else {
      r.report(
        'error',
        'IMPORT_K8S_SELECTOR',
        r.at(r.at(sp, 'matchLabels'), k),
        `label value ${JSON.stringify(v)} of "${k}" is not a string; the policy is skipped`,
        'Quote label values that look like numbers or booleans.',
      );
      return undefined;
    }
  }
  return matchLabelsOf(labels);
}

type MeshFields = Omit<
  MeshPolicy,
  'id' | 'provider' | 'name' | 'tags' | 'source' | 'kind' | 'clusterId' | 'namespace'
>;

/** A namespaced mesh object as a MeshPolicy element. */
export function meshPolicy(
  r: Reader,
  obj: K8sObject,
  id: string,
  name: string,
  fields: MeshFields,
): MeshPolicy {
  return {
    ...baseOf(r, obj, id, name),
    kind: 'mesh-policy',
    clusterId: CLUSTER_ID,
    namespace: obj.namespace ?? 'default',
    ...fields,
  };
}
