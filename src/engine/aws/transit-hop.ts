import {
  formatIp,
  type IpAddress,
  type TransitAttachment,
  type TransitRouteTable,
} from '../../model/index.js';
import type { Leg } from './leg.js';
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
