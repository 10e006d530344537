import {
  type ConnectionSet,
  type Endpoint,
  formatIp,
  type IpAddress,
  parseIp,
  type Subnet,
  type TransitAttachment,
} from '../../model/index.js';
import { naclVerdict, securityGroupVerdict } from './filters.js';
import type { Leg } from './leg.js';
import { ephemeralPorts, replyOf } from './reply.js';
import { lookupRoute } from './routes.js';
import type { AwsTopology } from './topology.js';
import { lookupTransit, tableOf } from './transit-routes.js';
import { groupsOf, type Walk } from './walk.js';

function attachmentOf(
  topo: AwsTopology,
  tgwId: string,
  networkId: string | undefined,
): TransitAttachment | undefined {
  return topo.estate
    .all('transit-attachment')
    .find(
      (a) =>
        a.gatewayId === tgwId &&
        a.networkId === networkId &&
        (a.state === undefined || a.state === 'available'),
    );
}

function subnetInZone(
  topo: AwsTopology,
  att: TransitAttachment,
  zone: string | undefined,
): Subnet | undefined {
  return att.subnetIds.map((id) => topo.subnet(id)).find((s) => s !== undefined && s.zone === zone);
}

/**
 * NACLs between an instance's subnet and the attachment subnet (cloud-semantics §1.2-10). Instance to
 * gateway: the instance subnet's outbound rules on the destination and the attachment subnet's inbound
 * rules on the source (one NACL, both checks, when they share a subnet). Gateway to instance: the
 * attachment subnet's outbound and the instance subnet's inbound; none within one subnet.
 */
function naclsToward(
  topo: AwsTopology,
  leg: Leg,
  toGateway: boolean,
  instanceSubnet: Subnet,
  attachmentSubnet: Subnet,
  remote: IpAddress,
  local: IpAddress,
  conns: ConnectionSet,
): ConnectionSet | undefined {
  const same = instanceSubnet.id === attachmentSubnet.id;
  if (!toGateway && same) return conns;
  const steps: [Subnet, 'ingress' | 'egress', IpAddress][] = toGateway
    ? [
        [instanceSubnet, 'egress', remote],
        [attachmentSubnet, 'ingress', local],
      ]
    : [
        [attachmentSubnet, 'egress', local],
        [instanceSubnet, 'ingress', remote],
      ];
  let c: ConnectionSet | undefined = conns;
  for (const [subnet, dir, peer] of steps) {
    const acl = topo.naclOf(subnet);
    if (!acl || !c) continue;
    if (leg.direction === 'forward')
      c = leg.narrow(naclVerdict(topo, acl, dir, peer), 'network-acl', acl.id, c);
    else if (!leg.admits(naclVerdict(topo, acl, dir, peer), 'network-acl', acl.id, c)) return undefined;
  }
  return c;
}

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
  const { topo, fwd, ret } = w;
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
  if (!look.route)
    return fwd.block({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource: table.id,
      action: 'no-route',
    });
  const rule = `${look.matched} -> ${look.route.attachmentIds.join(', ') || 'blackhole'}`;
  if (look.route.state === 'blackhole')
    return fwd.block({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource: table.id,
      action: 'blackhole',
      rule,
    });
  const dstAtt = topo.estate.get('transit-attachment', look.route.attachmentIds[0] ?? '');
  if (dstAtt?.resourceKind !== 'vpc' || !dstAtt.networkId) {
    w.notModelled.push(
      `transit gateway attachment ${look.route.attachmentIds[0]} (${dstAtt?.resourceKind ?? 'not in the inputs'}) is not modelled yet`,
    );
    return;
  }
  fwd.add({ kind: 'transit', decidedBy: 'transit-gateway', resource: table.id, action: 'forwarded', rule });
  const dstText = formatIp(dst.family, dst.value);
  const dstSubnet = topo.subnetAt(dstAtt.networkId, dst);
  const dstEni = topo.endpointsAt(dstText, dstAtt.networkId)[0];
  if (!dstSubnet || !dstEni)
    return fwd.block({
      kind: 'dropped',
      decidedBy: 'endpoint',
      resource: dstText,
      action: 'no-route',
      note: dstSubnet ? 'no interface owns this address' : 'no subnet holds this address',
    });
  const dstEntry = subnetInZone(topo, dstAtt, dstSubnet.zone) ?? topo.subnet(dstAtt.subnetIds[0]);
  if (!dstEntry) {
    w.notModelled.push(`subnets of attachment ${dstAtt.id} are not in the inputs`);
    return;
  }
  // Entering the VPC, the attachment subnet's own table routes the packet (§1.5-8).
  const entryTable = topo.routeTableOf(dstEntry);
  const inner = entryTable ? lookupRoute(topo, entryTable, dst) : undefined;
  if (inner?.route?.state === 'blackhole' || (entryTable && !inner?.route))
    // A blackhole or no route at all in the attachment subnet's table drops the packet there: certain.
    return fwd.block({
      kind: 'route',
      decidedBy: 'route',
      resource: entryTable!.id,
      action: inner?.route ? 'blackhole' : 'no-route',
      ...(inner?.route ? { rule: `${inner.matched} -> blackhole` } : {}),
      note: `inside ${dstAtt.networkId}, the attachment subnet's table drops ${dstText}`,
    });
  if (inner?.route?.target.kind !== 'local' || inner.route.state !== 'active') {
    w.notModelled.push(
      `routing inside ${dstAtt.networkId} from the attachment subnet (${entryTable?.id ?? 'no table'}) is not modelled yet`,
    );
    return;
  }
  c = naclsToward(topo, fwd, false, dstSubnet, dstEntry, srcIp, dst, c);
  if (!c || fwd.blocked) return;
  c = fwd.narrow(securityGroupVerdict(topo, dstEni, 'ingress', srcIp), 'security-group', groupsOf(dstEni), c);
  if (!c) return;
  fwd.add({ kind: 'delivered', decidedBy: 'endpoint', resource: dstEni.id, action: 'allowed' });
  return replyViaTransit(
    w,
    { src, srcSubnet, srcIp, srcAtt, srcEntry, tgwId },
    { dst, dstSubnet, dstAtt },
    replyOf(c, ephemeralPorts(src.osHint)),
    ret,
  );
}

