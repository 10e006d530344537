import type { Endpoint, Instance } from '../../model/index.js';
import { endpointKindOfType } from '../_kit/aws/index.js';
import { opt } from '../_kit/index.js';
import { ResourceView, type Unknowns } from './view.js';

const SUBNET_TYPES = ['aws_subnet', 'aws_default_subnet'];

/** The subnet resource of this file, as a view, to settle what an unknown instance address can be. */
function subnetView(v: ResourceView, id: string | undefined): ResourceView | undefined {
  const res = id === undefined ? undefined : v.ctx.find(SUBNET_TYPES, id);
  return res ? new ResourceView(v.ctx, res) : undefined;
}

/**
 * A new instance's public IPv4 is unknown at plan time, yet there is none when it asks for none, or
 * follows a subnet that gives none. Likewise no IPv6 addresses in a subnet without an IPv6 block.
 */
function publicIps(v: ResourceView, subnet: ResourceView | undefined, u: Unknowns): string[] {
  if (v.unknown('public_ip')) {
    const ask = v.unknown('associate_public_ip_address') ? undefined : v.bool('associate_public_ip_address');
    const byDefault = subnet?.unknown('map_public_ip_on_launch')
      ? undefined
      : subnet?.bool('map_public_ip_on_launch');
    if (ask === false || (ask === undefined && byDefault === false)) return [];
  }
  const ip = v.ip('public_ip', u, 'publicIps');
  return ip ? [ip] : [];
}

function ipv6Ips(v: ResourceView, subnet: ResourceView | undefined, u: Unknowns): string[] {
  if (
    v.unknown('ipv6_addresses') &&
    subnet &&
    !subnet.unknown('ipv6_cidr_block') &&
    subnet.str('ipv6_cidr_block') === undefined
  )
    return [];
  return v
    .strs('ipv6_addresses', u, 'ipv6Ips')
    .flatMap((a, i) => v.ctx.r.ip(a, `${v.pointer('ipv6_addresses')}/${i}`) ?? []);
}

function ipList(v: ResourceView, attr: string, u: Unknowns, ...fields: string[]): string[] {
  return v.strs(attr, u, ...fields).flatMap((a, i) => v.ctx.r.ip(a, `${v.pointer(attr)}/${i}`) ?? []);
}

/** aws_instance: the instance, plus its primary interface as a partial endpoint (as the AWS CLI importer does). */
export function convertInstance(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const eu: Unknowns = [];
  const subnetId = v.ref('subnet_id', u, 'subnetId');
  if (subnetId === undefined && u.length > 0) eu.push('subnetId');
  const subnet = subnetView(v, subnetId);
  const eniId = v.unknown('primary_network_interface_id')
    ? `${v.address}.primary_network_interface_id`
    : v.str('primary_network_interface_id');
  const privateIp = v.ip('private_ip', eu, 'primaryPrivateIp', 'privateIps');
  const secondary = ipList(v, 'secondary_private_ips', eu, 'privateIps');
  const others = v
    .list('network_interface')
    .map((n) => [n.num('device_index') ?? 99, n.ref('network_interface_id')] as const)
    .filter((x): x is readonly [number, string] => x[1] !== undefined && x[1] !== eniId)
    .sort((a, b) => a[0] - b[0])
    .map((x) => x[1]);
  const zone = v.str('availability_zone');
  const instance: Instance = {
    ...v.base(id),
    kind: 'instance',
    ...opt('state', v.str('instance_state')),
    ...opt('subnetId', subnetId),
    endpointIds: [...(eniId ? [eniId] : []), ...others],
    osHint: 'unknown',
    ...opt('imageId', v.str('ami')),
    ...opt('iamInstanceProfile', v.str('iam_instance_profile')),
  };
  v.ctx.out.add(instance, u);
  if (eniId === undefined) {
    if (subnetId !== undefined)
      v.ctx.r.report(
        'warning',
        'IMPORT_TF_INSTANCE_NO_ENI',
        v.res.pointer,
        `instance ${id} names no primary network interface; it cannot be placed in the network`,
      );
    return;
  }
  const eni: Endpoint = {
    ...v.base(eniId, { tags: {}, name: undefined, zone }),
    kind: 'endpoint',
    partial: true,
    endpointKind: 'nic',
    ...opt('subnetId', subnetId),
    ...opt('zone', zone),
    ...opt('primaryPrivateIp', privateIp),
    privateIps: [...(privateIp ? [privateIp] : []), ...secondary.filter((ip) => ip !== privateIp)],
    publicIps: publicIps(v, subnet, eu),
    ipv6Ips: ipv6Ips(v, subnet, eu),
    filterIds: v.refs('vpc_security_group_ids', eu, 'filterIds'),
    ownerId: id,
    osHint: 'unknown',
    ...opt('sourceDestCheck', v.bool('source_dest_check')),
  };
  v.ctx.out.add(eni, eu);
}

/** aws_network_interface. */
export function convertNetworkInterface(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const subnetId = v.ref('subnet_id', u, 'subnetId');
  const primary = v.ip('private_ip', u, 'primaryPrivateIp', 'privateIps');
  const all = ipList(v, 'private_ips', u, 'privateIps');
  const attachment = v.list('attachment')[0];
  const instanceId = attachment?.ref('instance');
  const type = v.str('interface_type');
  const subnet = subnetView(v, subnetId);
  const eni: Endpoint = {
    ...v.base(id),
    kind: 'endpoint',
    endpointKind: instanceId ? 'nic' : (endpointKindOfType(type) ?? 'other'),
    ...opt('subnetId', subnetId),
    ...opt('primaryPrivateIp', primary),
    privateIps: [...(primary ? [primary] : []), ...all.filter((ip) => ip !== primary)],
    publicIps: [],
    ipv6Ips: ipv6Ips(v, subnet, u),
    filterIds: v.refs('security_groups', u, 'filterIds'),
    ...opt('ownerId', instanceId),
    osHint: 'unknown',
    ...opt('sourceDestCheck', v.bool('source_dest_check')),
    ...opt('interfaceType', type),
    ...opt('description', v.str('description')),
  };
  v.ctx.out.add(eni, u);
}

/** aws_network_interface_attachment: an interface joins an instance at a device index. */
export function convertInterfaceAttachment(v: ResourceView): void {
  const u: Unknowns = [];
  const instanceId = v.ref('instance_id', u, 'endpointIds');
  const eniId = v.ref('network_interface_id', u, 'endpointIds');
  if (instanceId === undefined || eniId === undefined) return;
  v.ctx.out.contribute(
    'instance',
    instanceId,
    (i) => {
      if (!i.endpointIds.includes(eniId)) i.endpointIds = [...i.endpointIds, eniId];
    },
    { missing: () => v.ctx.notInInput(v.res, 'instance', instanceId) },
  );
  v.ctx.out.contribute('endpoint', eniId, (e) => {
    e.ownerId = instanceId;
    e.endpointKind = 'nic';
  });
}

/** aws_network_interface_sg_attachment: one more security group on an interface. */
export function convertInterfaceSgAttachment(v: ResourceView): void {
  const u: Unknowns = [];
  const groupId = v.ref('security_group_id', u, 'filterIds');
  const eniId = v.ref('network_interface_id', u, 'filterIds');
  if (groupId === undefined || eniId === undefined) return;
  v.ctx.out.contribute(
    'endpoint',
    eniId,
    (e) => {
      if (!e.filterIds.includes(groupId)) e.filterIds = [...e.filterIds, groupId];
    },
    { missing: () => v.ctx.notInInput(v.res, 'network interface', eniId) },
  );
}
