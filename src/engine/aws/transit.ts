import {
  type ConnectionSet,
  type Endpoint,
  formatIp,
  type IpAddress,
  parseIp,
  type Subnet,
} from '../../model/index.js';
import { securityGroupVerdict } from './filters.js';
import { ephemeralPorts, replyOf } from './reply.js';
import { walkReply } from './return-walk.js';
import { attachmentOf, naclsToward, subnetInZone } from './transit-attachments.js';
import { entrySubnet, vpcExit } from './transit-hop.js';
import { lookupTransit, tableOf } from './transit-routes.js';
import { groupsOf, landing, type Walk } from './walk.js';

/**
 * Through a transit gateway between VPC attachments (cloud-semantics §1.5): the source VPC's attachment
 * needs a subnet in the sender's zone; the lookup uses the table associated with the ingress attachment;
 * the packet enters the destination VPC at the attachment subnet of the destination's zone and is routed
 * by that subnet's table. The reply is an independent lookup in the destination attachment's table.
 */
export function viaTransitGateway(
  w: Walk,
  src: Endpoint,
  srcSubnet: Subnet,
  tgwId: string,
  dst: IpAddress,
  conns: ConnectionSet,
): undefined {
  const { topo, fwd } = w;
  if (!topo.estate.get('transit-gateway', tgwId)) {
    w.notModelled.push(`transit gateway ${tgwId} is not in the inputs`);
    return;
  }
  const srcIp = parseIp(src.primaryPrivateIp ?? '');
  if (!srcIp) {
    w.notModelled.push(`${src.id} has no private IPv4 address in the inputs`);
    return;
  }
  const srcAtt = attachmentOf(topo, tgwId, src.networkId);
  if (!srcAtt)
    return fwd.block({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource: tgwId,
      action: 'no-route',
      note: `${src.networkId} has no available attachment`,
    });
  const srcEntry = subnetInZone(topo, srcAtt, srcSubnet.zone);
  if (!srcEntry)
    return fwd.block({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource: srcAtt.id,
      action: 'no-route',
      note: `no attachment subnet in ${srcSubnet.zone}`,
    });
  let c = naclsToward(topo, fwd, true, srcSubnet, srcEntry, dst, srcIp, conns);
  if (!c || fwd.blocked) return;
  const table = tableOf(topo, srcAtt);
  if (!table)
    return fwd.block({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource: srcAtt.id,
      action: 'no-route',
      note: 'attachment is not associated with a route table',
    });
  const look = lookupTransit(topo, table, dst);
  fwd.uncertain.push(...look.uncertain);
  const dstAtt = vpcExit(w, fwd, table, dst, look);
  if (!dstAtt?.networkId) return;
  const _dstText = formatIp(dst.family, dst.value);
  const landed = landing(w, dstAtt.networkId, dst);
  if (!landed) return;
  const { subnet: dstSubnet, eni: dstEni } = landed;
  const dstEntry = entrySubnet(w, fwd, dstAtt, dstSubnet.zone, dst);
  if (!dstEntry) return;
  c = naclsToward(topo, fwd, false, dstSubnet, dstEntry, srcIp, dst, c);
  if (!c || fwd.blocked) return;
  c = fwd.narrow(securityGroupVerdict(topo, dstEni, 'ingress', srcIp), 'security-group', groupsOf(dstEni), c);
  if (!c) return;
  fwd.add({ kind: 'delivered', decidedBy: 'endpoint', resource: dstEni.id, action: 'allowed' });
  return walkReply(
    w,
    { endpoint: dstEni, subnet: dstSubnet, ip: dst },
    { endpoint: src, subnet: srcSubnet, ip: srcIp },
    replyOf(c, ephemeralPorts(src.osHint)),
  );
}
