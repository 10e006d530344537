import type { Element } from '../../model/index.js';
import { elbId } from '../_kit/aws/index.js';
import type { Json } from '../_kit/index.js';
import type { AwsContext } from './context.js';
import {
  convertListener,
  convertLoadBalancer,
  convertLoadBalancerAttributes,
  convertTargetGroup,
  convertTargetHealth,
  targetGroupIdFromParent,
} from './convert-elb.js';
import {
  convertAddress,
  convertNatGateway,
  convertSimpleGateway,
  convertVpnConnection,
} from './convert-gateway.js';
import { convertInstance } from './convert-instance.js';
import { convertInterface } from './convert-interface.js';
import { convertSubnet, convertVpc } from './convert-network.js';
import { convertNetworkAcl } from './convert-network-acl.js';
import { convertPeering } from './convert-peering.js';
import { convertPrefixList, convertPrefixListEntries } from './convert-prefix-list.js';
import { convertRouteTable } from './convert-route-table.js';
import { convertSecurityGroup, convertSecurityGroupRules } from './convert-security-group.js';
import { convertDbInstance, convertFlowLog, convertVpcEndpoint } from './convert-service.js';
import {
  convertAttachment,
  convertTableLinks,
  convertTransitGateway,
  convertTransitRoutes,
  convertTransitRouteTable,
} from './convert-transit.js';

type One = (ctx: AwsContext, o: Json, p: string) => Element | Element[] | undefined;

/** Top-level list key -> converter of one item. The key is how a file is recognised (content, not name). */
export const itemConverters: Readonly<Record<string, One>> = {
  Vpcs: convertVpc,
  Subnets: convertSubnet,
  RouteTables: convertRouteTable,
  InternetGateways: (c, o, p) => convertSimpleGateway(c, o, p, 'internet'),
  EgressOnlyInternetGateways: (c, o, p) => convertSimpleGateway(c, o, p, 'egress-only-internet'),
  VpnGateways: (c, o, p) => convertSimpleGateway(c, o, p, 'vpn'),
  VpnConnections: convertVpnConnection,
  NatGateways: convertNatGateway,
  Addresses: convertAddress,
  SecurityGroups: convertSecurityGroup,
  NetworkAcls: convertNetworkAcl,
  NetworkInterfaces: (c, o, p) => {
    const e = convertInterface(c, o, p);
    // Within a run the record is held and emitted once the instances' view of it is known.
    return e && c.ledger?.keep(e) ? undefined : e;
  },
  Reservations: (c, o, p) =>
    c.r
      .objects(o, 'Instances', p)
      .flatMap(([i, ip]) => convertInstance(c, i, ip, c.r.string(o, 'OwnerId', p))),
  VpcPeeringConnections: convertPeering,
  TransitGateways: convertTransitGateway,
  TransitGatewayAttachments: (c, o, p) => convertAttachment(c, o, p, false),
  TransitGatewayVpcAttachments: (c, o, p) => convertAttachment(c, o, p, true),
  TransitGatewayRouteTables: convertTransitRouteTable,
  // Batfish's snapshot wrappers: one entry per route table, carrying its id.
  TransitGatewayStaticRoutes: (c, o, p) => {
    const id = c.r.string(o, 'TransitGatewayRouteTableId', p, true);
    return id ? convertTransitRoutes(c, o, p, id) : undefined;
  },
  TransitGatewayPropagations: (c, o, p) => {
    const id = c.r.string(o, 'TransitGatewayRouteTableId', p, true);
    return id
      ? convertTableLinks(c, o, p, 'TransitGatewayRouteTablePropagations', id, 'propagations')
      : undefined;
  },
  PrefixLists: convertPrefixList,
  VpcEndpoints: convertVpcEndpoint,
  FlowLogs: convertFlowLog,
  LoadBalancers: convertLoadBalancer,
  Listeners: convertListener,
  LoadBalancerListeners: (c, o, p) =>
    c.r.objects(o, 'Listeners', p).flatMap(([l, lp]) => convertListener(c, l, lp) ?? []),
  LoadBalancerAttributes: convertLoadBalancerAttributes,
  TargetGroups: convertTargetGroup,
  LoadBalancerTargetHealth: (c, o, p) => {
    const arn = c.r.string(o, 'TargetGroupArn', p, true);
    return arn ? convertTargetHealth(c, o, p, elbId(arn)) : undefined;
  },
  DBInstances: convertDbInstance,
};

/** Whole-document outputs whose parent object comes from the file name (`<call>-<parent>.json`). */
export function convertParentScoped(ctx: AwsContext, root: Json): Element[] | undefined {
  const parent = ctx.hints.parent;
  const need = (call: string): string | undefined => {
    if (parent === undefined)
      ctx.r.report(
        'error',
        'IMPORT_AWS_NO_PARENT',
        '',
        `${call} output does not name its parent object`,
        `Name the file ${call}-<parent-id>.json (DESIGN §6).`,
      );
    return parent;
  };
  if ('Routes' in root && 'AdditionalRoutesAvailable' in root) {
    const id = need('search-transit-gateway-routes');
    return id ? [convertTransitRoutes(ctx, root, '', id)] : [];
  }
  if ('TransitGatewayRouteTablePropagations' in root) {
    const id = need('get-transit-gateway-route-table-propagations');
    return id
      ? [convertTableLinks(ctx, root, '', 'TransitGatewayRouteTablePropagations', id, 'propagations')]
      : [];
  }
  if ('Associations' in root && Array.isArray(root.Associations)) {
    const id = need('get-transit-gateway-route-table-associations');
    return id ? [convertTableLinks(ctx, root, '', 'Associations', id, 'associations')] : [];
  }
  if ('Entries' in root && Array.isArray(root.Entries)) {
    const pl = convertPrefixListEntries(ctx, root);
    return pl ? [pl] : [];
  }
  if ('TargetHealthDescriptions' in root) {
    const raw = need('describe-target-health');
    if (raw === undefined) return [];
    const id = targetGroupIdFromParent(raw);
    if (id === undefined) {
      ctx.r.report(
        'error',
        'IMPORT_AWS_NO_PARENT',
        '',
        `"${raw}" is not a target group name`,
        'Name the file describe-target-health-targetgroup-<name>-<id>.json.',
      );
      return [];
    }
    return [convertTargetHealth(ctx, root, '', id)];
  }
  if ('SecurityGroupRules' in root)
    return convertSecurityGroupRules(ctx, ctx.r.objects(root, 'SecurityGroupRules', ''));
  return undefined;
}

/** Outputs we recognise but do not model yet: reported as `unsupported`, never dropped silently. */
export const unsupportedKeys: Readonly<Record<string, string>> = {
  CustomerGateways: 'customer gateways',
  DirectConnectGateways: 'Direct Connect gateways',
  DirectConnectGatewayAssociations: 'Direct Connect gateway associations',
  VirtualInterfaces: 'Direct Connect virtual interfaces',
  DomainStatusList: 'Elasticsearch/OpenSearch domains',
  LoadBalancerDescriptions: 'classic load balancers',
};

/** Recognised, and irrelevant to network analysis: read without comment. */
export const ignoredKeys: ReadonlySet<string> = new Set([
  'AvailabilityZones',
  'ServiceDetails',
  'ServiceNames',
]);
