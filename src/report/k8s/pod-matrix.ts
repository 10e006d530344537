/**
 * The pod-level connectivity matrix, in netpol-analyzer's connections-map grammar
 * (shared/conformance/k8s/netpol-analyzer/README.md, "Pod-level matrices"): every ordered pod pair,
 * self pairs and denied pairs included, `src: ns/pod, dest: ns/pod, allowed conns: <conns>`, or
 * `true`/`false` per pair for one probed protocol and port. A pod always reaches itself.
 */
import type { Pod, PodMap } from '../../engine/index.js';
import { ALL_CONNECTIONS, byCodeUnit, connsText, type FocusConn } from './conns-text.js';

/**
 * `conns`: what each pair allows. `bool`: whether the pair allows the probe; no probe is the empty
 * protocol/port netpol-analyzer accepts, which no connection matches (only self pairs are `true`).
 */
export type PodMatrixMode =
  | { readonly kind: 'conns' }
  | { readonly kind: 'bool'; readonly probe?: FocusConn };

export interface PodMatrixOptions {
  readonly mode?: PodMatrixMode;
  /** The pods to list, of the map's view (default: all of them). */
  readonly pods?: readonly Pod[];
}

/** `ns/pod`: the imported pod's name, or the workload's for a representative pod. */
export function podMatrixName(pod: Pod): string {
  return `${pod.namespace}/${pod.podName ?? pod.workload.name ?? pod.workload.id}`;
}

/** The matrix as text, one line per ordered pair, sorted by source then destination name. */
export function renderPodMatrix(map: PodMap, opts: PodMatrixOptions = {}): string {
  const mode = opts.mode ?? { kind: 'conns' };
  const pods = [...(opts.pods ?? map.view.pods)]
    .map((pod) => ({ pod, name: podMatrixName(pod) }))
    .sort((a, b) => byCodeUnit(a.name, b.name) || a.pod.index - b.pod.index);
  const cell = (src: Pod, dst: Pod): string => {
    if (src === dst) return mode.kind === 'conns' ? ALL_CONNECTIONS : 'true';
    const conns = map.table.get(map.conns(src.index, dst.index));
    if (mode.kind === 'conns') return connsText(conns);
    return String(mode.probe !== undefined && conns.ports(mode.probe.protocol).contains(mode.probe.port));
  };
  const out: string[] = [];
  for (const s of pods)
    for (const d of pods) out.push(`src: ${s.name}, dest: ${d.name}, allowed conns: ${cell(s.pod, d.pod)}\n`);
  return out.join('');
}
