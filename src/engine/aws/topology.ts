import {
  type AddressRef,
  type Endpoint,
  type Estate,
  type Filter,
  type Gateway,
  type IpAddress,
  IpSet,
  type Peering,
  type PeerRef,
  type RouteTable,
  type Subnet,
} from '../../model/index.js';

/**
 * The AWS associations the model stores as data, resolved once per estate (cloud-semantics §1.2-4,
 * §1.3-1, §1.1-5): which route table and NACL a subnet uses, which addresses a security group's members
 * have, what a prefix list contains.
 */
function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export class AwsTopology {
  readonly estate: Estate;
  readonly #routeTableOfSubnet = new Map<string, RouteTable>();
  readonly #mainTable = new Map<string, RouteTable>();
  readonly #naclOfSubnet = new Map<string, Filter>();
  readonly #defaultNacl = new Map<string, Filter>();
  readonly #members = new Map<string, IpSet>();
  readonly #prefixLists = new Map<string, IpSet | undefined>();
  readonly #peerings = new Map<string, Peering[]>();
  readonly #byPrivateIp = new Map<string, Endpoint[]>();
  readonly #byPublicIp = new Map<string, Endpoint[]>();
  readonly #subnetsOf = new Map<string, { subnet: Subnet; set: IpSet }[]>();

  constructor(estate: Estate) {
    this.estate = estate;
    for (const t of estate.all('route-table')) {
      if (t.provider !== 'aws') continue;
      if (t.associations.main) this.#mainTable.set(t.networkId, t);
      for (const s of t.associations.subnetIds) this.#routeTableOfSubnet.set(s, t);
    }
    for (const f of estate.all('filter')) {
      if (f.filterKind !== 'aws-network-acl') continue;
      if (f.isDefault && f.networkId) this.#defaultNacl.set(f.networkId, f);
      for (const s of f.subnetIds) this.#naclOfSubnet.set(s, f);
    }
    const members = new Map<string, string[]>();
    for (const e of estate.all('endpoint'))
      for (const g of e.filterIds) {
        const list = members.get(g) ?? [];
        members.set(g, list);
        // Private addresses only: public IPs of members never match a reference (§1.1-5).
        list.push(...e.privateIps, ...e.ipv6Ips);
      }
    for (const [g, ips] of members) this.#members.set(g, IpSet.fromCidrs(ips));
    for (const e of estate.all('endpoint')) {
      for (const a of [...e.privateIps, ...e.ipv6Ips]) push(this.#byPrivateIp, a, e);
      for (const a of e.publicIps) push(this.#byPublicIp, a, e);
    }
    for (const s of estate.all('subnet'))
      push(this.#subnetsOf, s.networkId, { subnet: s, set: IpSet.fromCidrs(s.cidrs) });
    for (const p of estate.all('prefix-list'))
      this.#prefixLists.set(p.id, p.entriesKnown ? IpSet.fromCidrs(p.cidrs) : undefined);
    for (const p of estate.all('peering')) {
      for (const n of [p.requester.networkId, p.accepter.networkId]) {
        const list = this.#peerings.get(n) ?? [];
        list.push(p);
        this.#peerings.set(n, list);
      }
    }
  }

  /**
   * The addresses a CIDR or prefix-list reference names (undefined for other references, an invalid
   * CIDR, or a prefix list whose entries are not in the inputs).
   */
  addressesOf(ref: PeerRef | AddressRef): IpSet | undefined {
    if (ref.kind === 'prefix-list') return this.prefixList(ref.prefixListId);
    if (ref.kind !== 'cidr') return undefined;
    const set = IpSet.tryFromCidr(ref.cidr);
    return typeof set === 'string' ? undefined : set;
  }

  /** Every subnet of a network. */
  subnetsIn(networkId: string): Subnet[] {
    return (this.#subnetsOf.get(networkId) ?? []).map((x) => x.subnet);
  }

  subnet(id: string | undefined): Subnet | undefined {
    return id === undefined ? undefined : this.estate.get('subnet', id);
  }

  /** The subnet's explicit route table, else its VPC's main table (§1.3-1). */
  routeTableOf(subnet: Subnet): RouteTable | undefined {
    return this.#routeTableOfSubnet.get(subnet.id) ?? this.#mainTable.get(subnet.networkId);
  }

  /** The NACL that lists the subnet, else the VPC's default NACL (§1.2-4). */
  naclOf(subnet: Subnet): Filter | undefined {
    return this.#naclOfSubnet.get(subnet.id) ?? this.#defaultNacl.get(subnet.networkId);
  }

  /** Private IPv4 and IPv6 addresses of every interface carrying the group. */
  groupMembers(groupId: string): IpSet {
    return this.#members.get(groupId) ?? IpSet.empty();
  }

  /** Entries of a prefix list; undefined when the list or its entries were not imported. */
  prefixList(id: string): IpSet | undefined {
    return this.#prefixLists.get(id);
  }

  /** Active peerings between two networks (there is at most one in AWS; the list keeps it honest). */
  peeringsBetween(a: string, b: string): Peering[] {
    return (this.#peerings.get(a) ?? []).filter(
      (p) =>
        (p.requester.networkId === a && p.accepter.networkId === b) ||
        (p.requester.networkId === b && p.accepter.networkId === a),
    );
  }

  /** Interfaces owning a private address (several only with overlapping VPCs), optionally in one network. */
  endpointsAt(address: string, networkId?: string): Endpoint[] {
    const all = this.#byPrivateIp.get(address) ?? [];
    return networkId === undefined ? all : all.filter((e) => e.networkId === networkId);
  }

  /** Interfaces whose public address this is (reached through the internet gateway). */
  endpointsWithPublic(address: string): Endpoint[] {
    return this.#byPublicIp.get(address) ?? [];
  }

  /** The subnet of a network whose CIDRs hold the address. */
  subnetAt(networkId: string, address: IpAddress): Subnet | undefined {
    return this.#subnetsOf.get(networkId)?.find((x) => x.set.contains(address))?.subnet;
  }

  /** Whether the address is inside one of the network's CIDRs. */
  inNetwork(networkId: string, address: IpAddress): boolean {
    const n = this.estate.get('network', networkId);
    return n !== undefined && IpSet.fromCidrs(n.cidrs).contains(address);
  }

  /** The internet gateway attached (available) to a network. */
  internetGatewayOf(networkId: string): Gateway | undefined {
    return this.estate
      .all('gateway')
      .find(
        (g) =>
          g.gatewayKind === 'internet' &&
          g.attachments.some(
            (a) => a.networkId === networkId && (a.state === 'available' || a.state === 'attached'),
          ),
      );
  }

  endpoint(id: string): Endpoint | undefined {
    return this.estate.get('endpoint', id);
  }

  filter(id: string): Filter | undefined {
    return this.estate.get('filter', id);
  }
}
