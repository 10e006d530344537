import { IpSet, type PeerRef } from '../../model/index.js';
import type { AwsTopology } from './topology.js';

/** Addresses a rule's peer stands for. `uncertain` names what the inputs do not settle. */
export interface PeerAddresses {
  readonly set: IpSet;
  readonly uncertain?: string;
}

/**
 * Resolve an AWS rule peer to addresses (cloud-semantics §1.1-5/6/8). A group reference matches the
 * private addresses of its members when the group is in the rule's own VPC or across an active peering
 * in the same region; prefix lists expand to their entries. What cannot be resolved matches nothing and
 * says why, so a verdict can report it instead of silently claiming "blocked".
 */
export function peerAddresses(
  topo: AwsTopology,
  peer: PeerRef,
  ruleNetworkId: string | undefined,
): PeerAddresses {
  switch (peer.kind) {
    case 'any':
      return { set: IpSet.all() };
    case 'cidr':
      return { set: IpSet.fromCidr(peer.cidr) };
    case 'prefix-list': {
      const set = topo.prefixList(peer.prefixListId);
      return set
        ? { set }
        : {
            set: IpSet.empty(),
            uncertain: `entries of prefix list ${peer.prefixListId} are not in the inputs`,
          };
    }
    case 'group': {
      const group = topo.filter(peer.groupId);
      if (!group)
        return { set: IpSet.empty(), uncertain: `security group ${peer.groupId} is not in the inputs` };
      const groupNetwork = group.networkId ?? peer.networkId;
      if (groupNetwork === undefined || ruleNetworkId === undefined || groupNetwork === ruleNetworkId)
        return { set: topo.groupMembers(peer.groupId) };
      // Across VPCs only over an active peering in one region (§1.1-6); a TGW reference needs flags we
      // do not model yet.
      const rule = topo.estate.get('network', ruleNetworkId);
      const other = topo.estate.get('network', groupNetwork);
      const peered = topo
        .peeringsBetween(ruleNetworkId, groupNetwork)
        .some(
          (p) =>
            p.active &&
            (rule?.region === undefined || other?.region === undefined || rule.region === other.region),
        );
      return peered ? { set: topo.groupMembers(peer.groupId) } : { set: IpSet.empty() };
    }
    case 'unknown':
      return { set: IpSet.empty(), uncertain: peer.reason };
    default:
      return { set: IpSet.empty(), uncertain: `${peer.kind} peers are not AWS semantics` };
  }
}
