import type { Workload } from '../../model/index.js';

export type Labels = Readonly<Record<string, string>>;

/** A workload's representative pod, with what policies look at. */
export interface Pod {
  readonly index: number;
  readonly workload: Workload;
  readonly namespace: string;
  readonly labels: Labels;
  readonly nsLabels: Labels;
}
