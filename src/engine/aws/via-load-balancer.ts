import { ConnectionSet, type LoadBalancer, PortSet, parseIp } from '../../model/index.js';
import type { Step, Verdict } from '../trace.js';
import { evaluateFlow } from './flow.js';
import { listenersOf, listenerTraffic, loadBalancerHop, nodesOf, targetsOf } from './load-balancer.js';
import type { Party } from './parties.js';
import { type ReachOutcome, reachBetween } from './reach.js';
import type { AwsTopology } from './topology.js';

function stopped(lb: LoadBalancer, note: string, kind: 'blocked' | 'unknown'): Verdict {
  const step: Step = { kind: 'dropped', decidedBy: 'endpoint', resource: lb.id, action: 'denied', note };
  return kind === 'blocked'
    ? {
        verdict: 'blocked',
        blockedAt: { kind: 'endpoint', resource: lb.id, direction: 'forward' },
        forward: [step],
        return: [],
        uncertain: [],
      }
    : { verdict: 'unknown', blockedAt: null, forward: [], return: [], uncertain: [note] };
}

/**
 * `reach` to a load balancer (cloud-semantics §1.7): the client reaches a node on a listener port, then
 * the node opens a new connection to a target on the target port. Allowed when some node passes both
 * legs for some target; the trace joins the two connections at the load balancer.
 */
export function reachLoadBalancer(
  topo: AwsTopology,
  from: Party,
  lb: LoadBalancer,
  connections: ConnectionSet,
): ReachOutcome | { error: string } {
  const nodes = nodesOf(topo, lb);
  if (nodes.length === 0)
    return stopped(lb, `the node interfaces of ${lb.id} are not in the inputs`, 'unknown');
  // TCP listeners only: the trace follows one TCP connection to the target port.
  const listeners = listenersOf(topo, lb).filter((l) => {
    const t = listenerTraffic(l);
    return t?.udpPorts().isEmpty() && connections.tcpPorts().contains(l.port);
  });
  if (listeners.length === 0)
    return stopped(lb, `${lb.id} has no TCP listener for ${connections.toString()}`, 'blocked');
  let fallback: ReachOutcome | undefined;
  for (const listener of listeners)
    for (const node of nodes) {
      const publicText = node.publicIps[0];
      const nodeText = from.kind === 'internet' ? publicText : node.primaryPrivateIp;
      const nodeAddress = nodeText ? parseIp(nodeText) : undefined;
      if (!nodeAddress) continue;
      const front = reachBetween(
        topo,
        from,
        { kind: 'endpoint', endpoint: node, address: nodeAddress, viaPublic: from.kind === 'internet' },
        connections,
      );
      if ('error' in front) return front;
      if (front.verdict !== 'allowed') {
        if (!fallback || (fallback.verdict === 'blocked' && front.verdict === 'unknown')) fallback = front;
        continue;
      }
      for (const target of targetsOf(topo, listener, [])) {
        const back = evaluateFlow(topo, {
          source: { kind: 'endpoint', endpoint: node },
          destination: target.address,
          connections: ConnectionSet.tcp(PortSet.of(target.port)),
        });
        const joined: ReachOutcome = {
          verdict: back.verdict,
          blockedAt: back.blockedAt,
          forward: [...front.forward, loadBalancerHop(lb, listener, node, target), ...back.forward],
          return: [...back.return, ...front.return],
          uncertain: [...new Set([...front.uncertain, ...back.uncertain])],
        };
        if (back.verdict === 'allowed') return joined;
        if (!fallback || fallback.verdict === 'blocked') fallback = joined;
      }
    }
  return fallback ?? stopped(lb, `no target of ${lb.id} is in the inputs`, 'unknown');
}
