import type { Network, Subnet } from '../../model/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

/** describe-vpcs `Vpcs[]`. */
export function convertVpc(ctx: AwsContext, o: Json, p: string): Network | undefined {
  const { r } = ctx;
  const id = r.string(o, 'VpcId', p, true);
  if (id === undefined) return undefined;
  const cidrs = new Set<string>();
  const primary = r.cidrField(o, 'CidrBlock', p);
  if (primary) cidrs.add(primary);
  for (const [a, ap] of r.objects(o, 'CidrBlockAssociationSet', p)) {
    const state = r.object(a, 'CidrBlockState', ap);
    const st = state ? r.string(state, 'State', `${ap}/CidrBlockState`) : undefined;
    // Disassociated blocks no longer belong to the VPC.
    if (st !== undefined && st !== 'associated') continue;
    const c = r.cidrField(a, 'CidrBlock', ap);
    if (c) cidrs.add(c);
  }
  for (const [a, ap] of r.objects(o, 'Ipv6CidrBlockAssociationSet', p)) {
    const state = r.object(a, 'Ipv6CidrBlockState', ap);
    const st = state ? r.string(state, 'State', `${ap}/Ipv6CidrBlockState`) : undefined;
    if (st !== undefined && st !== 'associated') continue;
    const c = r.cidrField(a, 'Ipv6CidrBlock', ap);
    if (c) cidrs.add(c);
  }
  return {
    ...base(ctx, id, p, o),
    kind: 'network',
    cidrs: [...cidrs],
    ...opt('isDefault', r.boolean(o, 'IsDefault', p)),
    ...opt('state', r.string(o, 'State', p)),
  };
}

/** describe-subnets `Subnets[]`. */
export function convertSubnet(ctx: AwsContext, o: Json, p: string): Subnet | undefined {
  const { r } = ctx;
  const id = r.string(o, 'SubnetId', p, true);
  const networkId = r.string(o, 'VpcId', p, true);
  if (id === undefined || networkId === undefined) return undefined;
  const cidrs: string[] = [];
  const v4 = r.cidrField(o, 'CidrBlock', p);
  if (v4) cidrs.push(v4);
  for (const [a, ap] of r.objects(o, 'Ipv6CidrBlockAssociationSet', p)) {
    const c = r.cidrField(a, 'Ipv6CidrBlock', ap);
    if (c) cidrs.push(c);
  }
  const zone = r.string(o, 'AvailabilityZone', p);
  return {
    ...base(ctx, id, p, o, { zone }),
    kind: 'subnet',
    networkId,
    cidrs,
    ...opt('zone', zone),
    ...opt('zoneId', r.string(o, 'AvailabilityZoneId', p)),
    ...opt('mapPublicIpOnLaunch', r.boolean(o, 'MapPublicIpOnLaunch', p)),
    ...opt('defaultForZone', r.boolean(o, 'DefaultForAz', p)),
    ...opt('state', r.string(o, 'State', p)),
    filterIds: [],
  };
}
