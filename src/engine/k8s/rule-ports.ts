import { type PodPort, type PodProtocol, PortSet } from '../../model/index.js';
import type { Party } from './peers.js';
import { POD_PROTOCOLS, PodConns } from './pod-conns.js';

function protocolsOf(p: PodPort): readonly PodProtocol[] {
  return p.protocol === 'ANY' ? POD_PROTOCOLS : [p.protocol];
}

/**
 * What one port entry means toward a destination (k8s-mesh §1.5): a number or range, every port of
 * the protocol, or a named port looked up in the destination pod's container ports with the same
 * protocol. A name the destination does not declare, or any name toward an external address, means
 * nothing.
 */
function entryConns(p: PodPort, dst: Party): PodConns {
  let out = PodConns.none();
  for (const protocol of protocolsOf(p)) {
    if (p.name !== undefined) {
      if (dst.kind !== 'pod') continue;
      for (const c of dst.pod.workload.ports)
        if (c.name === p.name && c.protocol.toUpperCase() === protocol)
          out = out.union(PodConns.of(protocol, PortSet.of(c.port)));
    } else if (p.port === undefined) out = out.union(PodConns.of(protocol, PortSet.all()));
    else out = out.union(PodConns.of(protocol, PortSet.range(p.port, Math.max(p.port, p.endPort ?? p.port))));
  }
  return out;
}

/** The connections a rule's ports allow toward `dst`; `all` is every port of every protocol. */
export function portsToward(ports: readonly PodPort[] | 'all', dst: Party): PodConns {
  if (ports === 'all') return PodConns.all();
  let out = PodConns.none();
  for (const p of ports) out = out.union(entryConns(p, dst));
  return out;
}
