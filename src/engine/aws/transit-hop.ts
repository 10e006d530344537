import {
  formatIp,
  type IpAddress,
  type Subnet,
  type TransitAttachment,
  type TransitRouteTable,
} from '../../model/index.js';
import type { Leg } from './leg.js';
import { lookupRoute } from './routes.js';
import { subnetInZone } from './transit-attachments.js';
import { lookupTransit, type TransitLookup, tableOf } from './transit-routes.js';
import type { Walk } from './walk.js';

/** The other side of a peering attachment: `<id>/to/<far gateway>` seen from the far gateway. */
function farSide(w: Walk, near: TransitAttachment): TransitAttachment | undefined {
  const [id] = near.id.split('/to/');
  return w.topo.estate.get('transit-attachment', `${id}/to/${near.gatewayId}`);
}

/**
 * Where a transit gateway sends the packet after the lookup `look` in `table`: the VPC attachment it
 * leaves by, directly or after one peering attachment to a peer gateway, whose side of the peering is
 * looked up again in the table it is associated with (peering carries static routes only,
 * cloud-semantics §1.5-1/-3). Records the transit steps on the leg; blocks where a lookup finds no route
 * or a blackhole; notes as not modelled what it cannot follow (VPN, Connect, a second peering).
 */
export function vpcExit(
  w: Walk,
  leg: Leg,
  table: TransitRouteTable,
  dst: IpAddress,
  look: TransitLookup,
  note?: string,
): TransitAttachment | undefined {
  let t = table;
  let l = look;
  for (let hop = 0; ; hop++) {
    const n = note ? { note } : {};
    // No route, but routes learned by BGP are not in the inputs: one of them may carry it.
    if (!l.route && l.unlisted.length > 0) {
      w.notModelled.push(
        `${t.id} has no listed route to ${formatIp(dst.family, dst.value)}, but ${l.unlisted.join(', ')} propagate routes (BGP) the inputs do not give`,
      );
      return undefined;
    }
    if (!l.route)
      return leg.block({
        kind: 'transit',
        decidedBy: 'transit-gateway',
        resource: t.id,
        action: 'no-route',
        ...n,
      });
    const rule = `${l.matched} -> ${l.route.attachmentIds.join(', ') || 'blackhole'}`;
    if (l.route.state === 'blackhole')
      return leg.block({
        kind: 'transit',
        decidedBy: 'transit-gateway',
        resource: t.id,
        action: 'blackhole',
        rule,
        ...n,
      });
    const att = w.topo.estate.get('transit-attachment', l.route.attachmentIds[0] ?? '');
    if (att?.resourceKind === 'vpc' && att.networkId) {
      leg.add({ kind: 'transit', decidedBy: 'transit-gateway', resource: t.id, action: 'forwarded', rule });
      return att;
    }
    const far = att?.resourceKind === 'peering' && hop === 0 ? farSide(w, att) : undefined;
    if (!att || !far || (far.state !== undefined && far.state !== 'available')) {
      w.notModelled.push(
        att?.resourceKind === 'peering'
          ? hop > 0
            ? `transit gateway ${t.gatewayId} would send the packet over a second peering (${att.id}); not modelled`
            : `the peer side of ${att.id} (transit gateway ${att.resourceId}) is not in the inputs`
          : `transit gateway attachment ${l.route.attachmentIds[0]} (${att?.resourceKind ?? 'not in the inputs'}) is not modelled yet`,
      );
      return undefined;
    }
    leg.add({
      kind: 'transit',
      decidedBy: 'transit-gateway',
      resource: t.id,
      action: 'forwarded',
      rule,
      note: `peering to ${att.resourceId}`,
    });
    const next = tableOf(w.topo, far);
    if (!next)
      return leg.block({
        kind: 'transit',
        decidedBy: 'transit-gateway',
        resource: far.id,
        action: 'no-route',
        note: 'the peering attachment is not associated with a route table',
      });
    t = next;
    l = lookupTransit(w.topo, next, dst);
    leg.uncertain.push(...l.uncertain);
  }
}

/**
 * Where a packet leaving the gateway enters the VPC of `att` toward `dst` (cloud-semantics §1.5-8): the
 * attachment subnet of the destination's zone (else its first), whose own table must route `dst`
 * locally. Blocks where that table drops it; notes any other onward route as not modelled.
 */
export function entrySubnet(
  w: Walk,
  leg: Leg,
  att: TransitAttachment,
  zone: string | undefined,
  dst: IpAddress,
): Subnet | undefined {
  const { topo } = w;
  const entry = subnetInZone(topo, att, zone) ?? topo.subnet(att.subnetIds[0]);
  if (!entry) {
    w.notModelled.push(`subnets of attachment ${att.id} are not in the inputs`);
    return undefined;
  }
  const table = topo.routeTableOf(entry);
  const inner = table ? lookupRoute(topo, table, dst) : undefined;
  if (table && (!inner?.route || inner.route.state === 'blackhole'))
    return leg.block({
      kind: 'route',
      decidedBy: 'route',
      resource: table.id,
      action: inner?.route ? 'blackhole' : 'no-route',
      ...(inner?.route ? { rule: `${inner.matched} -> blackhole` } : {}),
      note: `inside ${att.networkId}, the attachment subnet's table drops ${formatIp(dst.family, dst.value)}`,
    });
  if (inner?.route?.target.kind !== 'local') {
    w.notModelled.push(
      `routing inside ${att.networkId} from the attachment subnet (${table?.id ?? 'no table'}) is not modelled yet`,
    );
    return undefined;
  }
  return entry;
}
