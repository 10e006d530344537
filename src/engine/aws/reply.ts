import { ConnectionSet, IcmpSet, type OsHint, PortSet } from '../../model/index.js';

/**
 * The client's ephemeral source ports, which the reply is sent to (cloud-semantics §1.2-8, DESIGN §6):
 * Linux and unknown 32768-60999, Windows 49152-65535, NAT gateways and load balancers 1024-65535.
 */
export function ephemeralPorts(client: OsHint | 'nat-gateway' | 'load-balancer'): PortSet {
  if (client === 'windows') return PortSet.range(49152, 65535);
  if (client === 'nat-gateway' || client === 'load-balancer') return PortSet.range(1024, 65535);
  return PortSet.range(32768, 60999);
}

/**
 * What the reply to `forward` looks like to a stateless filter: TCP/UDP to the client's ephemeral ports,
 * an echo request answered by an echo reply (0/0), any other protocol as itself.
 */
export function replyOf(forward: ConnectionSet, ephemeral: PortSet): ConnectionSet {
  let out = forward
    .intersect(ConnectionSet.fromRule({ protocol: 'all' }))
    .subtract(
      ConnectionSet.tcp(PortSet.all())
        .union(ConnectionSet.udp(PortSet.all()))
        .union(ConnectionSet.icmp(IcmpSet.all())),
    );
  if (!forward.tcpPorts().isEmpty()) out = out.union(ConnectionSet.tcp(ephemeral));
  if (!forward.udpPorts().isEmpty()) out = out.union(ConnectionSet.udp(ephemeral));
  const icmp = forward.icmpTypes();
  if (!icmp.isEmpty()) out = out.union(ConnectionSet.icmp(icmp.contains(8, 0) ? IcmpSet.of(0, 0) : icmp));
  return out;
}
