import { ClusterView, type K8sFinding, k8sFindings, MeshView } from '../engine/index.js';
import type { CniProfile, Diagnostic } from '../model/index.js';
import { profileFor } from './k8s-connlist.js';
import { type LoadOptions, loadEstate } from './load-estate.js';

export interface K8sFindingsRequest {
  /** A profile, or a CNI name as given on the command line. */
  readonly cni?: CniProfile | string;
}

export interface K8sFindingsAnswer {
  readonly findings: readonly K8sFinding[];
  readonly cni: CniProfile;
  /** Where the profile came from: `--cni`, rampart.yaml, detected (with the workload), or the default. */
  readonly cniEvidence: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `rampart k8s findings`: the Kubernetes findings (issue #4 item 7) of the manifests under `paths`,
 * judged under the same CNI profile `k8s connlist` would use.
 */
export async function k8sFindingsOf(
  paths: readonly string[],
  req: K8sFindingsRequest = {},
  opts: LoadOptions = {},
): Promise<K8sFindingsAnswer> {
  const { estate } = await loadEstate(paths, opts);
  const { cni, cniEvidence } = await profileFor(
    paths,
    estate.all('workload'),
    estate.all('pod-policy'),
    req.cni === undefined ? {} : { cni: req.cni },
    opts,
  );
  const view = new ClusterView(estate, cni);
  return {
    findings: k8sFindings(view, new MeshView(estate, view)),
    cni,
    cniEvidence,
    diagnostics: estate.diagnostics,
  };
}
