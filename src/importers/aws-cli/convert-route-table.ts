import type { AddressRef, Route, RouteTable, RouteTarget, RouteTargetKind } from '../../model/index.js';
import type { Json } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

/** Route target fields of describe-route-tables, most specific meaning first. */
const TARGET_FIELDS: readonly [string, RouteTargetKind][] = [
  ['NatGatewayId', 'nat-gateway'],
  ['TransitGatewayId', 'transit-gateway'],
  ['VpcPeeringConnectionId', 'peering'],
  ['NetworkInterfaceId', 'network-interface'],
  ['InstanceId', 'instance'],
  ['EgressOnlyInternetGatewayId', 'egress-only-internet-gateway'],
  ['LocalGatewayId', 'local-gateway'],
  ['CarrierGatewayId', 'carrier-gateway'],
  ['CoreNetworkArn', 'core-network'],
  ['VpcEndpointId', 'gwlb-endpoint'],
  ['GatewayId', 'internet-gateway'],
];

/** `GatewayId` holds several kinds of gateway, told apart by id prefix. */
function gatewayKind(id: string): RouteTargetKind {
  if (id === 'local') return 'local';
  if (id.startsWith('igw-')) return 'internet-gateway';
  if (id.startsWith('vgw-')) return 'vpn-gateway';
  if (id.startsWith('vpce-')) return 'gateway-endpoint';
  if (id.startsWith('eigw-')) return 'egress-only-internet-gateway';
  return 'unknown';
}

function routeTarget(ctx: AwsContext, o: Json, p: string): RouteTarget {
  for (const [field, kind] of TARGET_FIELDS) {
    const id = ctx.r.string(o, field, p);
    if (id === undefined) continue;
    if (field === 'GatewayId') {
      const k = gatewayKind(id);
      if (k === 'unknown')
        ctx.r.report(
          'unsupported',
          'IMPORT_AWS_ROUTE_TARGET',
          `${p}/GatewayId`,
          `route target "${id}" is not modelled`,
        );
      return k === 'local' ? { kind: 'local' } : { kind: k, id };
    }
    // An instance target also names its ENI; the ENI is the more exact hop.
    if (field === 'InstanceId' && typeof o.NetworkInterfaceId === 'string')
      return { kind: 'network-interface', id: o.NetworkInterfaceId };
    return { kind, id };
  }
  return { kind: 'none' };
}

export function convertRoute(ctx: AwsContext, o: Json, p: string): Route | undefined {
  const { r } = ctx;
  let destination: AddressRef | undefined;
  const v4 = r.string(o, 'DestinationCidrBlock', p);
  const v6 = r.string(o, 'DestinationIpv6CidrBlock', p);
  const pl = r.string(o, 'DestinationPrefixListId', p);
  if (v4 !== undefined) {
    const c = r.cidr(v4, `${p}/DestinationCidrBlock`);
    if (c) destination = { kind: 'cidr', cidr: c };
  } else if (v6 !== undefined) {
    const c = r.cidr(v6, `${p}/DestinationIpv6CidrBlock`);
    if (c) destination = { kind: 'cidr', cidr: c };
  } else if (pl !== undefined) destination = { kind: 'prefix-list', prefixListId: pl };
  else {
    r.report(
      'error',
      'IMPORT_MISSING_FIELD',
      p,
      'route has no destination (DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId)',
      'The route is ignored.',
    );
    return undefined;
  }
  if (destination === undefined) return undefined;
  const target = routeTarget(ctx, o, p);
  const originText = r.string(o, 'Origin', p);
  const origin =
    originText === 'CreateRouteTable' || target.kind === 'local'
      ? 'local'
      : originText === 'EnableVgwRoutePropagation'
        ? 'propagated'
        : 'static';
  const stateText = r.string(o, 'State', p);
  // A route without a target cannot forward: treat it as a blackhole rather than drop it silently.
  const state = stateText === 'blackhole' || target.kind === 'none' ? 'blackhole' : 'active';
  return { destination, target, origin, state, source: r.src(p) };
}

/** describe-route-tables `RouteTables[]`. */
export function convertRouteTable(ctx: AwsContext, o: Json, p: string): RouteTable | undefined {
  const { r } = ctx;
  const id = r.string(o, 'RouteTableId', p, true);
  const networkId = r.string(o, 'VpcId', p, true);
  if (id === undefined || networkId === undefined) return undefined;
  const routes: Route[] = [];
  for (const [ro, rp] of r.objects(o, 'Routes', p)) {
    const route = convertRoute(ctx, ro, rp);
    if (route) routes.push(route);
  }
  let main = false;
  const subnetIds: string[] = [];
  const gatewayIds: string[] = [];
  for (const [a, ap] of r.objects(o, 'Associations', p)) {
    const st = r.object(a, 'AssociationState', ap);
    const state = st ? r.string(st, 'State', `${ap}/AssociationState`) : undefined;
    if (state !== undefined && state !== 'associated') continue;
    if (r.boolean(a, 'Main', ap) === true) main = true;
    const s = r.string(a, 'SubnetId', ap);
    if (s !== undefined) subnetIds.push(s);
    const g = r.string(a, 'GatewayId', ap);
    if (g !== undefined) gatewayIds.push(g);
  }
  const propagating: string[] = [];
  for (const [v, vp] of r.objects(o, 'PropagatingVgws', p)) {
    const g = r.string(v, 'GatewayId', vp);
    if (g !== undefined) propagating.push(g);
  }
  return {
    ...base(ctx, id, p, o),
    kind: 'route-table',
    networkId,
    routes,
    associations: { main, subnetIds, gatewayIds },
    propagatingGatewayIds: propagating,
  };
}
