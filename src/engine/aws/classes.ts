import { type AddressRef, type Endpoint, type PeerRef, parseIp } from '../../model/index.js';
import type { AwsTopology } from './topology.js';

/**
 * Endpoint equivalence classes (DESIGN §3): two interfaces are interchangeable for every private
 * connection when they share the subnet, the exact set of security groups, the kind, and the address
 * atom: the piece of address space between consecutive bounds of every CIDR, prefix list and route
 * destination in the estate. Then no rule or route can tell them apart, so one representative per
 * class stands for all of them.
 */
export interface EndpointClass {
  readonly key: string;
  readonly members: readonly Endpoint[];
}

function atomCuts(topo: AwsTopology): bigint[] {
  const cuts = new Set<bigint>();
  const addRef = (r: PeerRef | AddressRef) => {
    for (const iv of topo.addressesOf(r)?.v4Intervals() ?? []) {
      cuts.add(iv.lo);
      cuts.add(iv.hi + 1n);
    }
  };
  for (const f of topo.estate.all('filter')) for (const r of f.rules) addRef(r.peer);
  for (const t of topo.estate.all('route-table')) for (const r of t.routes) addRef(r.destination);
  for (const t of topo.estate.all('transit-route-table')) for (const r of t.routes) addRef(r.destination);
  // Propagated transit routes are derived from network blocks, so those bound atoms too.
  for (const n of topo.estate.all('network')) for (const c of n.cidrs) addRef({ kind: 'cidr', cidr: c });
  return [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function atomOf(cuts: readonly bigint[], v: bigint): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function endpointClasses(topo: AwsTopology, endpoints: readonly Endpoint[]): EndpointClass[] {
  const cuts = atomCuts(topo);
  const byKey = new Map<string, Endpoint[]>();
  for (const e of endpoints) {
    const ip = e.primaryPrivateIp ? parseIp(e.primaryPrivateIp) : undefined;
    if (!ip) continue;
    const key = [
      e.subnetId ?? '-',
      [...e.filterIds].sort().join(','),
      e.endpointKind,
      e.sourceDestCheck === false ? 'fwd' : '',
      atomOf(cuts, ip.value),
    ].join('|');
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  }
  return [...byKey].map(([key, members]) => ({ key, members }));
}
