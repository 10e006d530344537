import { formatIp, type IpAddress, IpSet } from '../../model/index.js';
import type { Walk } from './walk.js';

/**
 * A packet routed to a virtual private gateway (cloud-semantics §1.3; Batfish test-public-private-
 * subnet): the gateway forwards only toward prefixes of its VPN connections. When every connection
 * uses static routes and none covers the destination, the packet is dropped there (certain: BGP
 * cannot add a route). Otherwise it leaves for the customer network, which is not modelled: unknown.
 */
export function viaVpnGateway(w: Walk, vgwId: string, dst: IpAddress): undefined {
  const { topo, fwd } = w;
  const dstText = formatIp(dst.family, dst.value);
  const gw = topo.estate.get('gateway', vgwId);
  const connections = (gw?.vpnConnections ?? []).filter(
    (c) => c.state === undefined || c.state === 'available',
  );
  if (!gw || connections.length === 0) {
    w.notModelled.push(
      `${vgwId} leads to a VPN whose connections are not in the inputs (export describe-vpn-connections)`,
    );
    return;
  }
  const covering = connections.find((c) => c.routes.some((r) => IpSet.fromCidr(r).contains(dst)));
  if (covering) {
    w.notModelled.push(
      `${dstText} is reached over ${covering.id}; the network beyond the VPN is not modelled`,
    );
    return;
  }
  if (connections.some((c) => !c.staticRoutesOnly)) {
    w.notModelled.push(`${vgwId} has a BGP VPN connection; the prefixes it learns are not in the inputs`);
    return;
  }
  return fwd.block({
    kind: 'gateway',
    decidedBy: 'route',
    resource: vgwId,
    action: 'no-route',
    note: `no VPN connection of ${vgwId} routes ${dstText} (static routes only: ${connections.flatMap((c) => c.routes).join(', ') || 'none'})`,
  });
}
