import { type ConnectionSet, formatIp, type IpAddress, IpSet } from '../../model/index.js';
import { naclVerdict, securityGroupVerdict } from './filters.js';
import { ephemeralPorts, replyOf } from './reply.js';
import { lookupRoute } from './routes.js';
import { groupsOf, landing, type Walk } from './walk.js';

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

/**
 * Traffic from the customer side entering through a VPN gateway (Batfish test-public-private-subnet
 * `testFromVgw`): the VPC router takes it to addresses inside the VPC only (an edge-associated gateway
 * route table could send it elsewhere: not modelled); then the destination subnet's NACL and the
 * interface's groups. The reply must route back to the same gateway from the destination subnet and
 * pass that subnet's NACL outbound.
 */
export function fromVpnGateway(
  w: Walk,
  vgwId: string,
  src: IpAddress,
  dst: IpAddress,
  conns: ConnectionSet,
): undefined {
  const { topo, fwd, ret } = w;
  const gw = topo.estate.get('gateway', vgwId);
  const network = gw?.attachments.find((a) => a.state === 'attached' || a.state === 'available')?.networkId;
  if (!gw || !network) {
    w.notModelled.push(`${vgwId} is not in the inputs or not attached to a VPC`);
    return;
  }
  if (topo.estate.all('route-table').some((t) => t.associations.gatewayIds.includes(vgwId))) {
    w.notModelled.push(`${vgwId} has an edge-associated route table (gateway route table), not modelled yet`);
    return;
  }
  const _dstText = formatIp(dst.family, dst.value);
  if (!topo.inNetwork(network, dst))
    return fwd.block({
      kind: 'gateway',
      decidedBy: 'route',
      resource: vgwId,
      action: 'no-route',
      note: `traffic from ${vgwId} is routed to addresses inside ${network} only`,
    });
  fwd.add({
    kind: 'gateway',
    decidedBy: 'route',
    resource: vgwId,
    action: 'forwarded',
    note: `into ${network}`,
  });
  const landed = landing(w, network, dst);
  if (!landed) return;
  const { subnet: dstSubnet, eni: dstEni } = landed;
  const acl = topo.naclOf(dstSubnet);
  let c: ConnectionSet | undefined = conns;
  if (acl) c = fwd.narrow(naclVerdict(topo, acl, 'ingress', src), 'network-acl', acl.id, c);
  if (!c) return;
  c = fwd.narrow(securityGroupVerdict(topo, dstEni, 'ingress', src), 'security-group', groupsOf(dstEni), c);
  if (!c) return;
  fwd.add({ kind: 'delivered', decidedBy: 'endpoint', resource: dstEni.id, action: 'allowed' });
  // The reply: to the customer host's ports (OS unknown: the default ephemeral range).
  const reply = replyOf(c, ephemeralPorts('unknown'));
  const table = topo.routeTableOf(dstSubnet);
  const r = table ? lookupRoute(topo, table, src) : undefined;
  ret.uncertain.push(...(r?.uncertain ?? []));
  const target = r?.route?.target;
  if (r?.route?.state !== 'active' || target?.kind !== 'vpn-gateway' || target.id !== vgwId)
    return ret.block({
      kind: 'route',
      decidedBy: 'route',
      resource: table?.id ?? dstSubnet.id,
      action: r?.route?.state === 'blackhole' ? 'blackhole' : 'no-route',
      ...(r?.route ? { rule: `${r.matched} -> ${target?.id ?? target?.kind}` } : {}),
      note: `no route back to ${formatIp(src.family, src.value)} through ${vgwId}`,
    });
  ret.add({
    kind: 'route',
    decidedBy: 'route',
    resource: table!.id,
    action: 'forwarded',
    rule: `${r.matched} -> ${vgwId}`,
  });
  if (acl && !ret.admits(naclVerdict(topo, acl, 'egress', src), 'network-acl', acl.id, reply)) return;
  ret.add({
    kind: 'delivered',
    decidedBy: 'route',
    resource: vgwId,
    action: 'allowed',
    note: 'to the customer side',
  });
  return undefined;
}
