import type { Peering, PeeringSide } from '../../model/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

function side(ctx: AwsContext, o: Json, p: string): PeeringSide | undefined {
  const { r } = ctx;
  const networkId = r.string(o, 'VpcId', p, true);
  if (networkId === undefined) return undefined;
  const cidrs = new Set<string>();
  const primary = r.cidrField(o, 'CidrBlock', p);
  if (primary) cidrs.add(primary);
  for (const [c, cp] of r.objects(o, 'CidrBlockSet', p)) {
    const x = r.cidrField(c, 'CidrBlock', cp);
    if (x) cidrs.add(x);
  }
  for (const [c, cp] of r.objects(o, 'Ipv6CidrBlockSet', p)) {
    const x = r.cidrField(c, 'Ipv6CidrBlock', cp);
    if (x) cidrs.add(x);
  }
  return {
    networkId,
    ...opt('account', r.string(o, 'OwnerId', p)),
    ...opt('region', r.string(o, 'Region', p)),
    cidrs: [...cidrs],
  };
}

/** describe-vpc-peering-connections `VpcPeeringConnections[]`. */
export function convertPeering(ctx: AwsContext, o: Json, p: string): Peering | undefined {
  const { r } = ctx;
  const id = r.string(o, 'VpcPeeringConnectionId', p, true);
  const rq = r.object(o, 'RequesterVpcInfo', p);
  const ac = r.object(o, 'AccepterVpcInfo', p);
  if (!rq) r.missing(p, 'RequesterVpcInfo');
  if (!ac) r.missing(p, 'AccepterVpcInfo');
  if (id === undefined || !rq || !ac) return undefined;
  const requester = side(ctx, rq, `${p}/RequesterVpcInfo`);
  const accepter = side(ctx, ac, `${p}/AccepterVpcInfo`);
  if (!requester || !accepter) return undefined;
  const st = r.object(o, 'Status', p);
  const status = (st ? r.string(st, 'Code', `${p}/Status`) : undefined) ?? 'unknown';
  return {
    ...base(ctx, id, p, o, { account: requester.account }),
    kind: 'peering',
    requester,
    accepter,
    status,
    active: status === 'active',
  };
}
