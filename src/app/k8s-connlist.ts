import {
  ClusterView,
  type Connlist,
  connectivityOf,
  DEFAULT_CNI,
  type Focus,
  focusOn,
} from '../engine/index.js';
import type { CniProfile, Diagnostic } from '../model/index.js';
import { type LoadOptions, loadEstate } from './load-estate.js';

export interface ConnlistRequest {
  readonly focus?: Focus;
  readonly cni?: CniProfile;
}

export interface ConnlistAnswer {
  readonly connlist: Connlist;
  readonly cni: CniProfile;
  readonly diagnostics: readonly Diagnostic[];
}

/** `rampart k8s connlist DIR`: the workload connectivity map of the manifests under `paths`. */
export async function k8sConnlist(
  paths: readonly string[],
  req: ConnlistRequest = {},
  opts: LoadOptions = {},
): Promise<ConnlistAnswer> {
  const { estate } = await loadEstate(paths, opts);
  const cni = req.cni ?? DEFAULT_CNI;
  const full = connectivityOf(new ClusterView(estate, cni));
  return {
    connlist: req.focus ? focusOn(full, req.focus) : full,
    cni,
    diagnostics: estate.diagnostics,
  };
}
