import { IpSet, type PodPeer, type PodPolicyRule } from '../../model/index.js';
import { inScope, selects } from './selectors.js';
import type { ClusterView, Pod } from './view.js';

/** The other end of a connection as a rule sees it: a pod, or a range of external addresses. */
export type Party =
  | { readonly kind: 'pod'; readonly pod: Pod }
  | { readonly kind: 'external'; readonly range: IpSet };

const blockSets = new WeakMap<PodPeer, IpSet>();

/** The addresses of an ipBlock: cidr minus except (k8s-mesh §1.4). */
export function blockOf(peer: Extract<PodPeer, { kind: 'ip-block' }>): IpSet {
  let set = blockSets.get(peer);
  if (!set) {
    set = IpSet.fromCidr(peer.cidr).subtract(IpSet.fromCidrs(peer.except));
    blockSets.set(peer, set);
  }
  return set;
}

const podSets = new WeakMap<Pod, IpSet>();

/** Pod addresses, for CNI profiles where ipBlocks match pods (Calico; ANP `networks` always). */
function podAddresses(pod: Pod): IpSet {
  let set = podSets.get(pod);
  if (!set) {
    set = IpSet.fromCidrs(
      (pod.workload.addresses ?? []).map((a) => (a.includes('/') ? a : `${a}/${a.includes(':') ? 128 : 32}`)),
    );
    podSets.set(pod, set);
  }
  return set;
}

/** Where pods may be addressed when the manifests do not say: the private and shared ranges. */
const POD_RANGES = IpSet.fromCidrs(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10']);

/**
 * Whether one peer matches the party. External ranges are atoms (every policy boundary cuts them), so
 * a range is either inside a block or outside it. `unsupported` peers match nothing; the caller makes
 * deny rules fail closed. `maybe`: an ipBlock under a CNI that matches pod addresses (Calico), for a
 * pod whose address the manifests do not give, when the block reaches into the ranges pods use: an
 * allow rule then counts it (a wrong "not reachable" is the worse mistake), a deny rule does not.
 */
export function peerMatches(view: ClusterView, peer: PodPeer, party: Party): boolean | 'maybe' {
  switch (peer.kind) {
    case 'any':
      return true;
    case 'pods':
      return (
        party.kind === 'pod' && inScope(peer.namespaces, party.pod) && selects(peer.pods, party.pod.labels)
      );
    case 'ip-block':
      if (party.kind === 'external') return blockOf(peer).containsSet(party.range);
      if (!peer.matchesPods && !view.cni.ipBlockMatchesPods) return false;
      if (!party.pod.workload.addresses?.length)
        // ANP networks keep netpol-analyzer's reading (a pod without an address matches no network).
        return view.cni.ipBlockMatchesPods && !peer.matchesPods && blockOf(peer).overlaps(POD_RANGES)
          ? 'maybe'
          : false;
      return !podAddresses(party.pod).isEmpty() && blockOf(peer).containsSet(podAddresses(party.pod));
    case 'entity':
      return entityMatches(peer.entity, party);
    case 'unsupported':
      return false;
  }
}

/**
 * Cilium entities (k8s-mesh §2): `world` is outside the cluster, `cluster` every pod (host-network
 * ones included), `all` both; a host-network pod has the node's identity, so `host` and `remote-node`
 * match it (which node it runs on is not in the manifests: either may hold).
 */
function entityMatches(entity: string, party: Party): boolean {
  if (entity === 'all') return true;
  if (entity === 'world' || entity === 'world-ipv4') return party.kind === 'external';
  if (entity === 'cluster') return party.kind === 'pod';
  if (entity === 'host' || entity === 'remote-node')
    return party.kind === 'pod' && party.pod.workload.hostNetwork;
  return false;
}

/** Whether a rule names the party: any of its peers matches; an unsupported peer fails closed on deny. */
export function ruleMatches(view: ClusterView, rule: PodPolicyRule, party: Party): boolean {
  for (const p of rule.peers) {
    const m = peerMatches(view, p, party);
    if (m === true || (m === 'maybe' && rule.action === 'allow')) return true;
    if (p.kind === 'unsupported' && rule.action !== 'allow') return true;
  }
  return false;
}
