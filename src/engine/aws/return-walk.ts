import {
  type ConnectionSet,
  type Endpoint,
  formatIp,
  type IpAddress,
  type Subnet,
} from '../../model/index.js';
import { naclVerdict } from './filters.js';
import { lookupRoute } from './routes.js';
import { attachmentOf, naclsToward, subnetInZone } from './transit-attachments.js';
import { entrySubnet, vpcExit } from './transit-hop.js';
import { lookupTransit, tableOf } from './transit-routes.js';
import type { Walk } from './walk.js';

/** One end of a connection between two interfaces, as the reply sees it. */
export interface ReplyEnd {
  readonly endpoint: Endpoint;
  readonly subnet: Subnet;
  readonly ip: IpAddress;
}

/** Route targets that cannot carry a reply to a private address back to the client. */
const DEAD_ENDS = new Set([
  'internet-gateway',
  'nat-gateway',
  'gateway-endpoint',
  'egress-only-internet-gateway',
]);

/**
 * The reply from `responder` to `client`, walked on its own (cloud-semantics §1.4-5, §1.5-9): routes
 * are looked up afresh from the responder's subnet, so the reply may leave by another way than the
 * request came (peering out, transit gateway back). Security groups are stateful on each interface and
 * do not look at the reply; NACLs and routes do, on whichever way it takes.
 */
export function walkReply(w: Walk, responder: ReplyEnd, client: ReplyEnd, reply: ConnectionSet): undefined {
  const { topo, ret } = w;
  const table = topo.routeTableOf(responder.subnet);
  if (!table) {
    w.notModelled.push(`no route table for ${responder.subnet.id} in the inputs`);
    return;
  }
  const clientText = formatIp(client.ip.family, client.ip.value);
  const r = lookupRoute(topo, table, client.ip);
  ret.uncertain.push(...r.uncertain);
  const route = r.route;
  const rule = route ? `${r.matched} -> ${route.target.id ?? route.target.kind}` : '';
  const noWay = (note: string): undefined =>
    ret.block({
      kind: 'route',
      decidedBy: 'route',
      resource: table.id,
      action: route?.state === 'blackhole' ? 'blackhole' : 'no-route',
      ...(rule ? { rule } : {}),
      note,
    });
  if (route?.state !== 'active') return noWay(`no route back to ${clientText}`);
  const routed = {
    kind: 'route',
    decidedBy: 'route',
    resource: table.id,
    action: 'forwarded',
    rule,
  } as const;
  const target = route.target;
  const from = responder.subnet.networkId;
  const to = client.subnet.networkId;
  if (target.kind === 'local') {
    if (from !== to) return noWay(`the local route does not reach ${clientText} in ${to}`);
    return straight(w, responder, client, reply, () => ret.add(routed));
  }
  if (target.kind === 'peering') {
    const pcx = target.id ? topo.estate.get('peering', target.id) : undefined;
    const ends = pcx ? [pcx.requester.networkId, pcx.accepter.networkId] : [];
    if (!pcx?.active || !ends.includes(from) || !ends.includes(to) || from === to)
      return noWay(`no active peering back to ${clientText} in ${to} through ${target.id}`);
    return straight(w, responder, client, reply, () => {
      ret.add(routed);
      ret.add({ kind: 'peering', decidedBy: 'peering', resource: pcx.id, action: 'forwarded' });
    });
  }
  if (target.kind === 'transit-gateway') {
    ret.add(routed);
    return throughTransit(w, responder, client, reply, target.id ?? '');
  }
  if (DEAD_ENDS.has(target.kind))
    return noWay(`${target.kind} ${target.id ?? ''} does not carry a reply to ${clientText}`);
  w.notModelled.push(
    `the reply leaves ${table.id} through ${target.kind} ${target.id ?? ''}, not modelled yet`,
  );
  return undefined;
}

/** Local or peered delivery: NACLs where a subnet boundary is crossed (§1.2-5), none within one subnet. */
function straight(
  w: Walk,
  responder: ReplyEnd,
  client: ReplyEnd,
  reply: ConnectionSet,
  route: () => void,
): undefined {
  const { topo, ret } = w;
  const crossing = responder.subnet.id !== client.subnet.id;
  const out = crossing ? topo.naclOf(responder.subnet) : undefined;
  const into = crossing ? topo.naclOf(client.subnet) : undefined;
  if (out && !ret.admits(naclVerdict(topo, out, 'egress', client.ip), 'network-acl', out.id, reply)) return;
  route();
  if (into && !ret.admits(naclVerdict(topo, into, 'ingress', responder.ip), 'network-acl', into.id, reply))
    return;
  ret.add({ kind: 'delivered', decidedBy: 'endpoint', resource: client.endpoint.id, action: 'allowed' });
  return undefined;
}

/**
 * Through a transit gateway: in by the responder VPC's attachment (a subnet in the responder's zone),
 * an independent lookup in that attachment's table (§1.5-9), out into the client's VPC at its
 * attachment subnet, routed on by that subnet's table (§1.5-8).
 */
function throughTransit(
  w: Walk,
  responder: ReplyEnd,
  client: ReplyEnd,
  reply: ConnectionSet,
  tgwId: string,
): undefined {
  const { topo, ret } = w;
  const clientText = formatIp(client.ip.family, client.ip.value);
  const stop = (resource: string, action: 'no-route' | 'blackhole', note: string, rule?: string): undefined =>
    ret.block({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource,
      action,
      ...(rule ? { rule } : {}),
      note,
    });
  if (!topo.estate.get('transit-gateway', tgwId)) {
    w.notModelled.push(`transit gateway ${tgwId} is not in the inputs`);
    return;
  }
  const att = attachmentOf(topo, tgwId, responder.subnet.networkId);
  if (!att) return stop(tgwId, 'no-route', `${responder.subnet.networkId} has no available attachment`);
  const entry = subnetInZone(topo, att, responder.subnet.zone);
  if (!entry) return stop(att.id, 'no-route', `no attachment subnet in ${responder.subnet.zone}`);
  if (!naclsToward(topo, ret, true, responder.subnet, entry, client.ip, responder.ip, reply) || ret.blocked)
    return;
  const table = tableOf(topo, att);
  if (!table) return stop(att.id, 'no-route', 'attachment is not associated with a route table');
  const look = lookupTransit(topo, table, client.ip);
  ret.uncertain.push(...look.uncertain);
  const back = vpcExit(w, ret, table, client.ip, look, `no route back to ${clientText}`);
  if (!back?.networkId) return;
  if (back.networkId !== client.subnet.networkId)
    return stop(
      ret.steps.at(-1)?.resource ?? table.id,
      'no-route',
      `the reply goes to ${back.networkId}, not to ${clientText}`,
      ret.steps.at(-1)?.rule,
    );
  const exit = entrySubnet(w, ret, back, client.subnet.zone, client.ip);
  if (!exit) return;
  if (!naclsToward(topo, ret, false, client.subnet, exit, responder.ip, client.ip, reply) || ret.blocked)
    return;
  ret.add({ kind: 'delivered', decidedBy: 'endpoint', resource: client.endpoint.id, action: 'allowed' });
  return undefined;
}
