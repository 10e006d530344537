import type { Database, FlowLogConfig, ServiceEndpoint } from '../../model/index.js';
import { own } from '../_kit/aws/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

const ENDPOINT_TYPES = {
  Gateway: 'gateway',
  Interface: 'interface',
  GatewayLoadBalancer: 'gateway-load-balancer',
} as const;

/** describe-vpc-endpoints `VpcEndpoints[]`. */
export function convertVpcEndpoint(ctx: AwsContext, o: Json, p: string): ServiceEndpoint | undefined {
  const { r } = ctx;
  const id = r.string(o, 'VpcEndpointId', p, true);
  const networkId = r.string(o, 'VpcId', p, true);
  const typeText = r.string(o, 'VpcEndpointType', p, true);
  if (id === undefined || networkId === undefined || typeText === undefined) return undefined;
  const endpointType = own(ENDPOINT_TYPES, typeText);
  if (endpointType === undefined) {
    r.report(
      'unsupported',
      'IMPORT_AWS_ENDPOINT_TYPE',
      `${p}/VpcEndpointType`,
      `VPC endpoint type "${typeText}" is not modelled`,
    );
    return undefined;
  }
  const filterIds: string[] = [];
  for (const [g, gp] of r.objects(o, 'Groups', p)) {
    const gid = r.string(g, 'GroupId', gp, true);
    if (gid) filterIds.push(gid);
  }
  return {
    ...base(ctx, id, p, o),
    kind: 'service-endpoint',
    endpointType,
    networkId,
    serviceName: r.string(o, 'ServiceName', p) ?? '',
    routeTableIds: r.strings(o, 'RouteTableIds', p),
    subnetIds: r.strings(o, 'SubnetIds', p),
    endpointIds: r.strings(o, 'NetworkInterfaceIds', p),
    filterIds,
    ...opt('privateDns', r.boolean(o, 'PrivateDnsEnabled', p)),
    ...opt('policy', r.string(o, 'PolicyDocument', p)),
    ...opt('state', r.string(o, 'State', p)),
  };
}

function flowResourceKind(id: string): FlowLogConfig['resourceKind'] {
  if (id.startsWith('vpc-')) return 'network';
  if (id.startsWith('subnet-')) return 'subnet';
  if (id.startsWith('eni-')) return 'endpoint';
  if (id.startsWith('tgw-attach-')) return 'transit-attachment';
  if (id.startsWith('tgw-')) return 'transit-gateway';
  return 'other';
}

/** describe-flow-logs `FlowLogs[]`. */
export function convertFlowLog(ctx: AwsContext, o: Json, p: string): FlowLogConfig | undefined {
  const { r } = ctx;
  const id = r.string(o, 'FlowLogId', p, true);
  const resourceId = r.string(o, 'ResourceId', p, true);
  if (id === undefined || resourceId === undefined) return undefined;
  const traffic = r.string(o, 'TrafficType', p);
  const trafficType = traffic === 'ACCEPT' || traffic === 'REJECT' ? traffic : 'ALL';
  if (traffic !== undefined && traffic !== trafficType)
    r.report(
      'warning',
      'IMPORT_AWS_FLOW_TRAFFIC',
      `${p}/TrafficType`,
      `traffic type "${traffic}" is unknown; read as ALL`,
    );
  return {
    ...base(ctx, id, p, o),
    kind: 'flow-log',
    resourceId,
    resourceKind: flowResourceKind(resourceId),
    trafficType,
    ...opt('destinationType', r.string(o, 'LogDestinationType', p)),
    ...opt('destination', r.string(o, 'LogDestination', p) ?? r.string(o, 'LogGroupName', p)),
    ...opt('format', r.string(o, 'LogFormat', p)),
    ...opt('aggregationIntervalSeconds', r.number(o, 'MaxAggregationInterval', p)),
    ...opt('status', r.string(o, 'FlowLogStatus', p)),
  };
}

/** rds describe-db-instances `DBInstances[]`. */
export function convertDbInstance(ctx: AwsContext, o: Json, p: string): Database | undefined {
  const { r } = ctx;
  const id = r.string(o, 'DBInstanceIdentifier', p, true);
  if (id === undefined) return undefined;
  const group = r.object(o, 'DBSubnetGroup', p);
  const gp = `${p}/DBSubnetGroup`;
  const subnetIds: string[] = [];
  if (group)
    for (const [s, sp] of r.objects(group, 'Subnets', gp)) {
      const sid = r.string(s, 'SubnetIdentifier', sp);
      if (sid) subnetIds.push(sid);
    }
  const filterIds: string[] = [];
  for (const [g, ggp] of r.objects(o, 'VpcSecurityGroups', p)) {
    const gid = r.string(g, 'VpcSecurityGroupId', ggp, true);
    if (gid) filterIds.push(gid);
  }
  const endpoint = r.object(o, 'Endpoint', p);
  const arn = r.string(o, 'DBInstanceArn', p);
  return {
    ...base(ctx, id, p, o, { arn, name: id, tags: {}, zone: r.string(o, 'AvailabilityZone', p) }),
    tags: readTagList(ctx, o, p),
    kind: 'database',
    ...opt('engine', r.string(o, 'Engine', p)),
    ...opt('port', endpoint ? r.number(endpoint, 'Port', `${p}/Endpoint`) : undefined),
    ...opt('networkId', group ? r.string(group, 'VpcId', gp) : undefined),
    subnetIds,
    filterIds,
    publiclyAccessible: r.boolean(o, 'PubliclyAccessible', p) ?? false,
    ...opt('address', endpoint ? r.string(endpoint, 'Address', `${p}/Endpoint`) : undefined),
    ...opt('state', r.string(o, 'DBInstanceStatus', p)),
    ...opt('storageEncrypted', r.boolean(o, 'StorageEncrypted', p)),
  };
}

/** RDS calls tags `TagList`. */
function readTagList(ctx: AwsContext, o: Json, p: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [t, tp] of ctx.r.objects(o, 'TagList', p)) {
    const k = ctx.r.string(t, 'Key', tp, true);
    if (k !== undefined) out[k] = ctx.r.string(t, 'Value', tp) ?? '';
  }
  return out;
}
