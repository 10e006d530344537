import {
  annotateEdges,
  ClusterView,
  CNI_NAMES,
  type Connlist,
  cniProfile,
  connectivityOf,
  DEFAULT_CNI,
  detectCni,
  explainAll,
  exposureSectionOf,
  type Focus,
  focusOn,
  type PairExplanation,
  withIngressController,
} from '../engine/index.js';
import type { CniProfile, Diagnostic, PodPolicy } from '../model/index.js';
import { UsageError } from './errors.js';
import { type LoadOptions, loadEstate } from './load-estate.js';
import { loadProjectConfig } from './project-config.js';

export type { Focus } from '../engine/index.js';

export interface ConnlistRequest {
  readonly focus?: Focus;
  /** A profile, or a CNI name as given on the command line. */
  readonly cni?: CniProfile | string;
  /** One end per imported Pod object instead of per workload (`--pods`). */
  readonly pods?: boolean;
  /** Explain every pair (`--explain`): the tier, policy and rule behind each part of the answer. */
  readonly explain?: boolean;
  /**
   * `rampart` (the default): the pairs the focus keeps, `--focus-conn` keeping those that allow it.
   * `netpol` (netpol-analyzer's reading): `--focus-conn` narrows what is explained, not which pairs,
   * so pairs that deny the connection are explained too.
   */
  readonly explainStyle?: 'rampart' | 'netpol';
  /** Add the exposure section (`--exposure`): what workloads exchange with pods not in the input. */
  readonly exposure?: boolean;
}

/** Workloads above which `--explain` needs a focus. */
const EXPLAIN_ALL_MAX = 300;

/** A CNI name to its profile; an unknown name is a usage error listing the known ones. */
export function cniByName(name: string): CniProfile {
  const p = cniProfile(name);
  if (!p) throw new UsageError('APP_UNKNOWN_CNI', `unknown CNI "${name}"`, `Known: ${CNI_NAMES.join(', ')}.`);
  return p;
}

export interface ConnlistAnswer {
  readonly connlist: Connlist;
  readonly cni: CniProfile;
  /** Where the profile came from: `--cni`, rampart.yaml, detected (with the workload), or the default. */
  readonly cniEvidence: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly explanations?: readonly PairExplanation[];
}

/** `rampart k8s connlist DIR`: the workload connectivity map of the manifests under `paths`. */
export async function k8sConnlist(
  paths: readonly string[],
  req: ConnlistRequest = {},
  opts: LoadOptions = {},
): Promise<ConnlistAnswer> {
  const { estate } = await loadEstate(paths, opts);
  const { cni, cniEvidence } = await profileFor(
    paths,
    estate.all('workload'),
    estate.all('pod-policy'),
    req,
    opts,
  );
  const view = new ClusterView(estate, cni, 'default', req.pods ? 'pod' : 'workload');
  // Every pair explained is a few lines; past this many the answer is unreadable and huge.
  if (req.explain && !req.focus?.workloads?.length && view.pods.length > EXPLAIN_ALL_MAX)
    throw new UsageError(
      'APP_EXPLAIN_TOO_MANY',
      `--explain on ${view.pods.length} workloads would explain ${view.pods.length * (view.pods.length - 1)} pairs`,
      'Name the workloads to explain with --focus-workload (and --focus-workload-peer).',
    );
  // Mesh and Cilium L7 annotations come on top of the L3/L4 map (k8s-mesh §3.4).
  const map = annotateEdges(view, estate, withIngressController(view, estate, connectivityOf(view)));
  const full = req.exposure ? { ...map, exposure: exposureSectionOf(view, map, req.focus) } : map;
  return {
    connlist: req.focus ? focusOn(full, req.focus) : full,
    cni,
    cniEvidence,
    diagnostics: estate.diagnostics,
    ...(req.explain ? { explanations: explainAll(view, map, explainFocus(req), estate) } : {}),
  };
}

/** The focus that picks the pairs to explain (see `ConnlistRequest.explainStyle`). */
function explainFocus(req: ConnlistRequest): Focus | undefined {
  if (req.explainStyle !== 'netpol' || !req.focus) return req.focus;
  const { conn: _conn, ...pairs } = req.focus;
  return pairs;
}

/**
 * The CNI profile (issue #4 item 3): `--cni` first, then `clusters:` in rampart.yaml, then what the
 * manifests reveal (a calico-node DaemonSet...), else the default reading (DESIGN §6).
 */
export async function profileFor(
  paths: readonly string[],
  workloads: Parameters<typeof detectCni>[0],
  policies: readonly PodPolicy[],
  req: ConnlistRequest,
  opts: LoadOptions,
): Promise<{ cni: CniProfile; cniEvidence: string }> {
  if (req.cni)
    return {
      cni: typeof req.cni === 'string' ? cniByName(req.cni) : req.cni,
      cniEvidence: 'given with --cni',
    };
  const config = await loadProjectConfig(paths, opts.cwd);
  const declared = config?.clusters[0];
  if (config && declared) return { cni: declared.cni, cniEvidence: `declared in ${config.file}` };
  const detected = detectCni(workloads);
  if (detected) return { cni: detected.profile, cniEvidence: `detected from ${detected.evidence}` };
  const cnp = policies.find((p) => p.policyKind.startsWith('cilium'));
  if (cnp) return { cni: cniByName('cilium'), cniEvidence: `detected from ${cnp.id}` };
  return { cni: DEFAULT_CNI, cniEvidence: 'nothing given, declared or detected' };
}
