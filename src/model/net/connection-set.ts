/**
 * What traffic is allowed, independent of addresses: per-protocol port / ICMP sets.
 *
 * Canonical by construction: tcp and udp are always PortSets, icmp and icmpv6 always IcmpSets,
 * and every other protocol number is either wholly allowed or not (an interval list over 0..255
 * that never contains 1, 6, 17 or 58). "All of tcp" is therefore only ever `tcp = PortSet.all()`,
 * so structural equality is set equality.
 */

import { NetParseError } from './errors.js';
import { IcmpSet } from './icmp-set.js';
import type { Interval, IntervalList } from './intervals.js';
import { complement, contains, containsAll, equals, intersect, subtract, union } from './intervals.js';
import { PortSet } from './port-set.js';
import type { ProtocolSpec } from './protocol.js';
import { PROTO_ICMP, PROTO_ICMPV6, PROTO_MAX, PROTO_TCP, PROTO_UDP } from './protocol.js';
import { formatNumberList, parseNumberRange, splitList } from './range-text.js';

const NAMED: IntervalList<number> = [PROTO_ICMP, PROTO_TCP, PROTO_UDP, PROTO_ICMPV6].map((p) => ({
  lo: p,
  hi: p,
}));
/** Protocol numbers that are all-or-nothing (no ports or types modelled): 0-255 minus 1, 6, 17, 58. */
export const OTHER_PROTOCOLS: IntervalList<number> = complement(NAMED, 0, PROTO_MAX);

export interface ConnectionRule {
  readonly protocol: ProtocolSpec;
  /** Only used for tcp/udp; absent means all ports. */
  readonly ports?: PortSet | undefined;
  /** Only used for icmp/icmpv6; absent means all types and codes. */
  readonly icmp?: IcmpSet | undefined;
}

/**
 * A packet to test. Omitted fields mean "unspecified": the answer is true when some value of that
 * field is allowed (e.g. `{ protocol: 6 }` asks whether any TCP port is open).
 */
export interface PacketQuery {
  readonly protocol: number;
  readonly port?: number | undefined;
  readonly icmpType?: number | undefined;
  readonly icmpCode?: number | undefined;
}

function icmpAllows(set: IcmpSet, type: number | undefined, code: number | undefined): boolean {
  if (type === undefined) return !set.isEmpty();
  if (code === undefined) return set.containsAnyCodeOf(type);
  return set.contains(type, code);
}

export class ConnectionSet {
  private readonly tcpSet: PortSet;
  private readonly udpSet: PortSet;
  private readonly icmpSet: IcmpSet;
  private readonly icmpv6Set: IcmpSet;
  private readonly otherSet: IntervalList<number>;

