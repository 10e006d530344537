import {
  ConnectionSet,
  type Endpoint,
  type IpAddress,
  type Listener,
  type LoadBalancer,
  PortSet,
} from '../../model/index.js';
import type { Step } from '../trace.js';
import { resolveParty } from './parties.js';
import type { AwsTopology } from './topology.js';

/** A load balancer named by its id, its name or its DNS name. */
export function findLoadBalancer(topo: AwsTopology, text: string): LoadBalancer | undefined {
  const lower = text.toLowerCase();
  return topo.estate
    .all('load-balancer')
    .find((lb) => lb.id === text || lb.name === text || lb.dnsName?.toLowerCase() === lower);
}

/** The node interfaces of a load balancer: the interfaces it owns (AWS requester-managed ENIs). */
export function nodesOf(topo: AwsTopology, lb: LoadBalancer): Endpoint[] {
  return topo.estate.all('endpoint').filter((e) => e.ownerId === lb.id);
}

export function listenersOf(topo: AwsTopology, lb: LoadBalancer): Listener[] {
  return topo.estate.all('listener').filter((l) => l.ownerId === lb.id);
}

/** What a listener accepts from clients; undefined for protocols not modelled (GENEVE). */
export function listenerTraffic(listener: Listener): ConnectionSet | undefined {
  const p = listener.protocol.toUpperCase();
  const ports = PortSet.of(listener.port);
  if (p === 'UDP') return ConnectionSet.udp(ports);
  if (p === 'TCP_UDP') return ConnectionSet.tcp(ports).union(ConnectionSet.udp(ports));
  if (['HTTP', 'HTTPS', 'TCP', 'TLS'].includes(p)) return ConnectionSet.tcp(ports);
  return undefined;
}

export interface LbTarget {
  readonly endpoint: Endpoint;
  readonly address: IpAddress;
  readonly port: number;
}

/** The targets a listener forwards to; what cannot be followed is said in `notes`. */
export function targetsOf(topo: AwsTopology, listener: Listener, notes: string[]): LbTarget[] {
  const out: LbTarget[] = [];
  for (const tgId of listener.targetGroupIds) {
    const group = topo.estate.get('target-group', tgId);
    if (!group?.targetsKnown) {
      notes.push(`target group ${tgId}: its targets are not in the inputs (describe-target-health)`);
      continue;
    }
    for (const target of group.targets) {
      const party = resolveParty(topo, target.id);
      const port = target.port ?? group.port;
      if ('error' in party || party.kind !== 'endpoint' || port === undefined) {
        notes.push(`target ${target.id} of ${tgId}: not an interface in the inputs`);
        continue;
      }
      out.push({ endpoint: party.endpoint, address: party.address, port });
    }
  }
  return out;
}

/** The step joining the client's connection and the node's new connection to the target. */
export function loadBalancerHop(
  lb: LoadBalancer,
  listener: Listener,
  node: Endpoint,
  target: LbTarget,
): Step {
  return {
    kind: 'nat',
    decidedBy: 'endpoint',
    resource: lb.id,
    action: 'forwarded',
    from: node.primaryPrivateIp ?? node.id,
    to: `${target.endpoint.primaryPrivateIp ?? target.endpoint.id}:${target.port}`,
    note: `listener ${listener.port} opens a new connection to the target`,
  };
}
