import type { AddressRef, Route, RouteTable, RouteTarget, RouteTargetKind } from '../../model/index.js';
import { own } from '../_kit/aws/index.js';
import { markUnknown } from './assembly.js';
import { vpcOf } from './defaults.js';
import type { ResourceView, Unknowns } from './view.js';

/** Route target attributes, most specific meaning first (an instance target also names its ENI). */
const TARGETS: readonly [string, RouteTargetKind][] = [
  ['nat_gateway_id', 'nat-gateway'],
  ['transit_gateway_id', 'transit-gateway'],
  ['vpc_peering_connection_id', 'peering'],
  ['network_interface_id', 'network-interface'],
  ['instance_id', 'instance'],
  ['egress_only_gateway_id', 'egress-only-internet-gateway'],
  ['local_gateway_id', 'local-gateway'],
  ['carrier_gateway_id', 'carrier-gateway'],
  ['core_network_arn', 'core-network'],
  ['vpc_endpoint_id', 'gwlb-endpoint'],
  ['gateway_id', 'unknown'],
];

const GATEWAY_TYPES: Readonly<Record<string, RouteTargetKind>> = {
  aws_internet_gateway: 'internet-gateway',
  aws_vpn_gateway: 'vpn-gateway',
  aws_vpc_endpoint: 'gateway-endpoint',
};

/** `gateway_id` holds several kinds of gateway, told apart by id prefix (or, unknown, by resource type). */
function gatewayKind(id: string, type: string | undefined): RouteTargetKind {
  if (id === 'local') return 'local';
  if (id.startsWith('igw-')) return 'internet-gateway';
  if (id.startsWith('vgw-')) return 'vpn-gateway';
  if (id.startsWith('vpce-')) return 'gateway-endpoint';
  if (id.startsWith('eigw-')) return 'egress-only-internet-gateway';
  return (type ? own(GATEWAY_TYPES, type) : undefined) ?? 'unknown';
}

function target(v: ResourceView, u: Unknowns): RouteTarget {
  for (const [attr, kind] of TARGETS) {
    if (!v.unknown(attr) && v.str(attr) === undefined) continue;
    const t = v.refTarget(attr, u, 'routes');
    if (attr !== 'gateway_id') return t ? { kind, id: t.id } : { kind };
    if (!t) return { kind: 'unknown' };
    const k = gatewayKind(t.id, t.type);
    if (k === 'unknown')
      v.ctx.r.report(
        'unsupported',
        'IMPORT_TF_ROUTE_TARGET',
        v.pointer(attr),
        `route target "${t.id}" is not modelled`,
      );
    return k === 'local' ? { kind: 'local' } : { kind: k, id: t.id };
  }
  return { kind: 'none' };
}

/**
 * One route: an inline `route` block (`cidr_block`...) or an aws_route (`destination_cidr_block`...).
 * Terraform keeps no state for inline routes: they are static and active.
 */
export function readRoute(v: ResourceView, u: Unknowns, inline: boolean): Route | undefined {
  const [v4, v6] = inline
    ? ['cidr_block', 'ipv6_cidr_block']
    : ['destination_cidr_block', 'destination_ipv6_cidr_block'];
  for (const a of [v4, v6])
    if (v.unknown(a)) {
      v.warnUnknown(a, u, ['routes']);
      return undefined;
    }
  let destination: AddressRef | undefined;
  const c4 = v.str(v4);
  const c6 = v.str(v6);
  if (c4 !== undefined || c6 !== undefined) {
    const c = c4 !== undefined ? v.cidr(v4) : v.cidr(v6);
    if (c === undefined) return undefined;
    destination = { kind: 'cidr', cidr: c };
  } else {
    const pl = v.ref('destination_prefix_list_id', u, 'routes');
    if (pl !== undefined) destination = { kind: 'prefix-list', prefixListId: pl };
    else if (!v.unknown('destination_prefix_list_id')) {
      v.ctx.r.report(
        'error',
        'IMPORT_MISSING_FIELD',
        v.pointer(),
        `route has no destination (${v4}, ${v6} or destination_prefix_list_id)`,
        'The route is ignored.',
      );
      return undefined;
    }
  }
  if (!destination) return undefined;
  const t = target(v, u);
  const originText = inline ? undefined : v.str('origin');
  const origin =
    originText === 'CreateRouteTable' || t.kind === 'local'
      ? 'local'
      : originText === 'EnableVgwRoutePropagation'
        ? 'propagated'
        : 'static';
  const state = (!inline && v.str('state') === 'blackhole') || t.kind === 'none' ? 'blackhole' : 'active';
  return { destination, target: t, origin, state, source: v.ctx.r.src(inline ? v.pointer() : v.res.pointer) };
}

