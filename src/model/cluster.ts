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
  /** Mesh-related annotations only (istio, linkerd): injection and default inbound policy. */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** One Pod object a workload was built from, as imported: its own name, labels and pod IPs. */
export interface WorkloadPod {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly addresses: readonly string[];
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
  /** Mesh-related pod annotations only (sidecar.istio.io/inject, linkerd.io/inject...). */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Container images of the pod template (init containers included), e.g. to detect the CNI. */
  readonly images?: readonly string[];
  /** Pod IPs from `status.podIP` / `status.podIPs` when the manifest carries a status. */
  readonly addresses?: readonly string[];
  /**
   * The Pod objects merged into this workload, in input order (only for workloads built from Pod
   * objects): pods of one owner may differ in labels, which the representative pod cannot show.
   */
  readonly pods?: readonly WorkloadPod[];
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

/** One Service an ingress route forwards to, with the port it names (none: every port of the Service). */
export interface IngressBackend {
  readonly service: string;
  /** Route `spec.port.targetPort`, Ingress `port.number` / `port.name`: a Service port or target port. */
  readonly port?: number | string;
}

/**
 * An OpenShift Route or a Kubernetes Ingress: the Services of its namespace that the cluster's
 * ingress controller forwards outside traffic to (netpol-analyzer's ingress analysis).
 */
export interface IngressRoute extends ElementBase {
  readonly kind: 'ingress-route';
  readonly clusterId: string;
  readonly namespace: string;
  readonly routeKind: 'Route' | 'Ingress';
  readonly backends: readonly IngressBackend[];
}

/** A reference from a mesh policy to the object it applies to (Istio `targetRef`, Linkerd `targetRef`). */
export interface MeshTargetRef {
  readonly group?: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/**
 * Service-mesh settings: mTLS mode per workload/port and L7 authorization (k8s-mesh reference §3).
 * `rules` keep each object's rules as plain data, normalised per kind: Istio AuthorizationPolicy
 * `{from?, to?, when?}` as written; DestinationRule one `{host, tlsMode?, portLevel, subsets?}`; Linkerd
 * Server `{port, podSelector?, proxyProtocol?}`, AuthorizationPolicy `{targetRef, requiredAuthenticationRefs}`,
 * MeshTLSAuthentication `{identities?, identityRefs?}`, NetworkAuthentication `{networks}`.
 */
export interface MeshPolicy extends ElementBase {
  readonly kind: 'mesh-policy';
  readonly mesh: 'istio' | 'linkerd' | 'cilium';
  /** `authentication`: Linkerd MeshTLSAuthentication / NetworkAuthentication, referenced by authorizations. */
  readonly policyKind:
    | 'peer-authentication'
    | 'authorization'
    | 'authentication'
    | 'destination-rule'
    | 'server'
    | 'l7';
  readonly clusterId: string;
  readonly namespace?: string;
  readonly selector?: LabelSelector;
  /** What the policy is attached to instead of (or besides) a selector. */
  readonly targetRef?: MeshTargetRef;
  /** DestinationRule: the service host it configures clients for. */
  readonly host?: string;
  readonly mtlsMode?: 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';
  readonly portMtls?: Readonly<Record<string, 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET'>>;
  readonly action?: 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
  /** L7 rules kept as data (methods, paths, principals). */
  readonly rules: readonly Readonly<Record<string, unknown>>[];
}
