/**
 * An independent single-packet simulator for small AWS estates (issue #3 item 4). Deliberately naive:
 * it walks one packet at a time with plain loops and bigint masks, shares no code with src/engine, and
 * only knows same-VPC delivery, VPC peering, security groups, NACLs and the internet gateway (1:1 NAT
 * of a public address; cloud-semantics §1.4). The property tests compare the engine's verdicts with it.
 */
import type { Endpoint, Estate, Filter, FilterRule, RouteTable, Subnet } from '../../src/model/index.js';

export interface Packet {
  readonly src: bigint;
  readonly dst: bigint;
  readonly sport: number;
  readonly dport: number;
}

function v4(text: string): bigint {
  return text.split('.').reduce((a, o) => a * 256n + BigInt(o), 0n);
}

function inCidr(ip: bigint, cidr: string): boolean {
  const [base, len] = cidr.split('/');
  if (!base || base.includes(':')) return false;
  const bits = BigInt(32 - Number(len));
  return ip >> bits === v4(base) >> bits;
}

function memberIps(estate: Estate, groupId: string): bigint[] {
  return estate
    .all('endpoint')
    .filter((e) => e.filterIds.includes(groupId))
    .flatMap((e) => e.privateIps.map(v4));
}

function activePeering(estate: Estate, a: string, b: string): boolean {
  return estate
    .all('peering')
    .some(
      (p) =>
        p.active &&
        ((p.requester.networkId === a && p.accepter.networkId === b) ||
          (p.requester.networkId === b && p.accepter.networkId === a)),
    );
}

function peerMatches(estate: Estate, f: Filter, r: FilterRule, ip: bigint): boolean {
  if (r.peer.kind === 'cidr') return inCidr(ip, r.peer.cidr);
  if (r.peer.kind === 'group') {
    const g = estate.get('filter', r.peer.groupId);
    if (!g || (g.networkId !== f.networkId && !activePeering(estate, f.networkId ?? '', g.networkId ?? '')))
      return false;
    return memberIps(estate, r.peer.groupId).includes(ip);
  }
  return false;
}

function tcpAllows(r: FilterRule, port: number): boolean {
  return r.connections.allowsPacket({ protocol: 6, port });
}

function sgAllows(estate: Estate, eni: Endpoint, egress: boolean, p: Packet): boolean {
  const peer = egress ? p.dst : p.src;
  for (const id of eni.filterIds) {
    const f = estate.get('filter', id);
    for (const r of f?.rules ?? [])
      if (
        r.direction === (egress ? 'egress' : 'ingress') &&
        tcpAllows(r, p.dport) &&
        peerMatches(estate, f!, r, peer)
      )
        return true;
  }
  return false;
}

function naclOf(estate: Estate, s: Subnet): Filter | undefined {
  const acls = estate.all('filter').filter((f) => f.filterKind === 'aws-network-acl');
  return (
    acls.find((f) => f.subnetIds.includes(s.id)) ??
    acls.find((f) => f.isDefault && f.networkId === s.networkId)
  );
}

function naclAllows(estate: Estate, s: Subnet, egress: boolean, p: Packet): boolean {
  const acl = naclOf(estate, s);
  if (!acl) return true;
  const peer = egress ? p.dst : p.src;
  const rules = acl.rules
    .filter((r) => r.direction === (egress ? 'egress' : 'ingress'))
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  for (const r of rules)
    if (tcpAllows(r, p.dport) && peerMatches(estate, acl, r, peer)) return r.action === 'allow';
  return false;
}

function tableOf(estate: Estate, s: Subnet): RouteTable | undefined {
  const tables = estate.all('route-table');
  return (
    tables.find((t) => t.associations.subnetIds.includes(s.id)) ??
    tables.find((t) => t.associations.main && t.networkId === s.networkId)
  );
}

/** Longest prefix wins; returns the route's target kind and id, or undefined. */
function route(
  estate: Estate,
  s: Subnet,
  dst: bigint,
): { kind: string; id?: string; blackhole: boolean } | undefined {
  let best: { len: number; kind: string; id?: string; blackhole: boolean } | undefined;
  for (const r of tableOf(estate, s)?.routes ?? []) {
    if (r.destination.kind !== 'cidr' || !inCidr(dst, r.destination.cidr)) continue;
    const len = Number(r.destination.cidr.split('/')[1]);
    if (!best || len > best.len)
      best = {
        len,
        kind: r.target.kind,
        ...(r.target.id ? { id: r.target.id } : {}),
        blackhole: r.state === 'blackhole',
      };
  }
  return best;
}

function subnetOf(estate: Estate, eni: Endpoint): Subnet {
  return estate.get('subnet', eni.subnetId!)!;
}

