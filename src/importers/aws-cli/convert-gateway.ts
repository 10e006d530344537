import type { Element, Endpoint, Gateway, GatewayAddress, PublicAddress } from '../../model/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

function attachments(ctx: AwsContext, o: Json, p: string, key = 'Attachments'): Gateway['attachments'] {
  const out: { networkId: string; state: string }[] = [];
  for (const [a, ap] of ctx.r.objects(o, key, p)) {
    const vpc = ctx.r.string(a, 'VpcId', ap, true);
    if (vpc) out.push({ networkId: vpc, state: ctx.r.string(a, 'State', ap) ?? 'unknown' });
  }
  return out;
}

/** describe-internet-gateways, describe-egress-only-internet-gateways, describe-vpn-gateways. */
export function convertSimpleGateway(
  ctx: AwsContext,
  o: Json,
  p: string,
  kind: 'internet' | 'egress-only-internet' | 'vpn',
): Gateway | undefined {
  const idKey = {
    internet: 'InternetGatewayId',
    'egress-only-internet': 'EgressOnlyInternetGatewayId',
    vpn: 'VpnGatewayId',
  }[kind];
  const id = ctx.r.string(o, idKey, p, true);
  if (id === undefined) return undefined;
  return {
    ...base(ctx, id, p, o),
    kind: 'gateway',
    gatewayKind: kind,
    attachments: attachments(ctx, o, p, kind === 'vpn' ? 'VpcAttachments' : 'Attachments'),
    addresses: [],
    ...opt('state', ctx.r.string(o, 'State', p)),
  };
}

/** describe-nat-gateways `NatGateways[]`: the gateway, plus its interface(s) as partial endpoints. */
export function convertNatGateway(ctx: AwsContext, o: Json, p: string): Element[] {
  const { r } = ctx;
  const id = r.string(o, 'NatGatewayId', p, true);
  if (id === undefined) return [];
  const networkId = r.string(o, 'VpcId', p);
  const subnetId = r.string(o, 'SubnetId', p);
  const addresses: GatewayAddress[] = [];
  const enis: Endpoint[] = [];
  const b = base(ctx, id, p, o);
  for (const [a, ap] of r.objects(o, 'NatGatewayAddresses', p)) {
    const privateIp = r.ipField(a, 'PrivateIp', ap);
    const publicIp = r.ipField(a, 'PublicIp', ap);
    const endpointId = r.string(a, 'NetworkInterfaceId', ap);
    addresses.push({
      ...opt('privateIp', privateIp),
      ...opt('publicIp', publicIp),
      ...opt('endpointId', endpointId),
      ...opt('allocationId', r.string(a, 'AllocationId', ap)),
    });
    if (endpointId)
      enis.push({
        ...b,
        id: endpointId,
        name: b.name ?? id,
        source: r.src(ap),
        kind: 'endpoint',
        partial: true,
        endpointKind: 'nat-gateway',
        ...opt('networkId', networkId),
        ...opt('subnetId', subnetId),
        ...opt('primaryPrivateIp', privateIp),
        privateIps: privateIp ? [privateIp] : [],
        publicIps: publicIp ? [publicIp] : [],
        ipv6Ips: [],
        filterIds: [],
        ownerId: id,
        osHint: 'unknown',
        requesterManaged: true,
        interfaceType: 'nat_gateway',
      });
  }
  const connectivity = r.string(o, 'ConnectivityType', p);
  const gw: Gateway = {
    ...b,
    kind: 'gateway',
    gatewayKind: 'nat',
    attachments: [],
    ...opt('networkId', networkId),
    ...opt('subnetId', subnetId),
    connectivity: connectivity === 'private' ? 'private' : 'public',
    addresses,
    ...opt('state', r.string(o, 'State', p)),
  };
  return [gw, ...enis];
}

/** describe-addresses `Addresses[]` (Elastic IPs). */
export function convertAddress(ctx: AwsContext, o: Json, p: string): PublicAddress | undefined {
  const { r } = ctx;
  const address = r.ipField(o, 'PublicIp', p);
  if (address === undefined) {
    if (o.PublicIp === undefined) r.missing(p, 'PublicIp');
    return undefined;
  }
  const id = r.string(o, 'AllocationId', p) ?? address;
  return {
    ...base(ctx, id, p, o, { account: r.string(o, 'NetworkInterfaceOwnerId', p) }),
    kind: 'public-address',
    address,
    ...opt('privateIp', r.ipField(o, 'PrivateIpAddress', p)),
    ...opt('endpointId', r.string(o, 'NetworkInterfaceId', p)),
    ...opt('instanceId', r.string(o, 'InstanceId', p)),
  };
}

/**
 * describe-vpn-connections `VpnConnections[]`: a partial view of the VPN gateway it ends on, carrying
 * the connection's static routes (a transit gateway VPN attachment is not modelled: nothing kept).
 */
export function convertVpnConnection(ctx: AwsContext, o: Json, p: string): Gateway | undefined {
  const { r } = ctx;
  const id = r.string(o, 'VpnConnectionId', p, true);
  const gatewayId = r.string(o, 'VpnGatewayId', p);
  if (id === undefined || gatewayId === undefined) return undefined;
  const routes: string[] = [];
  for (const [ro, rp] of r.objects(o, 'Routes', p)) {
    const state = r.string(ro, 'State', rp);
    const cidr = r.string(ro, 'DestinationCidrBlock', rp);
    const c = cidr === undefined ? undefined : r.cidr(cidr, `${rp}/DestinationCidrBlock`);
    if (c && (state === undefined || state === 'available')) routes.push(c);
  }
  const options = r.object(o, 'Options', p);
  return {
    ...base(ctx, gatewayId, p, o),
    kind: 'gateway',
    gatewayKind: 'vpn',
    partial: true,
    attachments: [],
    addresses: [],
    vpnConnections: [
      {
        id,
        staticRoutesOnly: options ? r.boolean(options, 'StaticRoutesOnly', `${p}/Options`) === true : false,
        routes,
        ...opt('state', r.string(o, 'State', p)),
      },
    ],
  };
}
