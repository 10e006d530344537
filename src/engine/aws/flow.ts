import {
  type ConnectionSet,
  type Endpoint,
  formatIp,
  type IpAddress,
  parseCidr,
  parseIp,
  type Subnet,
} from '../../model/index.js';
import type { Verdict } from '../trace.js';
import { naclVerdict, securityGroupVerdict } from './filters.js';
import { fromInternet, toInternet } from './internet.js';
import { Leg } from './leg.js';
import { viaNatGateway } from './nat.js';
import { ephemeralPorts, replyOf } from './reply.js';
import { walkReply } from './return-walk.js';
import { lookupRoute } from './routes.js';
import { viaGatewayEndpoint } from './service-endpoint.js';
import type { AwsTopology } from './topology.js';
import { viaTransitGateway } from './transit.js';
import { fromVpnGateway, viaVpnGateway } from './vpn.js';
import { groupsOf, landing, type Walk } from './walk.js';

const LINK_LOCAL_SERVICES = new Set([
  '169.254.169.254',
  '169.254.169.253',
  '169.254.169.123',
  'fd00:ec2::254',
  'fd00:ec2::253',
  'fd00:ec2::123',
]);

function isAmazonService(topo: AwsTopology, networkId: string | undefined, dst: IpAddress): boolean {
  if (LINK_LOCAL_SERVICES.has(formatIp(dst.family, dst.value))) return true;
  const net = networkId ? topo.estate.get('network', networkId) : undefined;
  // The resolver sits at the base of each IPv4 block of the VPC plus two.
  return (net?.cidrs ?? []).some((c) => {
    const p = parseCidr(c);
    return typeof p !== 'string' && p.family === 4 && dst.family === 4 && dst.value === p.network + 2n;
  });
}

export type FlowSource =
  | { readonly kind: 'endpoint'; readonly endpoint: Endpoint }
  | { readonly kind: 'internet'; readonly address: IpAddress }
  /** A host on the customer side of a VPN gateway, entering the VPC through it. */
  | { readonly kind: 'vpn'; readonly gatewayId: string; readonly address: IpAddress };

/** One connection to judge: from a source to an address, for some traffic (DESIGN §6 `reach`). */
export interface FlowQuery {
  readonly source: FlowSource;
  readonly destination: IpAddress;
  readonly connections: ConnectionSet;
}

function verdict(w: Walk): Verdict {
  const blocked = w.fwd.blocked ?? w.ret.blocked ?? null;
  const uncertain = [...new Set([...w.fwd.uncertain, ...w.notModelled])];
  const doubtful = blocked !== null && (w.fwd.blocked ? w.fwd.doubtful : w.ret.doubtful);
  const kind = w.notModelled.length > 0 || doubtful ? 'unknown' : blocked ? 'blocked' : 'allowed';
  return { verdict: kind, blockedAt: blocked, forward: w.fwd.steps, return: w.ret.steps, uncertain };
}

/**
 * Judge one connection (cloud-semantics §0, §1): forward from the source to the destination, then the
 * reply back, through security groups (stateful: not re-evaluated on the reply), NACLs when a subnet
 * boundary is crossed (stateless: both legs, the reply to the client's ephemeral ports), route tables on
 * both sides, peering (active, not transitive) and the internet gateway (1:1 NAT; needs a public
 * address and a route back). Paths through elements not modelled yet give `unknown`, never `blocked`.
 */
export function evaluateFlow(topo: AwsTopology, q: FlowQuery): Verdict {
  const uncertain: string[] = [];
  const w: Walk = {
    topo,
    fwd: new Leg('forward', uncertain),
    ret: new Leg('return', uncertain),
    notModelled: [],
  };
  if (q.source.kind === 'internet') fromInternet(w, q.source.address, q.destination, q.connections);
  else if (q.source.kind === 'vpn')
    fromVpnGateway(w, q.source.gatewayId, q.source.address, q.destination, q.connections);
  else fromEndpoint(w, q.source.endpoint, q.destination, q.connections);
  return verdict(w);
}