/** Can the packet go from `a` to `b` (one direction: filters out of a, routing, filters into b)? */
function oneWay(estate: Estate, a: Endpoint, b: Endpoint, p: Packet, checkGroups: boolean): boolean {
  const sa = subnetOf(estate, a);
  const sb = subnetOf(estate, b);
  if (checkGroups && !sgAllows(estate, a, true, p)) return false;
  const r = route(estate, sa, p.dst);
  if (!r || r.blackhole) return false;
  if (r.kind === 'local') {
    if (a.networkId !== b.networkId) return false;
  } else if (r.kind === 'transit-gateway') {
    return viaTransit(estate, a, b, sa, sb, p, checkGroups);
  } else if (r.kind === 'peering') {
    const pcx = estate.get('peering', r.id ?? '');
    const other =
      pcx?.requester.networkId === a.networkId ? pcx?.accepter.networkId : pcx?.requester.networkId;
    if (!pcx?.active || other !== b.networkId) return false;
  } else return false;
  if (sa.id !== sb.id && (!naclAllows(estate, sa, true, p) || !naclAllows(estate, sb, false, p)))
    return false;
  return !checkGroups || sgAllows(estate, b, false, p);
}

function attachmentOf(estate: Estate, networkId: string | undefined) {
  return estate
    .all('transit-attachment')
    .find((t) => t.networkId === networkId && t.resourceKind === 'vpc' && t.state === 'available');
}

/** Longest prefix in the table associated with `from`; the attachment it leads to, or undefined. */
function tgwLookup(estate: Estate, fromAttachment: string, dst: bigint): string | undefined {
  const table = estate.all('transit-route-table').find((t) => t.associations.includes(fromAttachment));
  let best: { len: number; target?: string; blackhole: boolean; static: boolean } | undefined;
  for (const r of table?.routes ?? []) {
    if (r.destination.kind !== 'cidr' || !inCidr(dst, r.destination.cidr)) continue;
    const len = Number(r.destination.cidr.split('/')[1]);
    // Longest prefix; on equal prefixes a static route hides a propagated one (§1.5-4).
    if (!best || len > best.len || (len === best.len && r.type === 'static' && !best.static))
      best = {
        static: r.type === 'static',
        len,
        blackhole: r.state === 'blackhole',
        ...(r.attachmentIds[0] ? { target: r.attachmentIds[0] } : {}),
      };
  }
  return best && !best.blackhole ? best.target : undefined;
}

/**
 * Through the transit gateway (cloud-semantics §1.5, NACLs per §1.2-10): out of a's subnet to its VPC's
 * attachment ENI, lookup in the table associated with that attachment, into b's VPC through its
 * attachment subnet. Same subnet as the attachment ENI: on the way in to the TGW that subnet's outbound
 * and inbound rules apply, on the way out of the TGW none do.
 */
function viaTransit(
  estate: Estate,
  a: Endpoint,
  b: Endpoint,
  sa: Subnet,
  sb: Subnet,
  p: Packet,
  checkGroups: boolean,
): boolean {
  const from = attachmentOf(estate, a.networkId);
  const to = attachmentOf(estate, b.networkId);
  if (!from || !to || from.id === to.id) return false;
  const ta = estate.get('subnet', from.subnetIds[0] ?? '');
  const tb = estate.get('subnet', to.subnetIds[0] ?? '');
  if (!ta || !tb) return false;
  if (!naclAllows(estate, sa, true, p)) return false;
  if (!naclAllows(estate, ta, false, p)) return false;
  if (tgwLookup(estate, from.id, p.dst) !== to.id) return false;
  // The attachment subnet's table routes the packet on; in these estates that is the VPC's local route.
  const onward = route(estate, tb, p.dst);
  if (!onward || onward.blackhole || onward.kind !== 'local') return false;
  if (tb.id !== sb.id && (!naclAllows(estate, tb, true, p) || !naclAllows(estate, sb, false, p)))
    return false;
  return !checkGroups || sgAllows(estate, b, false, p);
}

/**
 * NACL decisions are constant between rule boundaries, so trying every boundary that falls inside the
 * client range (and its ends) tries every decision the range can get.
 */
function clientPorts(estate: Estate): number[] {
  const ports = new Set([32768, 60999]);
  for (const f of estate.all('filter'))
    if (f.filterKind === 'aws-network-acl')
      for (const r of f.rules)
        for (const iv of r.connections.tcpPorts().intervals())
          for (const x of [iv.lo - 1, iv.lo, iv.hi, iv.hi + 1]) if (x >= 32768 && x <= 60999) ports.add(x);
  return [...ports];
}

export type Outcome = 'allowed' | 'blocked-forward' | 'blocked-return';

/** A TCP connection from a (Linux client ports 32768-60999) to b's first private address. */
export function simulate(estate: Estate, a: Endpoint, b: Endpoint, dport: number): Outcome {
  const src = v4(a.privateIps[0]!);
  const dst = v4(b.privateIps[0]!);
  if (!oneWay(estate, a, b, { src, dst, sport: 40000, dport }, true)) return 'blocked-forward';
  // The reply, for every client port: groups are stateful, NACLs and routes are not.
  for (const sport of clientPorts(estate))
    if (!oneWay(estate, b, a, { src: dst, dst: src, sport: dport, dport: sport }, false))
      return 'blocked-return';
  return 'allowed';
}

