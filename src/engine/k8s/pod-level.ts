import type { Workload } from '../../model/index.js';
import type { Labels, Pod } from './pod.js';

/** Whether a view holds one pod per workload (the default) or one per imported Pod object. */
export type ViewGranularity = 'workload' | 'pod';

/**
 * The engine pods of a cluster's workloads. `workload`: one representative pod each, with the
 * workload's labels. `pod`: one per imported Pod object (`Workload.pods`), each with its own labels
 * and addresses (given to the policies through a copy of the workload, so that selectors, ipBlocks
 * and named ports read the pod and not the representative); a workload without a pod list (a
 * controller manifest) keeps its representative pod.
 */
export function enginePods(
  workloads: readonly Workload[],
  nsLabels: (namespace: string) => Labels,
  granularity: ViewGranularity,
): Pod[] {
  const out: Pod[] = [];
  for (const w of workloads) {
    const ns = nsLabels(w.namespace);
    if (granularity === 'workload' || !w.pods || w.pods.length === 0) {
      out.push({ index: out.length, workload: w, namespace: w.namespace, labels: w.podLabels, nsLabels: ns });
      continue;
    }
    for (const p of w.pods) {
      const { addresses: _all, ...rest } = w;
      const own: Workload = {
        ...rest,
        podLabels: p.labels,
        ...(p.addresses.length > 0 ? { addresses: p.addresses } : {}),
      };
      out.push({
        index: out.length,
        workload: own,
        namespace: w.namespace,
        labels: p.labels,
        nsLabels: ns,
        podName: p.name,
      });
    }
  }
  return out;
}