function replyViaTransit(
  w: Walk,
  s: {
    src: Endpoint;
    srcSubnet: Subnet;
    srcIp: IpAddress;
    srcAtt: TransitAttachment;
    srcEntry: Subnet;
    tgwId: string;
  },
  d: { dst: IpAddress; dstSubnet: Subnet; dstAtt: TransitAttachment },
  reply: ConnectionSet,
  ret: Leg,
): undefined {
  const { topo } = w;
  // The responder's subnet must route the client's address back to the gateway.
  const table = topo.routeTableOf(d.dstSubnet);
  const r = table ? lookupRoute(topo, table, s.srcIp) : undefined;
  const t = r?.route?.target;
  if (
    r?.route?.state === 'active' &&
    (t?.kind === 'peering' || (t?.kind === 'transit-gateway' && t.id !== s.tgwId))
  ) {
    // The reply takes another way than the request (an independent lookup, §1.5-9): not modelled yet,
    // and never read as blocked.
    w.notModelled.push(
      `asymmetric return path: the reply to ${s.src.primaryPrivateIp} leaves ${table!.id} through ${t.id}, not ${s.tgwId}`,
    );
    return;
  }
  if (r?.route?.state !== 'active' || t?.kind !== 'transit-gateway' || t.id !== s.tgwId)
    return ret.block({
      kind: 'route',
      decidedBy: 'route',
      resource: table?.id ?? d.dstSubnet.id,
      action: r?.route?.state === 'blackhole' ? 'blackhole' : 'no-route',
      ...(r?.route ? { rule: `${r.matched} -> ${t?.id ?? t?.kind}` } : {}),
      note: `no route back to ${s.src.primaryPrivateIp} through ${s.tgwId}`,
    });
  ret.add({
    kind: 'route',
    decidedBy: 'route',
    resource: table!.id,
    action: 'forwarded',
    rule: `${r.matched} -> ${s.tgwId}`,
  });
  const dstEntry = subnetInZone(topo, d.dstAtt, d.dstSubnet.zone);
  if (!dstEntry)
    return ret.block({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource: d.dstAtt.id,
      action: 'no-route',
      note: `no attachment subnet in ${d.dstSubnet.zone}`,
    });
  if (!naclsToward(topo, ret, true, d.dstSubnet, dstEntry, s.srcIp, d.dst, reply) || ret.blocked) return;
  // An independent lookup in the table of the attachment the reply enters by (§1.5-9).
  const back = tableOf(topo, d.dstAtt);
  const look = back ? lookupTransit(topo, back, s.srcIp) : undefined;
  ret.uncertain.push(...(look?.uncertain ?? []));
  if (look?.route?.state !== 'active' || !look.route.attachmentIds.includes(s.srcAtt.id))
    return ret.block({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource: back?.id ?? d.dstAtt.id,
      action: look?.route?.state === 'blackhole' ? 'blackhole' : 'no-route',
      ...(look?.route
        ? { rule: `${look.matched} -> ${look.route.attachmentIds.join(', ') || 'blackhole'}` }
        : {}),
      note: `no route back to ${s.src.primaryPrivateIp}`,
    });
  ret.add({
    kind: 'transit',
    decidedBy: 'transit-gateway',
    resource: back!.id,
    action: 'forwarded',
    rule: `${look.matched} -> ${s.srcAtt.id}`,
  });
  if (!naclsToward(topo, ret, false, s.srcSubnet, s.srcEntry, d.dst, s.srcIp, reply) || ret.blocked) return;
  ret.add({ kind: 'delivered', decidedBy: 'endpoint', resource: s.src.id, action: 'allowed' });
  return;
}
