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

/**
 * Named ports a rule allows that could not be resolved on a representative peer (`TCP http`). An
 * admin policy's `namedPort` has no protocol of its own (the destination's container port gives
 * it): unresolved, its protocol is empty, and netpol-analyzer prints it so (` local-port`).
 */
export interface NamedPortRef {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP' | '';
  readonly name: string;
}

export interface ConnEdge {
  readonly src: K8sPeer;
  readonly dst: K8sPeer;
  readonly conns: PodConns;
  readonly named?: readonly NamedPortRef[];
  /** Request-level limits on some of the ports (Cilium HTTP rules, Istio methods/paths). */
  readonly l7?: readonly L7Constraint[];
  /** mTLS on the edge, per group of ports, when a mesh is configured in the cluster. */
  readonly mtls?: readonly MtlsStatus[];
  /** Why ports were taken out by the mesh, or what could not be judged. */
  readonly notes?: readonly string[];
}

/** One request pattern: every given field must match (Cilium: regular expressions; Istio: exact, `x*`, `*x`). */
export interface L7Request {
  readonly methods?: readonly string[];
  readonly paths?: readonly string[];
  readonly hosts?: readonly string[];
  readonly headers?: readonly string[];
}

/**
 * A limit at L7 on some ports of an edge (k8s-mesh §2, §3.3, §3.4). `allow-only`: only requests that
 * match one of `requests` pass (others get 403); `deny`: matching requests are refused. Cilium and
 * Istio enforce theirs at different points, so both apply.
 */
export interface L7Constraint {
  readonly enforcedBy: 'cilium' | 'istio';
  readonly effect: 'allow-only' | 'deny';
  readonly conns: PodConns;
  readonly requests: readonly L7Request[];
  /** The policy that sets it. */
  readonly policy: string;
}

/**
 * mTLS on some ports of an edge (k8s-mesh §3.1-§3.2): what the server accepts (`required` STRICT,
 * `optional` PERMISSIVE, `plaintext` DISABLE or no sidecar) and whether this client actually encrypts.
 */
export interface MtlsStatus {
  readonly conns: PodConns;
  readonly mode: 'required' | 'optional' | 'plaintext';
  readonly encrypted: boolean;
  readonly mesh: 'istio' | 'linkerd' | 'none';
}

/** What `--exposure` adds: which workloads reach, or are reached from, peers beyond the input. */
export interface ExposureSection {
  /** `workload => peer`. */
  readonly egress: readonly ConnEdge[];
  /** `workload <= peer`: here `src` is the outside peer and `dst` the workload. */
  readonly ingress: readonly ConnEdge[];
  /** Workloads no policy protects in a direction (txt closes the section with them). */
  readonly unprotected?: readonly { workload: K8sPeer; direction: 'ingress' | 'egress' }[];
}

/** The connectivity map of one cluster: every workload (dot draws them all) and the allowed edges. */
export interface Connlist {
  readonly peers: readonly K8sPeer[];
  readonly edges: readonly ConnEdge[];
  readonly exposure?: ExposureSection;
}
