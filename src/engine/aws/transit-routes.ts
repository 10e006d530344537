import {
  type IpAddress,
  IpSet,
  parseCidr,
  type TransitAttachment,
  type TransitRoute,
  type TransitRouteTable,
} from '../../model/index.js';
import type { AwsTopology } from './topology.js';

export interface TransitLookup {
  readonly route: TransitRoute | undefined;
  readonly matched: string | undefined;
  readonly uncertain: readonly string[];
  /**
   * Attachments that propagate routes the inputs cannot give (VPN, Direct Connect, Connect: learned by
   * BGP) and that no listed route shows: where the lookup finds nothing, one of them may have a route.
   */
  readonly unlisted: readonly string[];
}

/** Propagating attachments whose routes are neither listed nor derivable from a VPC's CIDRs. */
function unlistedPropagations(topo: AwsTopology, table: TransitRouteTable): string[] {
  const shown = new Set(table.routes.flatMap((r) => (r.type === 'propagated' ? r.attachmentIds : [])));
  return table.propagations.filter((id) => {
    const att = topo.estate.get('transit-attachment', id);
    return att?.resourceKind !== 'vpc' && !shown.has(id);
  });
}

/** The table an attachment's traffic is looked up in (cloud-semantics §1.5-2): its association. */
export function tableOf(topo: AwsTopology, att: TransitAttachment): TransitRouteTable | undefined {
  if (att.associatedTableId) return topo.estate.get('transit-route-table', att.associatedTableId);
  return topo.estate.all('transit-route-table').find((t) => t.associations.includes(att.id));
}

/**
 * The routes of a table: as listed, plus what VPC attachments propagate when the listing does not show
 * it (Terraform inputs): each propagating VPC attachment's CIDRs (cloud-semantics §1.5-3).
 */
function routesOf(topo: AwsTopology, table: TransitRouteTable): TransitRoute[] {
  const routes = [...table.routes];
  const listed = new Set(
    routes
      .filter((r) => r.destination.kind === 'cidr')
      .map((r) => (r.destination.kind === 'cidr' ? r.destination.cidr : '')),
  );
  for (const id of table.propagations) {
    const att = topo.estate.get('transit-attachment', id);
    const net = att?.networkId ? topo.estate.get('network', att.networkId) : undefined;
    if (!att || !net) continue;
    for (const cidr of net.cidrs)
      if (!listed.has(cidr))
        routes.push({
          destination: { kind: 'cidr', cidr },
          attachmentIds: [att.id],
          type: 'propagated',
          state: 'active',
          source: table.source,
        });
  }
  return routes;
}

/** Longest prefix first; at equal prefixes static before propagated (cloud-semantics §1.5-4). */
export function lookupTransit(topo: AwsTopology, table: TransitRouteTable, dst: IpAddress): TransitLookup {
  let best: { route: TransitRoute; prefix: number; rank: number; matched: string } | undefined;
  const uncertain: string[] = [];
  if (!table.routesKnown && table.propagations.length === 0)
    uncertain.push(`routes of transit gateway route table ${table.id} are not in the inputs`);
  if (table.routesTruncated) uncertain.push(`the route listing of ${table.id} was truncated`);
  const consider = (route: TransitRoute, cidr: string, rank: number): void => {
    const c = parseCidr(cidr);
    if (typeof c === 'string' || c.family !== dst.family || !IpSet.fromCidr(c.canonical).contains(dst))
      return;
    if (!best || c.prefix > best.prefix || (c.prefix === best.prefix && rank < best.rank))
      best = { route, prefix: c.prefix, rank, matched: c.canonical };
  };
  for (const r of routesOf(topo, table)) {
    const rank = r.type === 'static' ? 0 : 2;
    if (r.destination.kind === 'cidr') consider(r, r.destination.cidr, rank);
    else {
      const entries = topo.prefixList(r.destination.prefixListId);
      if (!entries)
        uncertain.push(
          `entries of prefix list ${r.destination.prefixListId} (route in ${table.id}) are not in the inputs`,
        );
      else for (const cidr of entries.toCidrs()) consider(r, cidr, 1);
    }
  }
  const found = best as { route: TransitRoute; matched: string } | undefined;
  return {
    route: found?.route,
    matched: found?.matched,
    uncertain,
    unlisted: unlistedPropagations(topo, table),
  };
}
