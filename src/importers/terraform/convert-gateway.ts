import type { Endpoint, Gateway, GatewayAddress, PublicAddress } from '../../model/index.js';
import { opt } from '../_kit/index.js';
import { markUnknown } from './assembly.js';
import type { ResourceView, Unknowns } from './view.js';

function partialGateway(v: ResourceView, id: string, kind: Gateway['gatewayKind']): Gateway {
  return {
    ...v.base(id, { tags: {} }),
    kind: 'gateway',
    partial: true,
    gatewayKind: kind,
    attachments: [],
    addresses: [],
  };
}

/** aws_internet_gateway (inline `vpc_id` attachment), aws_egress_only_internet_gateway. */
export function convertSimpleGateway(v: ResourceView, kind: 'internet' | 'egress-only-internet'): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const vpc = v.ref('vpc_id', u, 'attachments');
  // Terraform waits for the attachment; AWS reports IGW attachments `available`, EIGW ones `attached`.
  const state = kind === 'internet' ? 'available' : 'attached';
  const gw: Gateway = {
    ...v.base(id),
    kind: 'gateway',
    gatewayKind: kind,
    attachments: vpc ? [{ networkId: vpc, state }] : [],
    addresses: [],
  };
  v.ctx.out.add(gw, u);
}

/** aws_internet_gateway_attachment. */
export function convertGatewayAttachment(v: ResourceView): void {
  const u: Unknowns = [];
  const gw = v.ref('internet_gateway_id', u, 'attachments');
  const vpc = v.ref('vpc_id', u, 'attachments');
  if (gw === undefined) return;
  v.ctx.out.contribute(
    'gateway',
    gw,
    (g) => {
      if (vpc && !g.attachments.some((a) => a.networkId === vpc))
        g.attachments = [...g.attachments, { networkId: vpc, state: 'available' }];
      markUnknown(g, u);
    },
    { skeleton: () => partialGateway(v, gw, 'internet') },
  );
}

/** aws_nat_gateway: the gateway, plus its interface as a partial endpoint (as the AWS CLI importer does). */
export function convertNatGateway(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const gu: Unknowns = [];
  const eu: Unknowns = [];
  const connectivity = v.str('connectivity_type') === 'private' ? 'private' : 'public';
  const subnetId = v.ref('subnet_id', gu, 'subnetId');
  const eniId = v.unknown('network_interface_id')
    ? `${v.address}.network_interface_id`
    : v.str('network_interface_id');
  const privateIp = v.ip('private_ip', eu, 'primaryPrivateIp', 'privateIps');
  const publicIp = connectivity === 'public' ? v.ip('public_ip', eu, 'publicIps') : undefined;
  const secondary = v.strs('secondary_private_ip_addresses', eu, 'privateIps');
  if (eu.length > 0) gu.push('addresses');
  const addresses: GatewayAddress[] = [
    {
      ...opt('privateIp', privateIp),
      ...opt('publicIp', publicIp),
      ...opt('endpointId', eniId),
      ...opt('allocationId', v.ref('allocation_id')),
    },
    ...secondary.map((ip) => ({ privateIp: ip, ...opt('endpointId', eniId) })),
  ];
  const b = v.base(id);
  const gw: Gateway = {
    ...b,
    kind: 'gateway',
    gatewayKind: 'nat',
    attachments: [],
    ...opt('subnetId', subnetId),
    connectivity,
    addresses,
  };
  v.ctx.out.add(gw, gu);
  if (eniId === undefined) return;
  const eni: Endpoint = {
    ...v.base(eniId, { name: b.name ?? id }),
    kind: 'endpoint',
    partial: true,
    endpointKind: 'nat-gateway',
    ...opt('subnetId', subnetId),
    ...opt('primaryPrivateIp', privateIp),
    privateIps: [...(privateIp ? [privateIp] : []), ...secondary],
    publicIps: publicIp ? [publicIp] : [],
    ipv6Ips: [],
    filterIds: [],
    ownerId: id,
    osHint: 'unknown',
    // A NAT gateway forwards traffic not addressed to it: AWS disables the check on its interface.
    sourceDestCheck: false,
    requesterManaged: true,
    interfaceType: 'nat_gateway',
  };
  v.ctx.out.add(eni, [...eu, ...gu.filter((f) => f === 'subnetId')]);
}

/** An Elastic IP's address also belongs to the interface it is associated with (when this file has it). */
function addPublicIp(v: ResourceView, eniId: string | undefined, ip: string | undefined): void {
  if (eniId === undefined || ip === undefined) return;
  v.ctx.out.contribute('endpoint', eniId, (e) => {
    if (!e.publicIps.includes(ip)) e.publicIps = [...e.publicIps, ip];
  });
}

/** aws_eip. */
export function convertEip(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const address = v.ip('public_ip', u, 'address');
  const endpointId = v.str('network_interface');
  const eip: PublicAddress = {
    ...v.base(id),
    kind: 'public-address',
    address: address ?? '',
    ...opt('privateIp', v.ip('private_ip')),
    ...opt('endpointId', endpointId),
    ...opt('instanceId', v.str('instance')),
  };
  v.ctx.out.add(eip, u);
  addPublicIp(v, endpointId, address);
}

/** aws_eip_association: which interface / instance an Elastic IP is on. */
export function convertEipAssociation(v: ResourceView): void {
  const u: Unknowns = [];
  const allocation = v.ref('allocation_id', u, 'address');
  const publicIp = v.ip('public_ip');
  const endpointId = v.ref('network_interface_id');
  const instanceId = v.ref('instance_id');
  const privateIp = v.ip('private_ip_address');
  const id = allocation ?? publicIp;
  if (id === undefined) {
    if (u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'allocation_id');
    return;
  }
  v.ctx.out.contribute(
    'public-address',
    id,
    (a) => {
      if (a.endpointId === undefined && endpointId) a.endpointId = endpointId;
      if (a.instanceId === undefined && instanceId) a.instanceId = instanceId;
      if (a.privateIp === undefined && privateIp) a.privateIp = privateIp;
      if (a.address === '' && publicIp) a.address = publicIp;
    },
    {
      skeleton: () => ({
        ...v.base(id, { tags: {} }),
        kind: 'public-address',
        partial: true,
        address: publicIp ?? '',
      }),
    },
  );
  addPublicIp(v, endpointId, publicIp);
}
