import { type Estate, fixedSource, type MeshPolicy, type Service } from '../../model/index.js';
import type { Pod } from './pod.js';
import { selects } from './selectors.js';
import type { ClusterView } from './view.js';

export type MeshName = 'istio' | 'linkerd';

/** Istio's root namespace: policies there without a selector apply mesh-wide (k8s-mesh §3.1, §3.3). */
export const ISTIO_ROOT = 'istio-system';

/**
 * The service-mesh side of a cluster: which pods run a proxy, the mesh policies, and the services
 * (DestinationRules name service hosts). Membership follows the injection labels and annotations.
 */
export class MeshView {
  readonly policies: readonly MeshPolicy[];
  readonly services: readonly Service[];
  readonly #nsAnnotations = new Map<string, Readonly<Record<string, string>>>();
  readonly #members: (MeshName | null | undefined)[] = [];

  constructor(
    estate: Estate,
    readonly cluster: ClusterView,
  ) {
    this.policies = estate.all('mesh-policy');
    this.services = estate.all('service');
    for (const ns of estate.all('namespace'))
      if (ns.annotations) this.#nsAnnotations.set(ns.name ?? ns.id, ns.annotations);
  }

  /** Whether any mesh is configured at all: without one, edges carry no mTLS status. */
  get configured(): boolean {
    return this.policies.length > 0 || this.cluster.pods.some((p) => this.meshOf(p) !== undefined);
  }

  readonly #byKind = new Map<string, readonly MeshPolicy[]>();

  /** The policies of one mesh and kind, in input order (asked per edge: computed once). */
  of(mesh: MeshName, kind: MeshPolicy['policyKind']): readonly MeshPolicy[] {
    const key = `${mesh}/${kind}`;
    let list = this.#byKind.get(key);
    if (!list) {
      list = this.policies.filter((p) => p.mesh === mesh && p.policyKind === kind);
      this.#byKind.set(key, list);
    }
    return list;
  }

  /**
   * The mesh whose proxy the pod runs, if any. Istio: namespace label `istio-injection=enabled`,
   * `istio.io/rev` or ambient `istio.io/dataplane-mode=ambient`, unless the pod opts out with
   * `sidecar.istio.io/inject: "false"` (label or annotation); a pod may also opt in alone. Linkerd:
   * `linkerd.io/inject: enabled` on the namespace or the pod, `disabled` on the pod opts out.
   */
  meshOf(pod: Pod): MeshName | undefined {
    if (pod.index < 0) return undefined;
    let m = this.#members[pod.index];
    if (m === undefined) {
      m = this.#membership(pod) ?? null;
      this.#members[pod.index] = m;
    }
    return m ?? undefined;
  }

  #membership(pod: Pod): MeshName | undefined {
    const ann = pod.workload.annotations ?? {};
    const istioPod = pod.labels['sidecar.istio.io/inject'] ?? ann['sidecar.istio.io/inject'];
    const ns = pod.nsLabels;
    const istioNs =
      ns['istio-injection'] === 'enabled' ||
      (ns['istio.io/rev'] !== undefined && ns['istio-injection'] !== 'disabled') ||
      ns['istio.io/dataplane-mode'] === 'ambient';
    if (istioPod === 'true' || (istioNs && istioPod !== 'false')) return 'istio';
    const linkerdPod = ann['linkerd.io/inject'];
    const linkerdNs = this.#nsAnnotations.get(pod.namespace)?.['linkerd.io/inject'];
    if (linkerdPod === 'enabled' || linkerdPod === 'ingress') return 'linkerd';
    if (linkerdNs === 'enabled' && linkerdPod !== 'disabled') return 'linkerd';
    return undefined;
  }

  /**
   * A client outside the cluster (an external address range) as a pod without labels, namespace or
   * proxy, so the mesh rules judge it like any client without a sidecar (plaintext, no identity).
   */
  outsider(range: string): Pod {
    return {
      index: -1,
      namespace: '',
      labels: {},
      nsLabels: {},
      workload: {
        kind: 'workload',
        id: `external/${range}`,
        name: range,
        provider: 'kubernetes',
        tags: {},
        source: fixedSource('', '', 0, 0),
        clusterId: this.cluster.pods[0]?.workload.clusterId ?? 'default',
        namespace: '',
        workloadKind: 'External',
        podLabels: {},
        ports: [],
        endpointIds: [],
        hostNetwork: false,
      },
    };
  }

  nsAnnotations(name: string): Readonly<Record<string, string>> {
    return this.#nsAnnotations.get(name) ?? {};
  }

  /** Services whose selector picks the pod (DestinationRules and Servers name them). */
  servicesOf(pod: Pod): Service[] {
    return this.services.filter(
      (s) => s.namespace === pod.namespace && s.selector !== undefined && selects(s.selector, pod.labels),
    );
  }
}
