import type { LabelSelector } from './addressing.js';
import type { ElementBase } from './element.js';

/** What the cluster's network plugin does with policies (k8s-mesh reference §3). */
export interface CniProfile {
  readonly name: string;
  readonly enforcesNetworkPolicy: boolean;
  /** Whether ipBlock peers also match pod IPs (netpol-analyzer reading: false). */
  readonly ipBlockMatchesPods: boolean;
  readonly supportsAdminNetworkPolicy: boolean;
}

export interface Cluster extends ElementBase {
  readonly kind: 'cluster';
  readonly cni: CniProfile;
  readonly podCidrs: readonly string[];
  readonly serviceCidrs: readonly string[];
  /** Where the CNI profile came from: declared in rampart.yaml, detected from manifests, or defaulted. */
  readonly cniEvidence: 'declared' | 'detected' | 'default';
}

export interface Namespace extends ElementBase {
  readonly kind: 'namespace';
  readonly clusterId: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** A pod or a workload controller represented by one representative pod. Its endpoint holds addresses. */
export interface Workload extends ElementBase {
  readonly kind: 'workload';
  readonly clusterId: string;
  readonly namespace: string;
  readonly workloadKind: string;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly serviceAccount?: string;
  readonly ports: readonly { readonly name?: string; readonly port: number; readonly protocol: string }[];
  readonly endpointIds: readonly string[];
  readonly hostNetwork: boolean;
}

export interface Service extends ElementBase {
  readonly kind: 'service';
  readonly clusterId: string;
  readonly namespace: string;
  readonly serviceType: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  readonly selector?: LabelSelector;
  readonly ports: readonly {
    readonly name?: string;
    readonly port: number;
    readonly targetPort?: number | string;
    readonly protocol: string;
  }[];
  readonly clusterIps: readonly string[];
}

/** Service-mesh settings: mTLS mode per workload/port and L7 authorization (k8s-mesh reference §7). */
export interface MeshPolicy extends ElementBase {
  readonly kind: 'mesh-policy';
  readonly mesh: 'istio' | 'linkerd' | 'cilium';
  readonly policyKind: 'peer-authentication' | 'authorization' | 'destination-rule' | 'server' | 'l7';
  readonly clusterId: string;
  readonly namespace?: string;
  readonly selector?: LabelSelector;
  readonly mtlsMode?: 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';
  readonly portMtls?: Readonly<Record<string, 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET'>>;
  readonly action?: 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
  /** L7 rules kept as data (methods, paths, principals). */
  readonly rules: readonly Readonly<Record<string, unknown>>[];
}
