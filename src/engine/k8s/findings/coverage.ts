/**
 * Which policies guard a workload in a direction, and which make a namespace default-deny
 * (k8s-mesh §1.2, §1.8, §1.9). Shared by the default-deny, unprotected-workload and DNS findings.
 */
import type { Direction, PodPeer, PodPolicy, PodPolicyRule } from '../../../model/index.js';
import type { Pod } from '../pod.js';
import { isEmptySelector } from '../selectors.js';
import type { ClusterView } from '../view.js';
import { byId, podsIn, scopeHas, workloadNamespaces } from './finding.js';

/** Platform namespaces, managed by the distribution: the default-deny and unprotected findings skip them. */
export function isSystemNamespace(ns: string): boolean {
  return (
    ns === 'kube-system' || ns === 'kube-public' || ns === 'kube-node-lease' || ns.startsWith('openshift-')
  );
}

/**
 * The policies that guard `pod` in `direction`: NetworkPolicy-tier policies (NetworkPolicy, Cilium
 * where it binds) that isolate it there, and, when the CNI implements them, admin and baseline
 * policies with a rule in that direction (they do not isolate, but they decide). Empty: the pod is
 * selected by no policy in that direction, everything passes.
 */
export function guarding(view: ClusterView, pod: Pod, direction: Direction): PodPolicy[] {
  const a = view.applying(pod);
  const tiered = view.cni.supportsAdminNetworkPolicy
    ? [...a.admin, ...a.baseline].filter((p) => p.rules.some((r) => r.direction === direction))
    : [];
  return [...a.networkPolicies.filter((p) => p.isolates.includes(direction)), ...tiered];
}

const DNS_PORTS: ReadonlySet<number> = new Set([53, 5353]);

/** An egress rule that only opens DNS ports: a default-deny-egress may keep it (k8s-mesh §1.7). */
function dnsOnly(r: PodPolicyRule): boolean {
  return (
    r.direction === 'egress' &&
    r.ports !== 'all' &&
    r.ports.length > 0 &&
    r.ports.every(
      (p) =>
        p.protocol !== 'ANY' &&
        p.port !== undefined &&
        DNS_PORTS.has(p.port) &&
        (p.endPort === undefined || p.endPort === p.port),
    )
  );
}

/** Every pod of every namespace (an ANP/BANP `namespaces: {}` peer), or everything. */
function allPods(peer: PodPeer): boolean {
  return (
    peer.kind === 'any' ||
    (peer.kind === 'pods' &&
      peer.namespaces.kind === 'selector' &&
      isEmptySelector(peer.namespaces.selector) &&
      isEmptySelector(peer.pods))
  );
}

function allAddresses(peer: PodPeer): boolean {
  return (
    peer.kind === 'any' || (peer.kind === 'ip-block' && peer.cidr === '0.0.0.0/0' && peer.except.length === 0)
  );
}

/**
 * The policy that makes `ns` default-deny in `direction`, if any:
 * - a NetworkPolicy-tier policy (NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy
 *   where Cilium binds) whose subject is every pod of `ns`, that isolates the direction and allows
 *   nothing there (§1.8); egress rules that open only DNS ports (53, 5353) are tolerated, the usual
 *   "default-deny egress except DNS";
 * - a BaselineAdminNetworkPolicy, when the CNI implements it, whose subject is every pod of `ns` with
 *   a Deny rule toward every pod (and, for egress, also toward 0.0.0.0/0): the cluster-wide default
 *   deny of §1.9 (Allow rules written before it are its exceptions).
 * AdminNetworkPolicy deny-alls are not counted: they would override every NetworkPolicy allow.
 */
export function defaultDenyOf(view: ClusterView, ns: string, direction: Direction): PodPolicy | undefined {
  const wholeNs = (p: PodPolicy) =>
    isEmptySelector(p.subject.pods) && scopeHas(view, p.subject.namespaces, ns);
  const np = byId(view.networkPolicies).find(
    (p) =>
      wholeNs(p) &&
      p.isolates.includes(direction) &&
      p.rules.every(
        (r) => r.direction !== direction || r.action !== 'allow' || r.peers.length === 0 || dnsOnly(r),
      ),
  );
  if (np || !view.cni.supportsAdminNetworkPolicy) return np;
  return byId(view.baseline).find((p) => {
    if (!wholeNs(p)) return false;
    const denies = p.rules.filter((r) => r.direction === direction && r.action === 'deny');
    const pods = denies.some((r) => r.peers.some(allPods));
    return pods && (direction === 'ingress' || denies.some((r) => r.peers.some(allAddresses)));
  });
}

/** One judged namespace in one direction: its workloads, split by whether a policy guards them. */
export interface NamespaceCoverage {
  readonly ns: string;
  readonly direction: Direction;
  readonly pods: readonly Pod[];
  readonly guarded: readonly Pod[];
  readonly open: readonly Pod[];
}

/** Every non-platform namespace holding workloads, per direction: the ground of the default-deny and unprotected findings. */
export function namespaceCoverage(view: ClusterView): NamespaceCoverage[] {
  const out: NamespaceCoverage[] = [];
  for (const ns of workloadNamespaces(view)) {
    if (isSystemNamespace(ns)) continue;
    const pods = podsIn(view, ns);
    for (const direction of ['ingress', 'egress'] as const) {
      const guarded = pods.filter((p) => guarding(view, p, direction).length > 0);
      out.push({ ns, direction, pods, guarded, open: pods.filter((p) => !guarded.includes(p)) });
    }
  }
  return out;
}
