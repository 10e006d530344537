import type {
  AddressRef,
  TransitAttachment,
  TransitGateway,
  TransitResourceKind,
  TransitRoute,
  TransitRouteTable,
} from '../../model/index.js';
import { own } from '../_kit/aws/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

const RESOURCE_KINDS: Readonly<Record<string, TransitResourceKind>> = {
  vpc: 'vpc',
  vpn: 'vpn',
  'direct-connect-gateway': 'direct-connect-gateway',
  peering: 'peering',
  'tgw-peering': 'peering',
  connect: 'connect',
};

/** describe-transit-gateways `TransitGateways[]`. */
export function convertTransitGateway(ctx: AwsContext, o: Json, p: string): TransitGateway | undefined {
  const { r } = ctx;
  const id = r.string(o, 'TransitGatewayId', p, true);
  if (id === undefined) return undefined;
  const opts = r.object(o, 'Options', p) ?? {};
  const op = `${p}/Options`;
  return {
    ...base(ctx, id, p, o),
    kind: 'transit-gateway',
    ...opt('state', r.string(o, 'State', p)),
    autoAssociate: r.string(opts, 'DefaultRouteTableAssociation', op) === 'enable',
    autoPropagate: r.string(opts, 'DefaultRouteTablePropagation', op) === 'enable',
    ...opt('defaultAssociationTableId', r.string(opts, 'AssociationDefaultRouteTableId', op)),
    ...opt('defaultPropagationTableId', r.string(opts, 'PropagationDefaultRouteTableId', op)),
    // The TGW-level switch defaults to disabled (cloud-semantics §1.1-6).
    securityGroupReferencing: r.string(opts, 'SecurityGroupReferencingSupport', op) === 'enable',
  };
}

/** A route table seen from another call: only the fields that call knows. */
function partialTable(
  ctx: AwsContext,
  id: string,
  p: string,
  o: Json,
  part: Partial<TransitRouteTable>,
): TransitRouteTable {
  return {
    ...base(ctx, id, p, o, { tags: {} }),
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
    ...part,
  };
}

/**
 * A peering attachment has one id and two sides, each listed by its own gateway (and account) with its
 * own association, and named in routes with the far gateway as its resource. Each side is its own
 * element, `<attachment>/to/<far gateway>`, so both can live in one estate (cloud-semantics §1.5-1).
 */
export function sideId(id: string, resourceType: string | undefined, resourceId: string | undefined): string {
  return (resourceType === 'peering' || resourceType === 'tgw-peering') && resourceId
    ? `${id}/to/${resourceId}`
    : id;
}

/**
 * describe-transit-gateway-attachments `TransitGatewayAttachments[]` (full) and
 * describe-transit-gateway-vpc-attachments `TransitGatewayVpcAttachments[]` (partial: adds VPC, subnets, options).
 */
export function convertAttachment(
  ctx: AwsContext,
  o: Json,
  p: string,
  vpcView: boolean,
): (TransitAttachment | TransitRouteTable)[] {
  const { r } = ctx;
  const id = r.string(o, 'TransitGatewayAttachmentId', p, true);
  const gatewayId = r.string(o, 'TransitGatewayId', p, true);
  if (id === undefined || gatewayId === undefined) return [];
  const assoc = r.object(o, 'Association', p);
  const assocState = assoc ? r.string(assoc, 'State', `${p}/Association`) : undefined;
  const tableId =
    assoc && assocState === 'associated'
      ? r.string(assoc, 'TransitGatewayRouteTableId', `${p}/Association`)
      : undefined;
  const options = r.object(o, 'Options', p) ?? {};
  const op = `${p}/Options`;
  const resourceType = vpcView ? 'vpc' : r.string(o, 'ResourceType', p);
  const owner = vpcView ? r.string(o, 'VpcOwnerId', p) : r.string(o, 'ResourceOwnerId', p);
  const elementId = sideId(id, resourceType, vpcView ? undefined : r.string(o, 'ResourceId', p));
  const att: TransitAttachment = {
    ...base(ctx, elementId, p, o, { account: owner }),
    kind: 'transit-attachment',
    ...(vpcView ? { partial: true } : {}),
    gatewayId,
    resourceKind: own(RESOURCE_KINDS, resourceType ?? '') ?? 'other',
    ...opt('resourceId', vpcView ? r.string(o, 'VpcId', p) : r.string(o, 'ResourceId', p)),
    ...opt('resourceOwner', owner),
    ...opt(
      'networkId',
      vpcView ? r.string(o, 'VpcId', p) : resourceType === 'vpc' ? r.string(o, 'ResourceId', p) : undefined,
    ),
    subnetIds: vpcView ? r.strings(o, 'SubnetIds', p) : [],
    ...opt('state', r.string(o, 'State', p)),
    ...opt('applianceMode', vpcView ? r.string(options, 'ApplianceModeSupport', op) === 'enable' : undefined),
    // Attachment-level switch defaults to enabled (cloud-semantics §1.1-6).
    ...opt(
      'securityGroupReferencing',
      vpcView ? r.string(options, 'SecurityGroupReferencingSupport', op) !== 'disable' : undefined,
    ),
    ...opt('associatedTableId', tableId),
  };
  return tableId
    ? [att, partialTable(ctx, tableId, `${p}/Association`, o, { associations: [elementId] })]
    : [att];
}

