import {
  type Action,
  ConnectionSet,
  type Direction,
  type Endpoint,
  type Filter,
  type FilterRule,
  type IpAddress,
} from '../../model/index.js';
import { peerAddresses } from './peer.js';
import type { AwsTopology } from './topology.js';

/** Which rule decided which part of the traffic. */
export interface Decision {
  readonly filter: Filter;
  readonly rule: FilterRule | undefined;
  readonly action: Action;
  readonly connections: ConnectionSet;
}

/** What a filter stack allows for one peer address in one direction, and why. */
export interface FilterVerdict {
  readonly allowed: ConnectionSet;
  readonly decisions: readonly Decision[];
  /** Inputs that could not be resolved (unknown prefix lists, groups not imported...). */
  readonly uncertain: readonly string[];
}

function matches(topo: AwsTopology, f: Filter, r: FilterRule, peer: IpAddress, uncertain: string[]): boolean {
  const a = peerAddresses(topo, r.peer, f.networkId);
  if (a.uncertain) uncertain.push(`${f.id} rule ${r.id}: ${a.uncertain}`);
  return a.set.contains(peer);
}

/**
 * Security groups of an interface (cloud-semantics §1.1-1/2): allow-only, the union of every rule of every
 * group, for traffic whose other side is `peer` (the source on ingress, the destination on egress).
 */
export function securityGroupVerdict(
  topo: AwsTopology,
  eni: Endpoint,
  direction: Direction,
  peer: IpAddress,
): FilterVerdict {
  let allowed = ConnectionSet.empty();
  const decisions: Decision[] = [];
  const uncertain: string[] = [];
  for (const id of eni.filterIds) {
    const f = topo.filter(id);
    if (!f) {
      uncertain.push(`security group ${id} of ${eni.id} is not in the inputs`);
      continue;
    }
    for (const r of f.rules) {
      if (r.direction !== direction || r.action !== 'allow' || !matches(topo, f, r, peer, uncertain))
        continue;
      const adds = r.connections.subtract(allowed);
      allowed = allowed.union(r.connections);
      if (!adds.isEmpty()) decisions.push({ filter: f, rule: r, action: 'allow', connections: adds });
    }
  }
  return { allowed, decisions, uncertain };
}

/**
 * A network ACL (cloud-semantics §1.2-2/3): rules in ascending number, the first that matches decides,
 * then the implicit deny. Computed for all traffic with `peer` at once: each rule decides the part of the
 * traffic no earlier rule decided.
 */
export function naclVerdict(
  topo: AwsTopology,
  acl: Filter,
  direction: Direction,
  peer: IpAddress,
): FilterVerdict {
  let remaining = ConnectionSet.all();
  let allowed = ConnectionSet.empty();
  const decisions: Decision[] = [];
  const uncertain: string[] = [];
  const rules = acl.rules
    .filter((r) => r.direction === direction)
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  for (const r of rules) {
    if (remaining.isEmpty()) break;
    if (!matches(topo, acl, r, peer, uncertain)) continue;
    const decided = r.connections.intersect(remaining);
    if (decided.isEmpty()) continue;
    remaining = remaining.subtract(decided);
    if (r.action === 'allow') allowed = allowed.union(decided);
    decisions.push({ filter: acl, rule: r, action: r.action, connections: decided });
  }
  if (!remaining.isEmpty()) {
    const action = acl.defaultAction[direction];
    if (action === 'allow') allowed = allowed.union(remaining);
    decisions.push({ filter: acl, rule: undefined, action, connections: remaining });
  }
  return { allowed, decisions, uncertain };
}