function igwAttached(estate: Estate, networkId: string, igwId: string | undefined): boolean {
  return estate
    .all('gateway')
    .some(
      (g) =>
        g.gatewayKind === 'internet' &&
        g.id === igwId &&
        g.attachments.some(
          (a) => a.networkId === networkId && (a.state === 'available' || a.state === 'attached'),
        ),
    );
}

/** The subnet's route to `ip` leads to an internet gateway attached to its VPC. */
function routesToInternet(estate: Estate, s: Subnet, ip: bigint): boolean {
  const r = route(estate, s, ip);
  return !!r && !r.blackhole && r.kind === 'internet-gateway' && igwAttached(estate, s.networkId, r.id);
}

const LINUX_CLIENT = [32768, 60999];

/** Every port where a NACL decision could change inside the client range, plus its ends. */
function clientPortsOf(estate: Estate): number[] {
  return clientPorts(estate).filter((p) => p >= LINUX_CLIENT[0]! && p <= LINUX_CLIENT[1]!);
}

/**
 * A TCP connection from an internet host to `b`'s public address: the IGW maps it 1:1 to the private
 * address; in through the subnet NACL and the groups; the reply must route back to the IGW and pass
 * the NACL out to every client port. Only allowed vs not allowed is compared for these.
 */
export function simulateFromInternet(estate: Estate, client: string, b: Endpoint, dport: number): boolean {
  if (b.publicIps.length === 0) return false;
  const sb = subnetOf(estate, b);
  const c = v4(client);
  const priv = v4(b.privateIps[0]!);
  const p = { src: c, dst: priv, sport: 40000, dport };
  if (!naclAllows(estate, sb, false, p) || !sgAllows(estate, b, false, p)) return false;
  if (!routesToInternet(estate, sb, c)) return false;
  return clientPortsOf(estate).every((sport) =>
    naclAllows(estate, sb, true, { src: priv, dst: c, sport: dport, dport: sport }),
  );
}

/** Every NACL decision point inside lo-hi, plus its ends. */
function portsIn(estate: Estate, lo: number, hi: number): number[] {
  const ports = new Set([lo, hi]);
  for (const f of estate.all('filter'))
    if (f.filterKind === 'aws-network-acl')
      for (const r of f.rules)
        for (const iv of r.connections.tcpPorts().intervals())
          for (const x of [iv.lo - 1, iv.lo, iv.hi, iv.hi + 1]) if (x >= lo && x <= hi) ports.add(x);
  return [...ports];
}

/**
 * Out through a public NAT gateway (cloud-semantics §1.5): a -> NAT (NACLs only if the subnets differ),
 * NAT -> internet through its own subnet's table and NACL, the reply to the NAT's ports 1024-65535,
 * then back to a's client ports.
 */
function viaNat(
  estate: Estate,
  a: Endpoint,
  sa: Subnet,
  natId: string | undefined,
  srv: bigint,
  dport: number,
): boolean {
  const nat = estate.get('gateway', natId ?? '');
  const addr = nat?.addresses[0];
  if (nat?.gatewayKind !== 'nat' || nat.networkId !== a.networkId || !addr?.privateIp || !addr.publicIp)
    return false;
  const sn = estate.get('subnet', nat.subnetId ?? '')!;
  const priv = v4(a.privateIps[0]!);
  const natIp = v4(addr.privateIp);
  const p = { src: priv, dst: srv, sport: 40000, dport };
  if (sa.id !== sn.id && (!naclAllows(estate, sa, true, p) || !naclAllows(estate, sn, false, p)))
    return false;
  if (!routesToInternet(estate, sn, srv) || !naclAllows(estate, sn, true, { ...p, src: natIp })) return false;
  const natPortsOk = portsIn(estate, 1024, 65535).every((np) =>
    naclAllows(estate, sn, false, { src: srv, dst: natIp, sport: dport, dport: np }),
  );
  if (!natPortsOk) return false;
  if (sa.id === sn.id) return true;
  return clientPortsOf(estate).every((cp) => {
    const back = { src: srv, dst: priv, sport: dport, dport: cp };
    return naclAllows(estate, sn, true, back) && naclAllows(estate, sa, false, back);
  });
}

/** A TCP connection from `a` to an internet host: out through the IGW with a's public address or a NAT gateway, and back. */
export function simulateToInternet(estate: Estate, a: Endpoint, server: string, dport: number): boolean {
  const sa = subnetOf(estate, a);
  const srv = v4(server);
  const priv = v4(a.privateIps[0]!);
  const p = { src: priv, dst: srv, sport: 40000, dport };
  if (!sgAllows(estate, a, true, p)) return false;
  const r = route(estate, sa, srv);
  if (r && !r.blackhole && r.kind === 'nat-gateway') return viaNat(estate, a, sa, r.id, srv, dport);
  if (a.publicIps.length === 0) return false;
  if (!routesToInternet(estate, sa, srv) || !naclAllows(estate, sa, true, p)) return false;
  return clientPortsOf(estate).every((dp) =>
    naclAllows(estate, sa, false, { src: srv, dst: priv, sport: dport, dport: dp }),
  );
}
