import {
  ConnectionSet,
  IcmpSet,
  PortSet,
  PROTO_ICMP,
  PROTO_ICMPV6,
  PROTO_TCP,
  PROTO_UDP,
  type ProtocolSpec,
  parseProtocol,
} from '../../../model/index.js';

/**
 * AWS rule traffic, shared by the AWS CLI and Terraform importers (cloud-semantics §1.1-4, §1.2-6/7).
 * Security groups: `IpProtocol` tcp|udp|icmp|icmpv6|-1|<number>; for icmp/icmpv6 FromPort is the type
 * and ToPort the code, -1 meaning any. NACLs: numeric protocol, `PortRange`, `IcmpTypeCode`.
 * For any other protocol, ports do not apply.
 */
export type Result = ConnectionSet | { readonly error: string };

export function awsProtocol(value: unknown): ProtocolSpec | undefined {
  if (typeof value === 'number' || typeof value === 'string') return parseProtocol(value);
  return undefined;
}

function portRange(from: number | undefined, to: number | undefined): PortSet | string {
  // Absent or -1 on either end means every port (SG rules for tcp with -1, Terraform 0-0 with "-1").
  if (from === undefined || to === undefined || from === -1 || to === -1) return PortSet.all();
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > 65535)
    return `port range ${from}-${to} is outside 0-65535`;
  if (from > to) return `port range ${from}-${to} is reversed`;
  return PortSet.range(from, to);
}

function icmpTypes(type: number | undefined, code: number | undefined): IcmpSet | string {
  const t = type ?? -1;
  const c = code ?? -1;
  if (!Number.isInteger(t) || t < -1 || t > 255) return `ICMP type ${t} is outside 0-255`;
  if (!Number.isInteger(c) || c < -1 || c > 255) return `ICMP code ${c} is outside 0-255`;
  if (t === -1) return IcmpSet.all();
  return IcmpSet.of(t, c === -1 ? undefined : c);
}

/**
 * Rules repeat the same few protocol/port pairs thousands of times; the sets are immutable, so equal
 * rules share one. Bounded so that hostile input cannot grow it without limit.
 */
const cache = new Map<string, Result>();
const CACHE_MAX = 4096;

/** Traffic of one rule given its protocol and the two numbers AWS overloads (ports or type/code). */
export function awsConnections(
  protocol: ProtocolSpec,
  from: number | undefined,
  to: number | undefined,
): Result {
  const key = `${protocol}|${from}|${to}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = computeConnections(protocol, from, to);
  if (cache.size < CACHE_MAX) cache.set(key, result);
  return result;
}

function computeConnections(
  protocol: ProtocolSpec,
  from: number | undefined,
  to: number | undefined,
): Result {
  if (protocol === 'all') return ConnectionSet.all();
  if (protocol === PROTO_TCP || protocol === PROTO_UDP) {
    const ports = portRange(from, to);
    if (typeof ports === 'string') return { error: ports };
    return protocol === PROTO_TCP ? ConnectionSet.tcp(ports) : ConnectionSet.udp(ports);
  }
  if (protocol === PROTO_ICMP || protocol === PROTO_ICMPV6) {
    const types = icmpTypes(from, to);
    if (typeof types === 'string') return { error: types };
    return protocol === PROTO_ICMP ? ConnectionSet.icmp(types) : ConnectionSet.icmpv6(types);
  }
  return ConnectionSet.protocol(protocol);
}
