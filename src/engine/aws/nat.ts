import {
  ConnectionSet,
  type Endpoint,
  formatIp,
  IcmpSet,
  type IpAddress,
  PortSet,
  parseIp,
  type Subnet,
} from '../../model/index.js';
import { naclVerdict } from './filters.js';
import { acrossTheInternet } from './internet.js';
import { ephemeralPorts, replyOf } from './reply.js';
import { lookupRoute } from './routes.js';
import type { Walk } from './walk.js';

/** What a NAT gateway translates: TCP, UDP and ICMP only (cloud-semantics §1.3-8). */
const NATTABLE = ConnectionSet.tcp(PortSet.all())
  .union(ConnectionSet.udp(PortSet.all()))
  .union(ConnectionSet.icmp(IcmpSet.all()));

/**
 * Out through a public NAT gateway (cloud-semantics §1.3-8, §1.2-11): source NACL out, NAT subnet NACL
 * in, source NAT to the gateway's address, NAT subnet NACL out and its route table to the internet
 * gateway; the reply comes back to the gateway's ports 1024-65535 and then to the client's own
 * ephemeral ports, through the same NACLs in reverse.
 */
export function viaNatGateway(
  w: Walk,
  src: Endpoint,
  srcSubnet: Subnet,
  natId: string,
  dst: IpAddress,
  conns: ConnectionSet,
): undefined {
  const { topo, fwd, ret } = w;
  const nat = topo.estate.get('gateway', natId);
  const natSubnet = topo.subnet(nat?.subnetId);
  const address = nat?.addresses[0];
  if (!nat || !natSubnet || !address?.privateIp) {
    w.notModelled.push(`NAT gateway ${natId} (or its subnet or address) is not in the inputs`);
    return;
  }
  if (nat.state !== undefined && nat.state !== 'available')
    return fwd.block({
      kind: 'gateway',
      decidedBy: 'nat-gateway',
      resource: nat.id,
      action: 'denied',
      note: `state ${nat.state}`,
    });
  if (nat.connectivity === 'private') {
    w.notModelled.push(`private NAT gateway ${nat.id} is not modelled yet`);
    return;
  }
  const srcIp = parseIp(src.primaryPrivateIp ?? '');
  const natIp = parseIp(address.privateIp);
  if (!srcIp || !natIp) {
    w.notModelled.push(`${src.id} or ${nat.id} has no private IPv4 address in the inputs`);
    return;
  }
  let c: ConnectionSet | undefined = conns.intersect(NATTABLE);
  if (c.isEmpty())
    return fwd.block({
      kind: 'gateway',
      decidedBy: 'nat-gateway',
      resource: nat.id,
      action: 'denied',
      note: 'NAT gateways carry TCP, UDP and ICMP only',
    });
  const crossing = srcSubnet.id !== natSubnet.id;
  const srcAcl = crossing ? topo.naclOf(srcSubnet) : undefined;
  const natAcl = topo.naclOf(natSubnet);
  if (srcAcl) c = fwd.narrow(naclVerdict(topo, srcAcl, 'egress', dst), 'network-acl', srcAcl.id, c);
  if (!c) return;
  if (natAcl && crossing)
    c = fwd.narrow(naclVerdict(topo, natAcl, 'ingress', srcIp), 'network-acl', natAcl.id, c);
  if (!c) return;
  fwd.add({
    kind: 'nat',
    decidedBy: 'nat-gateway',
    resource: nat.id,
    action: 'forwarded',
    from: src.primaryPrivateIp!,
    to: address.privateIp,
  });
  // From here the packet is the gateway's; its subnet's table must send it to an internet gateway.
  const table = topo.routeTableOf(natSubnet);
  const r = table ? lookupRoute(topo, table, dst) : undefined;
  const target = r?.route?.target;
  const igw = topo.internetGatewayOf(natSubnet.networkId);
  if (r?.route?.state !== 'active' || target?.kind !== 'internet-gateway' || !igw || target.id !== igw.id)
    return fwd.block({
      kind: 'route',
      decidedBy: 'route',
      resource: table?.id ?? natSubnet.id,
      action: r?.route?.state === 'blackhole' ? 'blackhole' : 'no-route',
      note: `the NAT gateway's subnet has no route to an attached internet gateway for ${formatIp(dst.family, dst.value)}`,
    });
  fwd.add({
    kind: 'route',
    decidedBy: 'route',
    resource: table!.id,
    action: 'forwarded',
    rule: `${r.matched} -> ${igw.id}`,
  });
  if (natAcl) c = fwd.narrow(naclVerdict(topo, natAcl, 'egress', dst), 'network-acl', natAcl.id, c);
  if (!c) return;
  if (!address.publicIp) {
    w.notModelled.push(`public NAT gateway ${nat.id} has no public address in the inputs`);
    return;
  }
  fwd.add({
    kind: 'nat',
    decidedBy: 'internet-gateway',
    resource: igw.id,
    action: 'forwarded',
    from: address.privateIp,
    to: address.publicIp,
  });
  if (!acrossTheInternet(w, igw.id, address.publicIp, dst, c)) return;
  // Reply: to the gateway's source ports, then to the client's.
  const toNat = replyOf(c, ephemeralPorts('nat-gateway'));
  if (natAcl && !ret.admits(naclVerdict(topo, natAcl, 'ingress', dst), 'network-acl', natAcl.id, toNat))
    return;
  const toClient = replyOf(c, ephemeralPorts(src.osHint));
  if (
    natAcl &&
    crossing &&
    !ret.admits(naclVerdict(topo, natAcl, 'egress', srcIp), 'network-acl', natAcl.id, toClient)
  )
    return;
  ret.add({
    kind: 'nat',
    decidedBy: 'nat-gateway',
    resource: nat.id,
    action: 'forwarded',
    from: address.privateIp,
    to: src.primaryPrivateIp!,
  });
  if (srcAcl && !ret.admits(naclVerdict(topo, srcAcl, 'ingress', dst), 'network-acl', srcAcl.id, toClient))
    return;
  ret.add({ kind: 'delivered', decidedBy: 'endpoint', resource: src.id, action: 'allowed' });
  return;
}
