import type { Network, Subnet } from '../../model/index.js';
import { opt } from '../_kit/index.js';
import { markUnknown } from './assembly.js';
import type { ResourceView, Unknowns } from './view.js';

/** A VPC's IPv6 block is unknown at plan time even when none was asked for: then there is none. */
function ipv6Requested(v: ResourceView): boolean {
  return (
    v.bool('assign_generated_ipv6_cidr_block') === true ||
    v.unknown('ipv6_ipam_pool_id') ||
    v.str('ipv6_ipam_pool_id') !== undefined
  );
}

/** aws_vpc, aws_default_vpc. */
export function convertVpc(v: ResourceView, isDefault: boolean): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const cidrs: string[] = [];
  const v4 = v.cidr('cidr_block', u, 'cidrs');
  if (v4) cidrs.push(v4);
  const v6 =
    v.unknown('ipv6_cidr_block') && !ipv6Requested(v) ? undefined : v.cidr('ipv6_cidr_block', u, 'cidrs');
  if (v6) cidrs.push(v6);
  const main = v.str('main_route_table_id');
  if (main) v.ctx.facts.vpcMainTable.set(id, main);
  const network: Network = {
    ...v.base(id),
    kind: 'network',
    cidrs,
    isDefault,
  };
  v.ctx.out.add(network, u);
}

function partialNetwork(v: ResourceView, id: string): Network {
  return { ...v.base(id, { tags: {} }), kind: 'network', partial: true, cidrs: [] };
}

/** aws_vpc_ipv4_cidr_block_association / aws_vpc_ipv6_cidr_block_association: a secondary block. */
export function convertCidrAssociation(v: ResourceView, family: 4 | 6): void {
  const u: Unknowns = [];
  const vpc = v.ref('vpc_id', u, 'networkId');
  if (vpc === undefined) {
    if (u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'vpc_id');
    return;
  }
  const cidr = v.cidr(family === 4 ? 'cidr_block' : 'ipv6_cidr_block', u, 'cidrs');
  v.ctx.out.contribute(
    'network',
    vpc,
    (n) => {
      if (cidr && !n.cidrs.includes(cidr)) n.cidrs = [...n.cidrs, cidr];
      if (!cidr) markUnknown(n, ['cidrs']);
    },
    { skeleton: () => partialNetwork(v, vpc) },
  );
}

/** aws_subnet, aws_default_subnet. */
export function convertSubnet(v: ResourceView, isDefault: boolean): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const networkId = v.ref('vpc_id', u, 'networkId');
  if (networkId === undefined && u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'vpc_id');
  const cidrs: string[] = [];
  const v4 = v.cidr('cidr_block', u, 'cidrs');
  if (v4) cidrs.push(v4);
  const v6 = v.cidr('ipv6_cidr_block', u, 'cidrs');
  if (v6) cidrs.push(v6);
  const zone = v.str('availability_zone', u, 'zone');
  const subnet: Subnet = {
    ...v.base(id, { zone }),
    kind: 'subnet',
    networkId: networkId ?? '',
    cidrs,
    ...opt('zone', zone),
    ...opt('zoneId', v.str('availability_zone_id')),
    ...opt('mapPublicIpOnLaunch', v.bool('map_public_ip_on_launch')),
    defaultForZone: isDefault,
    filterIds: [],
  };
  v.ctx.out.add(subnet, u);
}
