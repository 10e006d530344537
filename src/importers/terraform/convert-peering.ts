import type { Peering, PeeringSide } from '../../model/index.js';
import { opt } from '../_kit/index.js';
import type { ResourceView, Unknowns } from './view.js';

function side(
  networkId: string | undefined,
  account: string | undefined,
  region: string | undefined,
): PeeringSide {
  return { networkId: networkId ?? '', ...opt('account', account), ...opt('region', region), cidrs: [] };
}

/** `accept_status`; while unknown, an auto-accepted request will be active (Terraform waits for it). */
function status(v: ResourceView, u: Unknowns): string {
  if (v.unknown('accept_status') && v.bool('auto_accept') === true) return 'active';
  return v.str('accept_status', u, 'status', 'active') ?? '';
}

/**
 * aws_vpc_peering_connection (the requester's view) and aws_vpc_peering_connection_accepter (the
 * accepter's view of the same pcx, partial). Side CIDRs come from the VPCs of this file.
 */
export function convertPeering(v: ResourceView, accepterView: boolean): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const own = v.ctx.defaults(v.res);
  const vpc = v.ref('vpc_id', u, accepterView ? 'accepter' : 'requester');
  const peerVpc = v.ref('peer_vpc_id', u, accepterView ? 'requester' : 'accepter');
  const peerOwner = v.str('peer_owner_id') ?? own.account;
  const st = status(v, u);
  const mine = side(vpc, own.account, own.region);
  const theirs = side(peerVpc, peerOwner, accepterView ? undefined : (v.str('peer_region') ?? own.region));
  const [requester, accepter] = accepterView ? [theirs, mine] : [mine, theirs];
  const peering: Peering = {
    ...v.base(id, { account: requester.account }),
    kind: 'peering',
    ...(accepterView ? { partial: true } : {}),
    requester,
    accepter,
    status: st,
    active: st === 'active',
  };
  v.ctx.out.add(peering, u);
}