/** describe-transit-gateway-route-tables `TransitGatewayRouteTables[]`. */
export function convertTransitRouteTable(ctx: AwsContext, o: Json, p: string): TransitRouteTable | undefined {
  const { r } = ctx;
  const id = r.string(o, 'TransitGatewayRouteTableId', p, true);
  const gatewayId = r.string(o, 'TransitGatewayId', p, true);
  if (id === undefined || gatewayId === undefined) return undefined;
  return {
    ...base(ctx, id, p, o),
    kind: 'transit-route-table',
    gatewayId,
    routes: [],
    associations: [],
    propagations: [],
    isDefaultAssociation: r.boolean(o, 'DefaultAssociationRouteTable', p) ?? false,
    isDefaultPropagation: r.boolean(o, 'DefaultPropagationRouteTable', p) ?? false,
    routesTruncated: false,
    routesKnown: false,
  };
}

function transitRoute(ctx: AwsContext, o: Json, p: string): TransitRoute | undefined {
  const { r } = ctx;
  let destination: AddressRef | undefined;
  const cidr = r.string(o, 'DestinationCidrBlock', p);
  const pl = r.string(o, 'PrefixListId', p);
  if (cidr !== undefined) {
    const c = r.cidr(cidr, `${p}/DestinationCidrBlock`);
    if (c) destination = { kind: 'cidr', cidr: c };
  } else if (pl !== undefined) destination = { kind: 'prefix-list', prefixListId: pl };
  else r.missing(p, 'DestinationCidrBlock');
  if (!destination) return undefined;
  const state = r.string(o, 'State', p);
  // Routes being deleted or pending do not forward; only active and blackhole decide lookups.
  if (state !== 'active' && state !== 'blackhole') return undefined;
  const attachmentIds: string[] = [];
  for (const [a, ap] of r.objects(o, 'TransitGatewayAttachments', p)) {
    const id = r.string(a, 'TransitGatewayAttachmentId', ap, true);
    if (id) attachmentIds.push(sideId(id, r.string(a, 'ResourceType', ap), r.string(a, 'ResourceId', ap)));
  }
  return {
    destination,
    attachmentIds,
    type: r.string(o, 'Type', p) === 'propagated' ? 'propagated' : 'static',
    state,
    source: r.src(p),
  };
}

/** search-transit-gateway-routes output (or Batfish's `TransitGatewayStaticRoutes[]` entry) for one table. */
export function convertTransitRoutes(
  ctx: AwsContext,
  o: Json,
  p: string,
  tableId: string,
): TransitRouteTable {
  const routes: TransitRoute[] = [];
  for (const [ro, rp] of ctx.r.objects(o, 'Routes', p)) {
    const route = transitRoute(ctx, ro, rp);
    if (route) routes.push(route);
  }
  const truncated = ctx.r.boolean(o, 'AdditionalRoutesAvailable', p) === true;
  if (truncated)
    ctx.r.report(
      'warning',
      'IMPORT_AWS_TGW_ROUTES_TRUNCATED',
      `${p}/AdditionalRoutesAvailable`,
      `route listing of ${tableId} stopped at the API limit (1000 routes); paths may be missing`,
      'Export the table again with narrower --filters and import every part.',
    );
  return partialTable(ctx, tableId, p, o, { routes, routesKnown: true, routesTruncated: truncated });
}

/** Associations or propagations of one table: `Associations[]` / `TransitGatewayRouteTablePropagations[]`. */
export function convertTableLinks(
  ctx: AwsContext,
  o: Json,
  p: string,
  key: string,
  tableId: string,
  which: 'associations' | 'propagations',
): TransitRouteTable {
  const ids: string[] = [];
  for (const [a, ap] of ctx.r.objects(o, key, p)) {
    const state = ctx.r.string(a, 'State', ap);
    if (state !== undefined && state !== 'associated' && state !== 'enabled') continue;
    const id = ctx.r.string(a, 'TransitGatewayAttachmentId', ap, true);
    if (id) ids.push(sideId(id, ctx.r.string(a, 'ResourceType', ap), ctx.r.string(a, 'ResourceId', ap)));
  }
  return partialTable(ctx, tableId, p, o, { [which]: ids });
}
