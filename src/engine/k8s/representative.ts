/**
 * Representative peers (k8s-mesh §1.8, §4.1): pods or namespaces a policy rule names by label but
 * that may not exist in the input yet. netpol-analyzer's `--exposure` infers one representative per
 * distinct (namespace selector, pod selector) pair found in the rules, and reports which workloads
 * reach, or are reached from, them.
 */
import type { LabelSelector, PodPeer, PodPolicy, PodPolicyRule } from '../../model/index.js';
import type { K8sPeer } from './connlist.js';
import {
  isEmptySel,
  NAME_LABEL,
  namespaceText,
  podText,
  selectorKey,
  selectorsFullMatch,
} from './selector-text.js';
import { isEmptySelector, selects } from './selectors.js';
import type { ClusterView } from './view.js';

export interface Representative {
  /** Unique per requirement set of both selectors: rules naming the same pods share one. */
  readonly key: string;
  readonly namespaces: LabelSelector;
  readonly pods: LabelSelector;
  /**
   * The policy's own namespace, for a NetworkPolicy peer without namespaceSelector; its selector is
   * then the name label. A rule without namespaceSelector names this namespace, nothing else.
   */
  readonly namespace?: string;
  readonly peer: K8sPeer;
}

const nameSelector = (ns: string): LabelSelector => ({
  matchLabels: { [NAME_LABEL]: ns },
  matchExpressions: [],
});

/** A peer that names every pod of every namespace (`entire-cluster` in the output), not a representative. */
export function namesEntireCluster(peer: PodPeer): boolean {
  switch (peer.kind) {
    case 'any':
      return true;
    case 'pods':
      return (
        peer.namespaces.kind === 'selector' &&
        isEmptySelector(peer.namespaces.selector) &&
        isEmptySelector(peer.pods)
      );
    case 'entity':
      return peer.entity === 'cluster' || peer.entity === 'all';
    default:
      return false;
  }
}

function representativeOf(peer: Extract<PodPeer, { kind: 'pods' }>): Representative {
  const scope = peer.namespaces;
  const namespaces = scope.kind === 'name' ? nameSelector(scope.name) : scope.selector;
  return {
    key: `${selectorKey(namespaces)}/${selectorKey(peer.pods)}`,
    namespaces,
    pods: peer.pods,
    ...(scope.kind === 'name' ? { namespace: scope.name } : {}),
    peer: { kind: 'representative', text: `${namespaceText(namespaces)}/${podText(peer.pods)}` },
  };
}

/**
 * The representatives one rule gives. A rule with no peers, or a peer naming the whole cluster,
 * is cluster-wide exposure instead; netpol-analyzer then drops the rule's other selector peers too
 * when the policy is a NetworkPolicy (they add nothing to "entire cluster"), but keeps them for
 * admin policies, which it scans peer by peer.
 */
function ruleRepresentatives(p: PodPolicy, rule: PodPolicyRule): Representative[] {
  const perPeer = p.policyKind === 'admin-network-policy' || p.policyKind === 'baseline-admin-network-policy';
  if (!perPeer && rule.peers.some(namesEntireCluster)) return [];
  return rule.peers
    .filter((peer) => peer.kind === 'pods' && !namesEntireCluster(peer))
    .map((peer) => representativeOf(peer as Extract<PodPeer, { kind: 'pods' }>));
}

/**
 * A real workload realises a representative when both its selectors are plain labels (no
 * matchExpressions), neither is empty, and the workload's pod and namespace labels carry them:
 * exposure to such pods is then the ordinary connectivity map. Representatives for "all pods of a
 * namespace" or "such pods in any namespace" always stay.
 */
function realised(rep: Representative, view: ClusterView): boolean {
  const { namespaces, pods } = rep;
  if (isEmptySel(pods) || isEmptySel(namespaces)) return false;
  if (pods.matchExpressions.length > 0 || namespaces.matchExpressions.length > 0) return false;
  return view.pods.some((pod) => selects(pods, pod.labels) && selects(namespaces, pod.nsLabels));
}

/** The distinct representatives of every rule of every policy, less those real workloads realise. */
export function representatives(view: ClusterView): Representative[] {
  const byKey = new Map<string, Representative>();
  for (const p of [...view.networkPolicies, ...view.admin, ...view.baseline])
    for (const rule of p.rules)
      for (const rep of ruleRepresentatives(p, rule)) if (!byKey.has(rep.key)) byKey.set(rep.key, rep);
  return [...byKey.values()].filter((rep) => !realised(rep, view));
}

/**
 * Whether a rule peer names a representative. Selectors must be the same requirements (or the rule's
 * empty); a peer without namespaceSelector names only representatives inferred in its own namespace.
 */
export function peerNamesRepresentative(peer: PodPeer, rep: Representative): boolean {
  switch (peer.kind) {
    case 'pods': {
      const scope = peer.namespaces;
      const nsMatch =
        scope.kind === 'name'
          ? rep.namespace === scope.name
          : selectorsFullMatch(scope.selector, rep.namespaces);
      return nsMatch && selectorsFullMatch(peer.pods, rep.pods);
    }
    case 'ip-block':
    case 'unsupported':
      return false;
    default:
      return namesEntireCluster(peer);
  }
}

/** Like `ruleMatches`: an unsupported peer in a deny or pass rule fails closed. */
export function ruleNamesRepresentative(rule: PodPolicyRule, rep: Representative): boolean {
  return rule.peers.some(
    (p) => peerNamesRepresentative(p, rep) || (p.kind === 'unsupported' && rule.action !== 'allow'),
  );
}

/**
 * Whether a policy applies to a representative. A NetworkPolicy (or Cilium policy) never does:
 * exposure asks what the real workloads' policies allow. An admin policy does when its subject's
 * selectors fully match the representative's, as rule peers do.
 */
export function appliesToRepresentative(p: PodPolicy, rep: Representative): boolean {
  if (p.policyKind !== 'admin-network-policy' && p.policyKind !== 'baseline-admin-network-policy')
    return false;
  const scope = p.subject.namespaces;
  const nsMatch =
    scope.kind === 'name' ? rep.namespace === scope.name : selectorsFullMatch(scope.selector, rep.namespaces);
  return nsMatch && selectorsFullMatch(p.subject.pods, rep.pods);
}