function fromEndpoint(w: Walk, src: Endpoint, dst: IpAddress, conns: ConnectionSet): undefined {
  const { topo, fwd } = w;
  const srcSubnet = topo.subnet(src.subnetId);
  if (!srcSubnet) {
    w.notModelled.push(`${src.id} has no subnet in the inputs`);
    return;
  }
  // The Route 53 Resolver (VPC base + 2), IMDS and the time service answer every instance; security
  // groups and NACLs cannot filter them (cloud-semantics §1.1-12).
  if (isAmazonService(topo, src.networkId, dst)) {
    fwd.add({
      kind: 'delivered',
      decidedBy: 'endpoint',
      resource: formatIp(dst.family, dst.value),
      action: 'allowed',
      note: 'Amazon-provided service, not filtered',
    });
    return;
  }
  const out = fwd.narrow(
    securityGroupVerdict(topo, src, 'egress', dst),
    'security-group',
    groupsOf(src),
    conns,
  );
  if (!out) return;
  const table = topo.routeTableOf(srcSubnet);
  if (!table) {
    w.notModelled.push(`no route table for ${srcSubnet.id} in the inputs`);
    return;
  }
  const r = lookupRoute(topo, table, dst);
  fwd.uncertain.push(...r.uncertain);
  const via = r.route ? `${r.matched} -> ${r.route.target.id ?? r.route.target.kind}` : undefined;
  if (!r.route)
    return fwd.block({ kind: 'route', decidedBy: 'route', resource: table.id, action: 'no-route' });
  if (r.route.state === 'blackhole')
    return fwd.block({
      kind: 'route',
      decidedBy: 'route',
      resource: table.id,
      action: 'blackhole',
      ...(via ? { rule: via } : {}),
    });
  fwd.add({
    kind: 'route',
    decidedBy: 'route',
    resource: table.id,
    action: 'forwarded',
    ...(via ? { rule: via } : {}),
  });
  const target = r.route.target;
  if (target.kind === 'local') return intoNetwork(w, src, srcSubnet, src.networkId!, dst, out, undefined);
  if (target.kind === 'peering') {
    const pcx = target.id ? topo.estate.get('peering', target.id) : undefined;
    if (!pcx?.active)
      return fwd.block({
        kind: 'peering',
        decidedBy: 'peering',
        resource: target.id ?? table.id,
        action: 'denied',
        note: 'peering not active',
      });
    const other =
      pcx.requester.networkId === src.networkId ? pcx.accepter.networkId : pcx.requester.networkId;
    // Not transitive, no edge-to-edge: only addresses inside the peer VPC (cloud-semantics §1.4-3/4).
    if (!topo.inNetwork(other, dst))
      return fwd.block({
        kind: 'peering',
        decidedBy: 'peering',
        resource: pcx.id,
        action: 'denied',
        note: 'destination is not in the peer VPC (peering is not transitive)',
      });
    return intoNetwork(w, src, srcSubnet, other, dst, out, pcx.id);
  }
  if (target.kind === 'internet-gateway') return toInternet(w, src, srcSubnet, target.id ?? '', dst, out);
  if (target.kind === 'nat-gateway') return viaNatGateway(w, src, srcSubnet, target.id ?? '', dst, out);
  if (target.kind === 'transit-gateway')
    return viaTransitGateway(w, src, srcSubnet, target.id ?? '', dst, out);
  if (target.kind === 'gateway-endpoint')
    return viaGatewayEndpoint(w, src, srcSubnet, target.id ?? '', dst, out);
  if (target.kind === 'vpn-gateway') return viaVpnGateway(w, target.id ?? '', dst);
  w.notModelled.push(`route target ${target.kind} ${target.id ?? ''} is not modelled yet`);
}

/** Delivery to an interface of `network` (the source's own VPC, or the peer VPC of `viaPeering`). */
function intoNetwork(
  w: Walk,
  src: Endpoint,
  srcSubnet: Subnet,
  network: string,
  dst: IpAddress,
  conns: ConnectionSet,
  viaPeering: string | undefined,
): undefined {
  const { topo, fwd } = w;
  const _dstText = formatIp(dst.family, dst.value);
  const landed = landing(w, network, dst);
  if (!landed) return;
  const { subnet: dstSubnet, eni: dstEni } = landed;
  const srcIp = src.primaryPrivateIp ? parseIp(src.primaryPrivateIp) : undefined;
  if (!srcIp) {
    w.notModelled.push(`${src.id} has no private IPv4 address in the inputs`);
    return;
  }
  // NACLs apply where traffic leaves or enters a subnet, not within one (cloud-semantics §1.2-5).
  const crossing = srcSubnet.id !== dstSubnet.id;
  const srcAcl = crossing ? topo.naclOf(srcSubnet) : undefined;
  const dstAcl = crossing ? topo.naclOf(dstSubnet) : undefined;
  let c: ConnectionSet | undefined = conns;
  if (srcAcl) c = fwd.narrow(naclVerdict(topo, srcAcl, 'egress', dst), 'network-acl', srcAcl.id, c);
  if (!c) return;
  if (viaPeering)
    fwd.add({ kind: 'peering', decidedBy: 'peering', resource: viaPeering, action: 'forwarded' });
  if (dstAcl) c = fwd.narrow(naclVerdict(topo, dstAcl, 'ingress', srcIp), 'network-acl', dstAcl.id, c);
  if (!c) return;
  c = fwd.narrow(securityGroupVerdict(topo, dstEni, 'ingress', srcIp), 'security-group', groupsOf(dstEni), c);
  if (!c) return;
  fwd.add({ kind: 'delivered', decidedBy: 'endpoint', resource: dstEni.id, action: 'allowed' });
  // The reply is walked on its own: it may come back by another way (cloud-semantics §1.4-5, §1.5-9).
  return walkReply(
    w,
    { endpoint: dstEni, subnet: dstSubnet, ip: dst },
    { endpoint: src, subnet: srcSubnet, ip: srcIp },
    replyOf(c, ephemeralPorts(src.osHint)),
  );
}