/** A route table seen only through another resource (aws_route, association) of this file. */
function partialTable(v: ResourceView, id: string, networkId = ''): RouteTable {
  return {
    ...v.base(id, { tags: {} }),
    kind: 'route-table',
    partial: true,
    networkId,
    routes: [],
    associations: { main: false, subnetIds: [], gatewayIds: [] },
    propagatingGatewayIds: [],
  };
}

/** aws_route_table, aws_default_route_table (the VPC's default table; main unless another one is). */
export function convertRouteTable(v: ResourceView, isDefault: boolean): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const networkId = isDefault ? vpcOf(v, 'default_route_table_id', u) : v.ref('vpc_id', u, 'networkId');
  if (networkId === undefined && u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'vpc_id');
  if (isDefault) v.ctx.facts.defaultTables.add(id);
  const routes: Route[] = [];
  if (v.unknown('route')) v.warnUnknown('route', u, ['routes']);
  for (const rv of v.list('route')) {
    const route = readRoute(rv, u, true);
    if (route) routes.push(route);
  }
  const table: RouteTable = {
    ...v.base(id),
    kind: 'route-table',
    networkId: networkId ?? '',
    routes,
    associations: { main: false, subnetIds: [], gatewayIds: [] },
    propagatingGatewayIds: v.strs('propagating_vgws', u, 'propagatingGatewayIds'),
  };
  v.ctx.out.add(table, u);
}

function tableRef(v: ResourceView, u: Unknowns): string | undefined {
  const id = v.ref('route_table_id', u, 'routes');
  if (id === undefined && u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'route_table_id');
  return id;
}

/** aws_route: one route of a table. */
export function convertRoute(v: ResourceView): void {
  const u: Unknowns = [];
  const id = tableRef(v, u);
  if (id === undefined) return;
  const route = readRoute(v, u, false);
  v.ctx.out.contribute(
    'route-table',
    id,
    (t) => {
      if (route) t.routes = [...t.routes, route];
      markUnknown(t, u);
    },
    { skeleton: () => partialTable(v, id) },
  );
}

/** aws_route_table_association: a subnet, or an IGW/VGW (edge association). */
export function convertTableAssociation(v: ResourceView): void {
  const u: Unknowns = [];
  const id = tableRef(v, u);
  if (id === undefined) return;
  const subnet = v.ref('subnet_id', u, 'associations');
  const gateway = subnet === undefined ? v.ref('gateway_id', u, 'associations') : undefined;
  v.ctx.out.contribute(
    'route-table',
    id,
    (t) => {
      const a = t.associations;
      t.associations = {
        main: a.main,
        subnetIds: subnet && !a.subnetIds.includes(subnet) ? [...a.subnetIds, subnet] : a.subnetIds,
        gatewayIds: gateway && !a.gatewayIds.includes(gateway) ? [...a.gatewayIds, gateway] : a.gatewayIds,
      };
      markUnknown(t, u);
    },
    { skeleton: () => partialTable(v, id) },
  );
}

/** aws_main_route_table_association: makes a table the VPC's main one. */
export function convertMainAssociation(v: ResourceView): void {
  const u: Unknowns = [];
  const id = tableRef(v, u);
  const vpc = v.ref('vpc_id', u, 'associations');
  if (id === undefined || vpc === undefined) return;
  v.ctx.facts.mainAssociation.set(vpc, id);
  v.ctx.out.contribute('route-table', id, () => {}, { skeleton: () => partialTable(v, id, vpc) });
}
