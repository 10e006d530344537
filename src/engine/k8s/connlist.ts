import type { PodConns } from './pod-conns.js';

/**
 * One end of a connectivity line (netpol-analyzer grammar, DESIGN §6 `k8s connlist`):
 * - `workload`: `ns/name[Kind]`;
 * - `external`: an IPv4 range outside the cluster, `first-last[External]`;
 * - `ingress-controller`: `{ingress-controller}`;
 * - exposure only: `entire-cluster`, or a representative peer standing for pods or namespaces that
 *   do not exist yet, e.g. `[namespace with {k=v}]/[all pods]` (`representative`).
 */
export interface K8sPeer {
  readonly kind: 'workload' | 'external' | 'ingress-controller' | 'entire-cluster' | 'representative';
  /** What txt prints for the peer, e.g. `backend/catalog[Deployment]`, `0.0.0.0-9.255.255.255[External]`. */
  readonly text: string;
  readonly namespace?: string;
  /** Workload name, or the range text for external peers. */
  readonly name?: string;
  readonly workloadKind?: string;
}

/** Named ports a rule allows that could not be resolved on a representative peer (`TCP http`). */
export interface NamedPortRef {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly name: string;
}

export interface ConnEdge {
  readonly src: K8sPeer;
  readonly dst: K8sPeer;
  readonly conns: PodConns;
  readonly named?: readonly NamedPortRef[];
}

/** What `--exposure` adds: which workloads reach, or are reached from, peers beyond the input. */
export interface ExposureSection {
  /** `workload => peer`. */
  readonly egress: readonly ConnEdge[];
  /** `workload <= peer`: here `src` is the outside peer and `dst` the workload. */
  readonly ingress: readonly ConnEdge[];
}

/** The connectivity map of one cluster: every workload (dot draws them all) and the allowed edges. */
export interface Connlist {
  readonly peers: readonly K8sPeer[];
  readonly edges: readonly ConnEdge[];
  readonly exposure?: ExposureSection;
}