  static readonly #EMPTY = new ConnectionSet(
    PortSet.empty(),
    PortSet.empty(),
    IcmpSet.empty(),
    IcmpSet.empty(),
    [],
  );
  static readonly #ALL = new ConnectionSet(
    PortSet.all(),
    PortSet.all(),
    IcmpSet.all(),
    IcmpSet.all(),
    OTHER_PROTOCOLS,
  );

  private constructor(
    tcp: PortSet,
    udp: PortSet,
    icmp: IcmpSet,
    icmpv6: IcmpSet,
    other: IntervalList<number>,
  ) {
    this.tcpSet = tcp;
    this.udpSet = udp;
    this.icmpSet = icmp;
    this.icmpv6Set = icmpv6;
    this.otherSet = other;
  }

  static empty(): ConnectionSet {
    return ConnectionSet.#EMPTY;
  }

  static all(): ConnectionSet {
    return ConnectionSet.#ALL;
  }

  static tcp(ports: PortSet): ConnectionSet {
    return new ConnectionSet(ports, PortSet.empty(), IcmpSet.empty(), IcmpSet.empty(), []);
  }

  static udp(ports: PortSet): ConnectionSet {
    return new ConnectionSet(PortSet.empty(), ports, IcmpSet.empty(), IcmpSet.empty(), []);
  }

  static icmp(types: IcmpSet): ConnectionSet {
    return new ConnectionSet(PortSet.empty(), PortSet.empty(), types, IcmpSet.empty(), []);
  }

  static icmpv6(types: IcmpSet): ConnectionSet {
    return new ConnectionSet(PortSet.empty(), PortSet.empty(), IcmpSet.empty(), types, []);
  }

  /** The whole of protocol `n` (all ports / types for tcp, udp, icmp, icmpv6). */
  static protocol(n: number): ConnectionSet {
    return ConnectionSet.#protocolRange({ lo: n, hi: n });
  }

  /** Every protocol in [lo, hi], wholly; the named ones get their full port / type sets. */
  static #protocolRange(range: Interval<number>): ConnectionSet {
    if (!Number.isInteger(range.lo) || !Number.isInteger(range.hi) || range.lo < 0 || range.hi > PROTO_MAX) {
      throw new RangeError(`protocol range ${range.lo}-${range.hi} is not within 0-${PROTO_MAX}`);
    }
    const has = (p: number): boolean => range.lo <= p && p <= range.hi;
    return new ConnectionSet(
      has(PROTO_TCP) ? PortSet.all() : PortSet.empty(),
      has(PROTO_UDP) ? PortSet.all() : PortSet.empty(),
      has(PROTO_ICMP) ? IcmpSet.all() : IcmpSet.empty(),
      has(PROTO_ICMPV6) ? IcmpSet.all() : IcmpSet.empty(),
      intersect(OTHER_PROTOCOLS, [range]),
    );
  }

  /** One firewall rule's traffic: ports apply to tcp/udp only, icmp to icmp/icmpv6 only (as in AWS). */
  static fromRule(rule: ConnectionRule): ConnectionSet {
    if (rule.protocol === 'all') return ConnectionSet.#ALL;
    switch (rule.protocol) {
      case PROTO_TCP:
        return ConnectionSet.tcp(rule.ports ?? PortSet.all());
      case PROTO_UDP:
        return ConnectionSet.udp(rule.ports ?? PortSet.all());
      case PROTO_ICMP:
        return ConnectionSet.icmp(rule.icmp ?? IcmpSet.all());
      case PROTO_ICMPV6:
        return ConnectionSet.icmpv6(rule.icmp ?? IcmpSet.all());
      default:
        return ConnectionSet.protocol(rule.protocol);
    }
  }

  /**
   * Parses `toString()` output. Also tolerant of reordered or repeated parts, and of named
   * protocols inside `proto` (e.g. `proto 0-255` is `all`).
   */
  static tryParse(text: string): ConnectionSet | string {
    const trimmed = text.trim();
    if (trimmed === 'all') return ConnectionSet.#ALL;
    if (trimmed === 'none') return ConnectionSet.#EMPTY;
    let result = ConnectionSet.#EMPTY;
    for (const rawPart of trimmed.split(';')) {
      const part = rawPart.trim();
      const space = part.indexOf(' ');
      const keyword = space < 0 ? part : part.slice(0, space);
      const body = space < 0 ? '' : part.slice(space + 1);
      const parsed = ConnectionSet.#parsePart(keyword, body);
      if (typeof parsed === 'string') return `invalid connection set ${JSON.stringify(text)}: ${parsed}`;
      result = result.union(parsed);
    }
    return result;
  }

  static parse(text: string): ConnectionSet {
    const result = ConnectionSet.tryParse(text);
    if (typeof result === 'string') throw new NetParseError(result, text);
    return result;
  }

  static #parsePart(keyword: string, body: string): ConnectionSet | string {
    switch (keyword) {
      case 'tcp':
      case 'udp': {
        const ports = PortSet.tryParse(body);
        if (typeof ports === 'string') return ports;
        return keyword === 'tcp' ? ConnectionSet.tcp(ports) : ConnectionSet.udp(ports);
      }
      case 'icmp':
      case 'icmpv6': {
        const types = IcmpSet.tryParse(body);
        if (typeof types === 'string') return types;
        return keyword === 'icmp' ? ConnectionSet.icmp(types) : ConnectionSet.icmpv6(types);
      }
      case 'proto': {
        let result = ConnectionSet.#EMPTY;
        for (const item of splitList(body)) {
          const range = parseNumberRange(item, PROTO_MAX);
          if (range === undefined) return `invalid protocol number or range ${JSON.stringify(item)}`;
          result = result.union(ConnectionSet.#protocolRange(range));
        }
        return result;
      }
      default:
        return `unknown part ${JSON.stringify(keyword)}`;
    }
  }

  union(other: ConnectionSet): ConnectionSet {
    return new ConnectionSet(
      this.tcpSet.union(other.tcpSet),
      this.udpSet.union(other.udpSet),
      this.icmpSet.union(other.icmpSet),
      this.icmpv6Set.union(other.icmpv6Set),
      union(this.otherSet, other.otherSet),
    );
  }

  intersect(other: ConnectionSet): ConnectionSet {
    return new ConnectionSet(
      this.tcpSet.intersect(other.tcpSet),
      this.udpSet.intersect(other.udpSet),
      this.icmpSet.intersect(other.icmpSet),
      this.icmpv6Set.intersect(other.icmpv6Set),
      intersect(this.otherSet, other.otherSet),
    );
  }

  subtract(other: ConnectionSet): ConnectionSet {
    return new ConnectionSet(
      this.tcpSet.subtract(other.tcpSet),
      this.udpSet.subtract(other.udpSet),
      this.icmpSet.subtract(other.icmpSet),
      this.icmpv6Set.subtract(other.icmpv6Set),
      subtract(this.otherSet, other.otherSet),
    );
  }

  complement(): ConnectionSet {
    return ConnectionSet.#ALL.subtract(this);
  }

  equals(other: ConnectionSet): boolean {
    return (
      this.tcpSet.equals(other.tcpSet) &&
      this.udpSet.equals(other.udpSet) &&
      this.icmpSet.equals(other.icmpSet) &&
      this.icmpv6Set.equals(other.icmpv6Set) &&
      equals(this.otherSet, other.otherSet)
    );
  }

  isEmpty(): boolean {
    return (
      this.tcpSet.isEmpty() &&
      this.udpSet.isEmpty() &&
      this.icmpSet.isEmpty() &&
      this.icmpv6Set.isEmpty() &&
      this.otherSet.length === 0
    );
  }

  isAll(): boolean {
    return this.equals(ConnectionSet.#ALL);
  }

  containsSet(other: ConnectionSet): boolean {
    return (
      this.tcpSet.containsSet(other.tcpSet) &&
      this.udpSet.containsSet(other.udpSet) &&
      this.icmpSet.containsSet(other.icmpSet) &&
      this.icmpv6Set.containsSet(other.icmpv6Set) &&
      containsAll(this.otherSet, other.otherSet)
    );
  }

  tcpPorts(): PortSet {
    return this.tcpSet;
  }

  udpPorts(): PortSet {
    return this.udpSet;
  }

  icmpTypes(): IcmpSet {
    return this.icmpSet;
  }

  icmpv6Types(): IcmpSet {
    return this.icmpv6Set;
  }

  /** Wholly allowed protocol numbers other than 1, 6, 17 and 58. */
  otherProtocols(): IntervalList<number> {
    return this.otherSet;
  }

  allowsPacket(packet: PacketQuery): boolean {
    switch (packet.protocol) {
      case PROTO_TCP:
      case PROTO_UDP: {
        const ports = packet.protocol === PROTO_TCP ? this.tcpSet : this.udpSet;
        return packet.port === undefined ? !ports.isEmpty() : ports.contains(packet.port);
      }
      case PROTO_ICMP:
        return icmpAllows(this.icmpSet, packet.icmpType, packet.icmpCode);
      case PROTO_ICMPV6:
        return icmpAllows(this.icmpv6Set, packet.icmpType, packet.icmpCode);
      default:
        return contains(this.otherSet, packet.protocol);
    }
  }

  /**
   * Canonical text: `all`, `none`, or parts joined by `; ` in the order icmp, tcp, udp, icmpv6,
   * then one `proto` part listing the other wholly allowed protocol numbers,
   * e.g. `icmp 8/0; tcp 22, 443; udp 53; proto 47, 50`.
   */
  toString(): string {
    if (this.isEmpty()) return 'none';
    if (this.isAll()) return 'all';
    const parts: string[] = [];
    if (!this.icmpSet.isEmpty()) parts.push(`icmp ${this.icmpSet}`);
    if (!this.tcpSet.isEmpty()) parts.push(`tcp ${this.tcpSet}`);
    if (!this.udpSet.isEmpty()) parts.push(`udp ${this.udpSet}`);
    if (!this.icmpv6Set.isEmpty()) parts.push(`icmpv6 ${this.icmpv6Set}`);
    if (this.otherSet.length > 0) parts.push(`proto ${formatNumberList(this.otherSet)}`);
    return parts.join('; ');
  }

  toJSON(): string {
    return this.toString();
  }
}
