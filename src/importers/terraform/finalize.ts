import { type Network, parseCidr, type Route, type TransitRouteTable } from '../../model/index.js';
import { markUnknown } from './assembly.js';
import type { TfContext } from './context.js';

function family(cidr: string): number {
  const c = parseCidr(cidr);
  return typeof c === 'string' ? 0 : c.family;
}

/** v4 blocks first, then v6, each in input order (the AWS CLI importer's order). */
function byFamily(cidrs: readonly string[]): string[] {
  const unique = [...new Set(cidrs)];
  return [...unique.filter((c) => family(c) !== 6), ...unique.filter((c) => family(c) === 6)];
}

/** Networks, zones and subnets of interfaces, instances, NAT gateways, load balancers and databases. */
function placeBySubnet(ctx: TfContext): void {
  const { out } = ctx;
  const subnets = new Map(out.all('subnet').map((s) => [s.id, s]));
  for (const e of [...out.all('endpoint'), ...out.all('instance'), ...out.all('gateway')]) {
    if (e.subnetId === undefined) {
      if (e.unknown?.includes('subnetId')) markUnknown(e, ['networkId']);
      continue;
    }
    const s = subnets.get(e.subnetId);
    if (s && e.networkId === undefined && s.networkId !== '') e.networkId = s.networkId;
    if (s && e.kind === 'endpoint' && e.zone === undefined && s.zone !== undefined) e.zone = s.zone;
  }
  for (const db of out.all('database')) {
    const group = ctx.facts.dbGroupOf.get(db.id);
    const g = group === undefined ? undefined : ctx.facts.dbSubnetGroups.get(group);
    if (g) {
      db.subnetIds = g.subnetIds;
      if (g.networkId) db.networkId = g.networkId;
      if (g.unknown) markUnknown(db, ['subnetIds']);
    }
  }
  for (const x of [...out.all('load-balancer'), ...out.all('database')]) {
    const s = x.subnetIds.map((id) => subnets.get(id)).find((y) => y && y.networkId !== '');
    if (x.networkId === undefined && s) x.networkId = s.networkId;
  }
}

/** Main tables: an explicit main association, else the VPC's `main_route_table_id`, else the default table. */
function mainTables(ctx: TfContext): void {
  const { facts } = ctx;
  for (const t of ctx.out.all('route-table')) {
    const assoc = facts.mainAssociation.get(t.networkId);
    const vpcMain = facts.vpcMainTable.get(t.networkId);
    const main =
      assoc !== undefined
        ? assoc === t.id
        : vpcMain !== undefined
          ? vpcMain === t.id
          : facts.defaultTables.has(t.id);
    t.associations = { ...t.associations, main };
  }
}

/**
 * Terraform's route table state omits the `local` route; AWS always has one per VPC CIDR
 * (cloud-semantics §1.3-2). Added when the VPC is in this file, so the table matches the AWS CLI's.
 */
function localRoutes(ctx: TfContext, networks: Map<string, Network>): void {
  for (const t of ctx.out.all('route-table')) {
    const n = networks.get(t.networkId);
    if (t.partial || !n) continue;
    if (n.unknown?.includes('cidrs')) markUnknown(t, ['routes']);
    const present = new Set(t.routes.map((r) => (r.destination.kind === 'cidr' ? r.destination.cidr : '')));
    const local: Route[] = byFamily(n.cidrs)
      .filter((c) => !present.has(c))
      .map((cidr) => ({
        destination: { kind: 'cidr', cidr },
        target: { kind: 'local' },
        origin: 'local',
        state: 'active',
        source: t.source,
      }));
    t.routes = [...local, ...t.routes];
  }
}

/** A subnet is in exactly one NACL: one claimed by a custom NACL has left the default one. */
function exclusiveAcls(ctx: TfContext): void {
  const acls = ctx.out.all('filter').filter((f) => f.filterKind === 'aws-network-acl');
  const claimed = new Set(acls.filter((f) => f.isDefault !== true).flatMap((f) => f.subnetIds));
  for (const f of acls) if (f.isDefault === true) f.subnetIds = f.subnetIds.filter((s) => !claimed.has(s));
}

function peeringCidrs(ctx: TfContext, networks: Map<string, Network>): void {
  for (const p of ctx.out.all('peering')) {
    for (const which of ['requester', 'accepter'] as const) {
      const n = networks.get(p[which].networkId);
      if (n && p[which].cidrs.length === 0) p[which] = { ...p[which], cidrs: byFamily(n.cidrs) };
    }
  }
}

/**
 * A rule naming a group of another VPC can only work over that VPC's peering (cloud-semantics §1.1-6):
 * AWS then reports the group's VPC and the pcx with the reference, as the AWS CLI importer's peer has.
 */
