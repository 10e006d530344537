import type {
  AddressRef,
  TransitAttachment,
  TransitGateway,
  TransitRoute,
  TransitRouteTable,
} from '../../model/index.js';
import { opt } from '../_kit/index.js';
import { markUnknown } from './assembly.js';
import type { ResourceView, Unknowns } from './view.js';

/** aws_ec2_transit_gateway. */
export function convertTransitGateway(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const autoAssociate = v.str('default_route_table_association') !== 'disable';
  const autoPropagate = v.str('default_route_table_propagation') !== 'disable';
  const tgw: TransitGateway = {
    ...v.base(id),
    kind: 'transit-gateway',
    autoAssociate,
    autoPropagate,
    ...opt(
      'defaultAssociationTableId',
      autoAssociate ? v.str('association_default_route_table_id', u, 'defaultAssociationTableId') : undefined,
    ),
    ...opt(
      'defaultPropagationTableId',
      autoPropagate ? v.str('propagation_default_route_table_id', u, 'defaultPropagationTableId') : undefined,
    ),
    // The TGW-level switch defaults to disabled (cloud-semantics §1.1-6).
    securityGroupReferencing: v.str('security_group_referencing_support') === 'enable',
  };
  v.ctx.out.add(tgw, u);
}

/**
 * aws_ec2_transit_gateway_vpc_attachment (the VPC owner's attachment) and its _accepter (the gateway
 * owner's view of the same attachment, partial).
 */
export function convertVpcAttachment(v: ResourceView, accepterView: boolean): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const gatewayId = v.ref('transit_gateway_id', u, 'gatewayId');
  const networkId = v.ref('vpc_id', u, 'networkId', 'resourceId');
  const owner = v.str('vpc_owner_id');
  const att: TransitAttachment = {
    ...v.base(id, { account: owner }),
    kind: 'transit-attachment',
    ...(accepterView ? { partial: true } : {}),
    gatewayId: gatewayId ?? '',
    resourceKind: 'vpc',
    ...opt('resourceId', networkId),
    ...opt('resourceOwner', owner),
    ...opt('networkId', networkId),
    subnetIds: v.refs('subnet_ids', u, 'subnetIds'),
    applianceMode: v.str('appliance_mode_support') === 'enable',
    // The attachment-level switch defaults to enabled (cloud-semantics §1.1-6).
    securityGroupReferencing: v.str('security_group_referencing_support') !== 'disable',
  };
  v.ctx.out.add(att, u);
  if (gatewayId)
    v.ctx.facts.tgwDefaults.push({
      attachmentId: id,
      gatewayId,
      associate: v.bool('transit_gateway_default_route_table_association') !== false,
      propagate: v.bool('transit_gateway_default_route_table_propagation') !== false,
    });
}

/** aws_ec2_transit_gateway_route_table. Routes, associations and propagations come from other resources. */
export function convertTransitRouteTable(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const gatewayId = v.ref('transit_gateway_id', u, 'gatewayId');
  const table: TransitRouteTable = {
    ...v.base(id),
    kind: 'transit-route-table',
    gatewayId: gatewayId ?? '',
    routes: [],
    associations: [],
    propagations: [],
    isDefaultAssociation: v.bool('default_association_route_table') ?? false,
    isDefaultPropagation: v.bool('default_propagation_route_table') ?? false,
    routesTruncated: false,
    routesKnown: true,
  };
  v.ctx.out.add(table, u);
}

function partialTable(v: ResourceView, id: string): TransitRouteTable {
  return {
    ...v.base(id, { tags: {} }),
    kind: 'transit-route-table',
    partial: true,
    gatewayId: '',
    routes: [],
    associations: [],
    propagations: [],
    isDefaultAssociation: false,
    isDefaultPropagation: false,
    routesTruncated: false,
    routesKnown: false,
  };
}

function tableAndAttachment(
  v: ResourceView,
  u: Unknowns,
  field: string,
  optionalAttachment = false,
): [string, string | undefined] | undefined {
  const table = v.ref('transit_gateway_route_table_id', u, field);
  const att =
    optionalAttachment &&
    !v.unknown('transit_gateway_attachment_id') &&
    v.str('transit_gateway_attachment_id') === undefined
      ? undefined
      : v.ref('transit_gateway_attachment_id', u, field);
  if (table === undefined) {
    if (u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'transit_gateway_route_table_id');
    return undefined;
  }
  return [table, att];
}

/** aws_ec2_transit_gateway_route_table_association / _propagation. */
export function convertTableLink(v: ResourceView, which: 'associations' | 'propagations'): void {
  const u: Unknowns = [];
  const ids = tableAndAttachment(v, u, which);
  if (!ids) return;
  const [tableId, att] = ids;
  v.ctx.out.contribute(
    'transit-route-table',
    tableId,
    (t) => {
      if (att && !t[which].includes(att)) t[which] = [...t[which], att];
      markUnknown(t, u);
    },
    { skeleton: () => partialTable(v, tableId) },
  );
  if (which === 'associations' && att)
    v.ctx.out.contribute('transit-attachment', att, (a) => {
      a.associatedTableId = tableId;
    });
}

/** aws_ec2_transit_gateway_route (CIDR) and aws_ec2_transit_gateway_prefix_list_reference (prefix list). */
export function convertTransitRoute(v: ResourceView, prefixList: boolean): void {
  const u: Unknowns = [];
  const ids = tableAndAttachment(v, u, 'routes', true);
  if (!ids) return;
  const [tableId, att] = ids;
  let destination: AddressRef | undefined;
  if (prefixList) {
    const pl = v.ref('prefix_list_id', u, 'routes');
    if (pl) destination = { kind: 'prefix-list', prefixListId: pl };
  } else {
    const c = v.cidr('destination_cidr_block', u, 'routes');
    if (c) destination = { kind: 'cidr', cidr: c };
    else if (u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'destination_cidr_block');
  }
  const blackhole = v.bool('blackhole') === true;
  const route: TransitRoute | undefined = destination && {
    destination,
    attachmentIds: blackhole || !att ? [] : [att],
    type: 'static',
    state: blackhole || !att ? 'blackhole' : 'active',
    source: v.ctx.r.src(v.res.pointer),
  };
  v.ctx.out.contribute(
    'transit-route-table',
    tableId,
    (t) => {
      if (route) t.routes = [...t.routes, route];
      markUnknown(t, u);
    },
    { skeleton: () => partialTable(v, tableId) },
  );
}
