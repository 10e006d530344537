import type { Workload } from '../../model/index.js';

export type Labels = Readonly<Record<string, string>>;

/** A workload's representative pod (or, in a pod-level view, one imported pod), with what policies look at. */
export interface Pod {
  readonly index: number;
  readonly workload: Workload;
  readonly namespace: string;
  readonly labels: Labels;
  readonly nsLabels: Labels;
  /**
   * In a pod-level view (`ClusterView.podLevel`), the imported Pod this stands for; `workload` then
   * carries that pod's labels and addresses. Unset for a workload's representative pod.
   */
  readonly podName?: string;
}
