import { type IpAddress, IpSet, parseCidr, type Route, type RouteTable } from '../../model/index.js';
import type { AwsTopology } from './topology.js';

/** The route a lookup chose, the destination block it matched with, and what the inputs left open. */
export interface RouteLookup {
  readonly route: Route | undefined;
  readonly matched: string | undefined;
  readonly uncertain: readonly string[];
}

/** Tie rank among routes with equal prefixes (cloud-semantics §1.3-3); lower wins. */
function rank(r: Route, viaPrefixList: boolean): number {
  if (r.origin === 'local') return 0;
  if (r.origin === 'static') return viaPrefixList ? 2 : 1;
  return 3;
}

/**
 * Longest-prefix match in one route table (cloud-semantics §1.3-3/4). A blackhole route that wins still
 * decides (the caller drops); a prefix-list route acts as one route per entry; IPv4 and IPv6 never mix.
 */
export function lookupRoute(topo: AwsTopology, table: RouteTable, dst: IpAddress): RouteLookup {
  let best: { route: Route; prefix: number; rank: number; matched: string } | undefined;
  const uncertain: string[] = [];
  const consider = (route: Route, cidr: string, viaPrefixList: boolean): void => {
    const c = parseCidr(cidr);
    if (typeof c === 'string' || c.family !== dst.family || !IpSet.fromCidr(c.canonical).contains(dst))
      return;
    const rk = rank(route, viaPrefixList);
    if (!best || c.prefix > best.prefix || (c.prefix === best.prefix && rk < best.rank))
      best = { route, prefix: c.prefix, rank: rk, matched: c.canonical };
  };
  for (const r of table.routes) {
    if (r.destination.kind === 'cidr') consider(r, r.destination.cidr, false);
    else {
      const entries = topo.prefixList(r.destination.prefixListId);
      if (!entries) {
        uncertain.push(
          `entries of prefix list ${r.destination.prefixListId} (route in ${table.id}) are not in the inputs`,
        );
        continue;
      }
      for (const cidr of entries.toCidrs()) consider(r, cidr, true);
    }
  }
  const found = best as { route: Route; matched: string } | undefined;
  return { route: found?.route, matched: found?.matched, uncertain };
}