function crossVpcGroups(ctx: TfContext): void {
  const groups = new Map(
    ctx.out
      .all('filter')
      .filter((f) => f.filterKind === 'aws-security-group')
      .map((f) => [f.id, f]),
  );
  const peerings = ctx.out.all('peering');
  for (const f of groups.values()) {
    const own = f.networkId;
    if (own === undefined) continue;
    f.rules = f.rules.map((r) => {
      const other =
        r.peer.kind === 'group' && r.peer.networkId === undefined
          ? groups.get(r.peer.groupId)?.networkId
          : undefined;
      if (r.peer.kind !== 'group' || other === undefined || other === own) return r;
      const pcx = peerings.find(
        (p) => [p.requester.networkId, p.accepter.networkId].sort().join() === [own, other].sort().join(),
      );
      return { ...r, peer: { ...r.peer, networkId: other, ...(pcx ? { peeringId: pcx.id } : {}) } };
    });
  }
}

/** Attachments using the gateway's default association / propagation tables (AWS does this itself). */
function transitDefaults(ctx: TfContext): void {
  const { out } = ctx;
  for (const d of ctx.facts.tgwDefaults) {
    const tgw = out.get('transit-gateway', d.gatewayId);
    if (!tgw || tgw.partial) continue;
    const links: ['associations' | 'propagations', string | undefined][] = [
      ['associations', d.associate && tgw.autoAssociate ? tgw.defaultAssociationTableId : undefined],
      ['propagations', d.propagate && tgw.autoPropagate ? tgw.defaultPropagationTableId : undefined],
    ];
    for (const [which, tableId] of links) {
      if (tableId === undefined) continue;
      const skeleton = (): TransitRouteTable => ({
        id: tableId,
        provider: 'aws',
        ...(tgw.account ? { account: tgw.account } : {}),
        ...(tgw.region ? { region: tgw.region } : {}),
        tags: {},
        source: tgw.source,
        kind: 'transit-route-table',
        partial: true,
        gatewayId: tgw.id,
        routes: [],
        associations: [],
        propagations: [],
        isDefaultAssociation: which === 'associations',
        isDefaultPropagation: which === 'propagations',
        routesTruncated: false,
        routesKnown: false,
      });
      out.contribute(
        'transit-route-table',
        tableId,
        (t) => {
          if (!t[which].includes(d.attachmentId)) t[which] = [...t[which], d.attachmentId];
        },
        { skeleton },
      );
      if (which === 'associations')
        out.contribute('transit-attachment', d.attachmentId, (a) => {
          a.associatedTableId ??= tableId;
        });
    }
  }
  out.applyContributions();
}

/**
 * Terraform has no state for propagated TGW routes: a VPC attachment propagates its VPC's CIDRs
 * (cloud-semantics §1.5-3). Derived here when the VPC is in this file, so one plan reads like the
 * CLI's search-transit-gateway-routes. When the VPC is in another input nothing is lost: the table's
 * `propagations` and the attachment's network are in the model, and the engine derives the routes
 * after all inputs are merged (so no warning here).
 */
function propagatedRoutes(ctx: TfContext, networks: Map<string, Network>): void {
  const attachments = new Map(ctx.out.all('transit-attachment').map((a) => [a.id, a]));
  for (const t of ctx.out.all('transit-route-table')) {
    if (t.partial) continue;
    for (const attId of t.propagations) {
      const n = networks.get(attachments.get(attId)?.networkId ?? '');
      if (!n || n.unknown?.includes('cidrs')) continue;
      for (const cidr of byFamily(n.cidrs))
        t.routes = [
          ...t.routes,
          {
            destination: { kind: 'cidr', cidr },
            attachmentIds: [attId],
            type: 'propagated',
            state: 'active',
            source: t.source,
          },
        ];
    }
  }
}

/** Run once every resource is converted: contributions, cross-resource facts, de-duplication. */
export function finalize(ctx: TfContext): void {
  const { out } = ctx;
  out.applyContributions();
  placeBySubnet(ctx);
  for (const n of out.all('network')) n.cidrs = byFamily(n.cidrs);
  const networks = new Map(
    out
      .all('network')
      .filter((n) => !n.partial)
      .map((n) => [n.id, n]),
  );
  mainTables(ctx);
  localRoutes(ctx, networks);
  exclusiveAcls(ctx);
  peeringCidrs(ctx, networks);
  crossVpcGroups(ctx);
  transitDefaults(ctx);
  propagatedRoutes(ctx, networks);
  reportAssumedInline(ctx);
}

/**
 * Computed inline rule lists of new groups/ACLs are unknown in a plan; with no inline configuration they
 * are read as empty (their rules are separate resources). Rules written as `dynamic` blocks also leave no
 * trace in plan JSON, so say once per file that this reading was made.
 */
function reportAssumedInline(ctx: TfContext): void {
  const list = ctx.facts.assumedNoInline;
  const first = list[0];
  if (first === undefined) return;
  const names = list.map((x) => x.what);
  ctx.r.report(
    'warning',
    'IMPORT_TF_INLINE_RULES_ASSUMED',
    first.pointer,
    `inline rules unknown until apply and not in the configuration, read as none: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`,
    'Rules from `dynamic` blocks are not visible in plan JSON; analyse the state after apply (terraform show -json) for a definite answer.',
  );
}
