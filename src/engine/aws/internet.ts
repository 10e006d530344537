import {
  type ConnectionSet,
  type Endpoint,
  formatIp,
  type IpAddress,
  IpSet,
  parseIp,
  type Subnet,
} from '../../model/index.js';
import { naclVerdict, securityGroupVerdict } from './filters.js';
import { ephemeralPorts, replyOf } from './reply.js';
import { lookupRoute } from './routes.js';
import type { AwsTopology } from './topology.js';
import { groupsOf, type Walk } from './walk.js';

const PRIVATE = IpSet.fromCidrs([
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  'fc00::/7',
]);

/**
 * Out through the internet gateway (cloud-semantics §1.3-6/7): the gateway must be attached, the
 * interface needs a public address (1:1 NAT at the gateway), the subnet's NACL applies both ways.
 */
export function toInternet(
  w: Walk,
  src: Endpoint,
  srcSubnet: Subnet,
  igwId: string,
  dst: IpAddress,
  conns: ConnectionSet,
): undefined {
  const { topo, fwd, ret } = w;
  const igw = topo.internetGatewayOf(srcSubnet.networkId);
  if (!igw || igw.id !== igwId)
    return fwd.block({
      kind: 'gateway',
      decidedBy: 'internet-gateway',
      resource: igwId,
      action: 'denied',
      note: 'not attached to this VPC',
    });
  const publicIp = dst.family === 4 ? src.publicIps[0] : src.ipv6Ips[0];
  if (publicIp === undefined)
    return fwd.block({
      kind: 'dropped',
      decidedBy: 'no-public-address',
      resource: src.id,
      action: 'denied',
      note: 'no public address to translate to',
    });
  const acl = topo.naclOf(srcSubnet);
  const c = acl ? fwd.narrow(naclVerdict(topo, acl, 'egress', dst), 'network-acl', acl.id, conns) : conns;
  if (!c) return;
  if (dst.family === 4)
    fwd.add({
      kind: 'nat',
      decidedBy: 'internet-gateway',
      resource: igw.id,
      action: 'forwarded',
      from: src.primaryPrivateIp ?? '',
      to: publicIp,
    });
  if (!acrossTheInternet(w, igw.id, publicIp, dst, c)) return;
  const reply = replyOf(c, ephemeralPorts(src.osHint));
  if (acl && !ret.admits(naclVerdict(topo, acl, 'ingress', dst), 'network-acl', acl.id, reply)) return;
  ret.add({ kind: 'delivered', decidedBy: 'endpoint', resource: src.id, action: 'allowed' });
}

/**
 * Past an internet gateway, with `publicSource` as the source address: a private destination is dropped
 * (the internet carries none; the hybrid-cloud notebook's cross-region private IP), another interface's
 * public address is entered again through its own gateway (cloud-semantics §1.3-7: group references and
 * private-range rules no longer match), anything else is an internet host. False when the walk ends.
 */
export function acrossTheInternet(
  w: Walk,
  igwId: string,
  publicSource: string,
  dst: IpAddress,
  c: ConnectionSet,
): boolean {
  const dstText = formatIp(dst.family, dst.value);
  if (isPrivate(w.topo, dst)) {
    w.fwd.block({
      kind: 'dropped',
      decidedBy: 'internet-gateway',
      resource: igwId,
      action: 'no-route',
      note: `${dstText} is a private address: the internet does not carry it`,
    });
    return false;
  }
  if (w.topo.endpointsWithPublic(dstText).length > 0) {
    fromInternet(w, parseIp(publicSource)!, dst, c);
    return !(w.fwd.blocked || w.ret.blocked || w.notModelled.length > 0);
  }
  w.fwd.add({
    kind: 'delivered',
    decidedBy: 'internet-gateway',
    resource: dstText,
    action: 'allowed',
    note: 'internet host',
  });
  return true;
}

function isPrivate(topo: AwsTopology, a: IpAddress): boolean {
  return PRIVATE.contains(a) || topo.estate.all('network').some((n) => topo.inNetwork(n.id, a));
}

/**
 * In from an internet host to an interface's public address: gateway attached, 1:1 NAT to the private
 * address, NACL and security groups inbound, and a route back to the gateway for the reply — without it
 * a public address in a private subnet is not reachable (cloud-semantics §1.3-6).
 */
export function fromInternet(w: Walk, client: IpAddress, dst: IpAddress, conns: ConnectionSet): undefined {
  const { topo, fwd, ret } = w;
  const dstText = formatIp(dst.family, dst.value);
  const eni = topo.endpointsWithPublic(dstText)[0];
  const subnet = topo.subnet(eni?.subnetId);
  if (!eni || !subnet) {
    // The internet carries no private addresses (RFC 1918, RFC 6598, and any VPC's own range).
    if (isPrivate(topo, dst))
      return fwd.block({
        kind: 'dropped',
        decidedBy: 'no-public-address',
        resource: dstText,
        action: 'no-route',
        note: 'a private address is not reachable from the internet',
      });
    w.notModelled.push(`${dstText} is not a public address of an interface in the inputs`);
    return;
  }
  const igw = topo.internetGatewayOf(subnet.networkId);
  if (!igw)
    return fwd.block({
      kind: 'gateway',
      decidedBy: 'internet-gateway',
      resource: subnet.networkId,
      action: 'denied',
      note: 'no internet gateway attached',
    });
  fwd.add({
    kind: 'nat',
    decidedBy: 'internet-gateway',
    resource: igw.id,
    action: 'forwarded',
    from: dstText,
    to: eni.primaryPrivateIp ?? '',
  });
  const acl = topo.naclOf(subnet);
  let c: ConnectionSet | undefined = conns;
  if (acl) c = fwd.narrow(naclVerdict(topo, acl, 'ingress', client), 'network-acl', acl.id, c);
  if (!c) return;
  c = fwd.narrow(securityGroupVerdict(topo, eni, 'ingress', client), 'security-group', groupsOf(eni), c);
  if (!c) return;
  fwd.add({ kind: 'delivered', decidedBy: 'endpoint', resource: eni.id, action: 'allowed' });
  // An internet client's OS is unknown: Linux's range (DESIGN §3).
  const reply = replyOf(c, ephemeralPorts('unknown'));
  if (acl && !ret.admits(naclVerdict(topo, acl, 'egress', client), 'network-acl', acl.id, reply)) return;
  const table = topo.routeTableOf(subnet);
  const r = table ? lookupRoute(topo, table, client) : undefined;
  const target = r?.route?.target;
  if (r?.route?.state !== 'active' || target?.kind !== 'internet-gateway' || target.id !== igw.id)
    return ret.block({
      kind: 'route',
      decidedBy: 'route',
      resource: table?.id ?? subnet.id,
      action: r?.route?.state === 'blackhole' ? 'blackhole' : 'no-route',
      ...(r?.route ? { rule: `${r.matched} -> ${target?.id ?? target?.kind}` } : {}),
      note: 'no route back to the internet gateway',
    });
  ret.add({
    kind: 'route',
    decidedBy: 'route',
    resource: table!.id,
    action: 'forwarded',
    rule: `${r.matched} -> ${igw.id}`,
  });
  ret.add({
    kind: 'delivered',
    decidedBy: 'internet-gateway',
    resource: formatIp(client.family, client.value),
    action: 'allowed',
    note: 'internet host',
  });
}
