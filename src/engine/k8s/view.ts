import type { CniProfile, Estate, Namespace, PodPolicy } from '../../model/index.js';
import type { Pod } from './pod.js';
import { enginePods, type ViewGranularity } from './pod-level.js';
import { byCodeUnitOrder } from './selector-text.js';
import { appliesTo, type Labels } from './selectors.js';

export type { Pod } from './pod.js';
export type { ViewGranularity } from './pod-level.js';

/** The profile netpol-analyzer assumes, and DESIGN §6 makes the default: enforced, ipBlocks external only. */
export const DEFAULT_CNI: CniProfile = {
  name: 'default',
  enforcesNetworkPolicy: true,
  ipBlockMatchesPods: false,
  supportsAdminNetworkPolicy: true,
};

/** The policies selecting one pod, by tier. */
export interface Applying {
  readonly admin: readonly PodPolicy[];
  readonly networkPolicies: readonly PodPolicy[];
  readonly baseline: readonly PodPolicy[];
}

const NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * One cluster as the policy engine sees it: representative pods (or imported pods, `podLevel`),
 * namespace labels (with the immutable name label synthesised, k8s-mesh §1.4), and policies split by
 * tier (§1.9): admin (by priority), the NetworkPolicy tier (NetworkPolicy and Cilium policies), baseline.
 */
export class ClusterView {
  readonly pods: readonly Pod[];
  readonly admin: readonly PodPolicy[];
  readonly networkPolicies: readonly PodPolicy[];
  readonly baseline: readonly PodPolicy[];
  /** Every pod policy of the cluster, Cilium ones included where they do not bind (findings name them). */
  readonly policies: readonly PodPolicy[];
  /** The Namespace objects of the cluster by name, for findings that blame a namespace. */
  readonly namespaceObjects: ReadonlyMap<string, Namespace>;
  readonly #namespaces = new Map<string, Labels>();
  readonly #applying: (Applying | undefined)[] = [];

  constructor(
    estate: Estate,
    readonly cni: CniProfile = DEFAULT_CNI,
    clusterId = 'default',
    granularity: ViewGranularity = 'workload',
  ) {
    const objects = new Map<string, Namespace>();
    for (const ns of estate.all('namespace') as readonly Namespace[])
      if (ns.clusterId === clusterId) {
        this.#namespaces.set(ns.name ?? ns.id, { ...ns.labels, [NAME_LABEL]: ns.name ?? ns.id });
        objects.set(ns.name ?? ns.id, ns);
      }
    this.namespaceObjects = objects;
    // hostNetwork pods count as ordinary pods, one of the two readings the API allows (k8s-mesh §1.6)
    // and netpol-analyzer's.
    const workloads = estate.all('workload').filter((w) => w.clusterId === clusterId);
    this.pods = enginePods(workloads, (ns) => this.nsLabels(ns), granularity);
    const policies = estate.all('pod-policy').filter((p) => p.clusterId === clusterId);
    this.policies = policies;
    this.admin = policies
      .filter((p) => p.policyKind === 'admin-network-policy')
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0) || byCodeUnitOrder(a.id, b.id));
    // Cilium's own policies only bind where Cilium runs: with another plugin named they are inert.
    const cilium = cni.name === 'cilium' || cni.name === 'default';
    this.networkPolicies = policies.filter(
      (p) =>
        p.policyKind === 'network-policy' ||
        (cilium &&
          (p.policyKind === 'cilium-network-policy' || p.policyKind === 'cilium-clusterwide-network-policy')),
    );
    this.baseline = policies.filter((p) => p.policyKind === 'baseline-admin-network-policy');
  }

  /**
   * One engine pod per imported Pod object, each with its own labels and addresses (pods of one
   * owner may differ); workloads read from controller manifests keep their representative pod.
   */
  static podLevel(estate: Estate, cni: CniProfile = DEFAULT_CNI, clusterId = 'default'): ClusterView {
    return new ClusterView(estate, cni, clusterId, 'pod');
  }

  /** The policies whose subject is this pod, per tier, in evaluation order (computed once per pod). */
  applying(pod: Pod): Applying {
    let a = this.#applying[pod.index];
    if (!a) {
      const mine = (p: PodPolicy) => appliesTo(p, pod);
      // Namespaced policies are looked up by the pod's namespace, the others checked one by one.
      const { byNamespace, clusterWide } = this.#npIndex();
      const local = byNamespace.get(pod.namespace) ?? [];
      a = {
        admin: this.admin.filter(mine),
        networkPolicies:
          clusterWide.length === 0
            ? local.filter(mine)
            : this.networkPolicies.filter(
                (p) =>
                  (p.subject.namespaces.kind === 'name'
                    ? p.subject.namespaces.name === pod.namespace
                    : true) && mine(p),
              ),
        baseline: this.baseline.filter(mine),
      };
      this.#applying[pod.index] = a;
    }
    return a;
  }

  #index: { byNamespace: Map<string, PodPolicy[]>; clusterWide: PodPolicy[] } | undefined;

  /** The NetworkPolicy tier split by subject namespace (order kept within each namespace). */
  #npIndex(): { byNamespace: Map<string, PodPolicy[]>; clusterWide: PodPolicy[] } {
    if (!this.#index) {
      const byNamespace = new Map<string, PodPolicy[]>();
      const clusterWide: PodPolicy[] = [];
      for (const p of this.networkPolicies) {
        const scope = p.subject.namespaces;
        if (scope.kind !== 'name') clusterWide.push(p);
        else {
          const list = byNamespace.get(scope.name);
          if (list) list.push(p);
          else byNamespace.set(scope.name, [p]);
        }
      }
      this.#index = { byNamespace, clusterWide };
    }
    return this.#index;
  }

  /** A namespace's labels; one the inputs never declare still has its name label. */
  nsLabels(name: string): Labels {
    return this.#namespaces.get(name) ?? { [NAME_LABEL]: name };
  }

  namespaceNames(): string[] {
    return [...this.#namespaces.keys()];
  }
}
