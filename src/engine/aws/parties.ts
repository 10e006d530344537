import {
  type AddressRef,
  type Endpoint,
  formatIp,
  type IpAddress,
  IpSet,
  type PeerRef,
  parseIp,
  type Subnet,
} from '../../model/index.js';
import type { AwsTopology } from './topology.js';

/** One end of a `reach` query (DESIGN §6). */
export type Party =
  | {
      readonly kind: 'endpoint';
      readonly endpoint: Endpoint;
      readonly address: IpAddress;
      readonly viaPublic: boolean;
    }
  | { readonly kind: 'internet'; readonly address: IpAddress | undefined }
  /** A customer-side host behind a VPN gateway: `vgw-…` (the first address its VPN routes name) or `vgw-…@address`. */
  | { readonly kind: 'vpn'; readonly gatewayId: string; readonly address: IpAddress };

export interface Unresolved {
  readonly error: string;
  readonly suggestions: readonly string[];
}

/** Ids that look like the one asked for: same prefix, or a small edit distance. */
function closeMatches(topo: AwsTopology, text: string): string[] {
  const ids = [
    ...topo.estate.all('instance').map((i) => i.id),
    ...topo.estate.all('endpoint').map((e) => e.id),
    ...topo.estate.all('endpoint').flatMap((e) => (e.ownerId?.startsWith('vpce-') ? [e.ownerId] : [])),
  ];
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = d[0]!;
      d[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = d[j]!;
        d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return d[b.length]!;
  };
  return ids
    .map((id) => ({ id, score: id.startsWith(text) || text.startsWith(id) ? 0 : distance(text, id) }))
    .filter((x) => x.score <= Math.max(3, Math.floor(text.length / 4)))
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
    .slice(0, 5)
    .map((x) => x.id);
}

function primaryAddress(e: Endpoint): IpAddress | undefined {
  const text = e.primaryPrivateIp ?? e.privateIps[0] ?? e.ipv6Ips[0];
  return text === undefined ? undefined : parseIp(text);
}

/**
 * Resolve `--from`/`--to` (DESIGN §6): an instance id means its primary ENI; an ENI id itself; an
 * interface endpoint id one of its ENIs; an IP
 * inside a VPC the ENI that owns it; a public IP of an ENI that ENI reached through its internet
 * gateway; any other IP an internet host at that address; `internet` every public address.
 */
export function resolveParty(topo: AwsTopology, text: string): Party | Unresolved {
  if (text === 'internet') return { kind: 'internet', address: undefined };
  if (text.startsWith('vgw-')) return vpnParty(topo, text);
  const ip = parseIp(text);
  if (ip) {
    const owner = topo.endpointsAt(formatIp(ip.family, ip.value))[0];
    if (owner) return { kind: 'endpoint', endpoint: owner, address: ip, viaPublic: false };
    const pub = topo.endpointsWithPublic(formatIp(ip.family, ip.value))[0];
    if (pub) return { kind: 'endpoint', endpoint: pub, address: ip, viaPublic: true };
    return { kind: 'internet', address: ip };
  }
  const instance = topo.estate.get('instance', text);
  // An interface endpoint (vpce-…) is reached at its network interfaces, one per zone; the first stands
  // for them all: they share the groups (cloud-semantics §1.6-2); NACLs may differ, so ask by ENI id.
  const eni =
    topo.endpoint(instance ? (instance.endpointIds[0] ?? '') : text) ??
    (text.startsWith('vpce-') ? topo.estate.all('endpoint').find((e) => e.ownerId === text) : undefined);
  const address = eni ? primaryAddress(eni) : undefined;
  if (eni && address) return { kind: 'endpoint', endpoint: eni, address, viaPublic: false };
  if (eni) return { error: `${text} has no address in the inputs`, suggestions: [] };
  return {
    error: `no instance, network interface, interface endpoint or address "${text}" in the inputs`,
    suggestions: closeMatches(topo, text),
  };
}

const PRIVATE = IpSet.fromCidrs([
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '224.0.0.0/3',
]);

/** Every IPv4 address the internet can hold: not private, shared, loopback, link-local or multicast. */
export const PUBLIC_V4: IpSet = IpSet.allV4().subtract(PRIVATE);

/**
 * The public IPv4 space in pieces, one address each, that the rules and routes of `e` could treat
 * differently: the space cut at every boundary of every CIDR they name. Testing each piece is exact,
 * so "some internet address gets in" is never missed by picking an unlucky sample. With
 * `wholeNetwork` the NACLs and route tables of every subnet of its network count too (a path out through
 * a NAT gateway crosses another subnet's).
 */
export function internetPieces(
  topo: AwsTopology,
  e: Endpoint,
  wholeNetwork = false,
): { address: IpAddress; set: IpSet }[] {
  const sets: IpSet[] = [];
  // Prefix lists of public ranges (an office, a partner) split the internet like CIDRs do.
  const add = (ref: PeerRef | AddressRef) => {
    const set = topo.addressesOf(ref);
    if (set) sets.push(set);
  };
  for (const id of e.filterIds) for (const r of topo.filter(id)?.rules ?? []) add(r.peer);
  for (const subnet of subnetsInScope(topo, e, wholeNetwork)) {
    for (const r of topo.naclOf(subnet)?.rules ?? []) add(r.peer);
    for (const r of topo.routeTableOf(subnet)?.routes ?? []) add(r.destination);
  }
  const cuts = new Set<bigint>([0n]);
  for (const set of sets) {
    for (const iv of set.v4Intervals()) {
      cuts.add(iv.lo);
      cuts.add(iv.hi + 1n);
    }
  }
  const publicSpace = PUBLIC_V4;
  const out: { address: IpAddress; set: IpSet }[] = [];
  const sorted = [...cuts].filter((x) => x <= 0xffffffffn).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    const lo = sorted[i]!;
    const hi = (sorted[i + 1] ?? 0x100000000n) - 1n;
    // The first public address of the piece, if it has one.
    const piece = IpSet.fromRange(4, lo, hi).intersect(publicSpace);
    const first = piece.v4Intervals()[0];
    if (first) out.push({ address: { family: 4, value: first.lo }, set: piece });
  }
  return out;
}

/** The subnet of `e`, or with `wholeNetwork` every subnet of its network. */
export function subnetsInScope(topo: AwsTopology, e: Endpoint, wholeNetwork: boolean): Subnet[] {
  if (wholeNetwork && e.networkId) return topo.subnetsIn(e.networkId);
  const own = topo.subnet(e.subnetId);
  return own ? [own] : [];
}

/** `vgw-…[@address]`: a host on the customer side of the VPN gateway. */
function vpnParty(topo: AwsTopology, text: string): Party | Unresolved {
  const [gatewayId = '', given] = text.split('@');
  const gw = topo.estate.get('gateway', gatewayId);
  if (gw?.gatewayKind !== 'vpn')
    return {
      error: `no VPN gateway "${gatewayId}" in the inputs`,
      suggestions: topo.estate
        .all('gateway')
        .filter((g) => g.gatewayKind === 'vpn')
        .map((g) => g.id),
    };
  const route = (gw.vpnConnections ?? []).flatMap((c) => c.routes)[0];
  const address = parseIp(given ?? route?.split('/')[0] ?? '');
  if (!address)
    return {
      error: given
        ? `"${given}" is not an address`
        : `${gatewayId} has no VPN route to take a customer-side address from; write ${gatewayId}@<address>`,
      suggestions: [],
    };
  return { kind: 'vpn', gatewayId, address };
}
