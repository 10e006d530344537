import {
  ConnectionSet,
  type Endpoint,
  type IpAddress,
  IpSet,
  type LoadBalancer,
  PortSet,
  parseIp,
} from '../../model/index.js';
import type { Step, Verdict } from '../trace.js';
import { evaluateFlow } from './flow.js';
import { listenersOf, listenerTraffic, loadBalancerHop, nodesOf, targetsOf } from './load-balancer.js';
import { internetPieces, PUBLIC_V4 } from './parties.js';
import { type Probe, probesFor } from './port-classes.js';
import type { AwsTopology } from './topology.js';

/** One endpoint the internet reaches, directly or through a load balancer (DESIGN §6 `exposure`). */
export interface Exposure {
  /** The interface that receives the traffic. */
  readonly endpoint: string;
  /** Its instance, database or load balancer, when known. */
  readonly owner?: string;
  readonly via: 'direct' | 'load-balancer';
  /** The public address the internet connects to (the endpoint's own, or the load balancer node's). */
  readonly address: string;
  readonly loadBalancer?: { readonly id: string; readonly listenerPort: number };
  /** Traffic that arrives at the endpoint (canonical ConnectionSet text; for a load balancer, the target port). */
  readonly reaches: string;
  /** Internet ranges admitted. */
  readonly sources: string;
  /** True when every public IPv4 address is admitted. */
  readonly anySource: boolean;
  /** Traffic whose fate the engine could not decide (not modelled or missing inputs); empty when none. */
  readonly unknown: string;
  /** Forward hops of one admitted connection, internet first. */
  readonly path: readonly Step[];
  readonly uncertain: readonly string[];
}

export interface ExposureReport {
  readonly exposures: readonly Exposure[];
  /** Load balancers or targets that could not be followed, in words. */
  readonly notes: readonly string[];
}

interface Tally {
  reaches: ConnectionSet;
  unknown: ConnectionSet;
  sources: IpSet;
  path?: Verdict;
  readonly uncertain: Set<string>;
}

function emptyTally(): Tally {
  return {
    reaches: ConnectionSet.empty(),
    unknown: ConnectionSet.empty(),
    sources: IpSet.empty(),
    uncertain: new Set(),
  };
}

/** Sends every probe from every internet piece to `address`; `sample` judges the class. */
function tallyFromInternet(
  topo: AwsTopology,
  e: Endpoint,
  address: IpAddress,
  probes: readonly Probe[],
  tally: Tally,
): void {
  for (const piece of internetPieces(topo, e))
    for (const p of probes) {
      const v = evaluateFlow(topo, {
        source: { kind: 'internet', address: piece.address },
        destination: address,
        connections: p.sample,
      });
      for (const u of v.uncertain) tally.uncertain.add(u);
      if (v.verdict === 'allowed') {
        tally.reaches = tally.reaches.union(p.connections);
        tally.sources = tally.sources.union(piece.set);
        tally.path ??= v;
      } else if (v.verdict === 'unknown') tally.unknown = tally.unknown.union(p.connections);
    }
}

function toExposure(
  base: Omit<Exposure, 'reaches' | 'sources' | 'anySource' | 'unknown' | 'path' | 'uncertain'>,
  t: Tally,
  path: readonly Step[],
): Exposure {
  return {
    ...base,
    reaches: t.reaches.toString(),
    sources: t.sources.toString(),
    anySource: t.sources.equals(PUBLIC_V4),
    unknown: t.unknown.subtract(t.reaches).isEmpty() ? '' : t.unknown.subtract(t.reaches).toString(),
    path,
    uncertain: [...t.uncertain].sort(),
  };
}

function direct(topo: AwsTopology, e: Endpoint): Exposure[] {
  const out: Exposure[] = [];
  const probes = probesFor(topo, [e]);
  for (const text of e.publicIps) {
    const address = parseIp(text);
    if (!address) continue;
    const t = emptyTally();
    tallyFromInternet(topo, e, address, probes, t);
    if (t.reaches.isEmpty() && t.unknown.isEmpty()) continue;
    out.push(
      toExposure(
        { endpoint: e.id, ...(e.ownerId ? { owner: e.ownerId } : {}), via: 'direct', address: text },
        t,
        t.path?.forward ?? [],
      ),
    );
  }
  return out;
}

/**
 * A load balancer as a hop (cloud-semantics §1): the internet reaches a node interface on the listener
 * port, then that node opens a new connection to the target on the target port. Both legs are judged
 * by the same engine; a target counts as exposed when some node passes both.
 */
function throughLoadBalancer(topo: AwsTopology, lb: LoadBalancer, notes: string[]): Exposure[] {
  const nodes = nodesOf(topo, lb);
  if (nodes.length === 0) {
    notes.push(
      `load balancer ${lb.id}: its node interfaces are not in the inputs, so its targets were not followed`,
    );
    return [];
  }
  const out: Exposure[] = [];
  for (const listener of listenersOf(topo, lb)) {
    const front = listenerTraffic(listener);
    if (!front) {
      notes.push(`listener ${listener.id}: protocol ${listener.protocol} not modelled`);
      continue;
    }
    const targets = targetsOf(topo, listener, notes);
    // The internet's leg to each node is the same for every target: judge it once per node.
    for (const node of nodes) {
      const address = node.publicIps[0] ? parseIp(node.publicIps[0]) : undefined;
      if (!address || targets.length === 0) continue;
      const t = emptyTally();
      tallyFromInternet(topo, node, address, [{ connections: front, sample: front }], t);
      if (!t.path) continue;
      for (const target of targets) {
        const backTraffic = ConnectionSet.tcp(PortSet.of(target.port));
        const back = evaluateFlow(topo, {
          source: { kind: 'endpoint', endpoint: node },
          destination: target.address,
          connections: backTraffic,
        });
        if (back.verdict === 'blocked') continue;
        const uncertain = new Set([...t.uncertain, ...back.uncertain]);
        const reached: Tally =
          back.verdict === 'allowed'
            ? { ...t, uncertain, reaches: backTraffic }
            : { ...t, uncertain, reaches: ConnectionSet.empty(), unknown: backTraffic };
        out.push(
          toExposure(
            {
              endpoint: target.endpoint.id,
              ...(target.endpoint.ownerId ? { owner: target.endpoint.ownerId } : {}),
              via: 'load-balancer',
              address: node.publicIps[0]!,
              loadBalancer: { id: lb.id, listenerPort: listener.port },
            },
            reached,
            [...t.path.forward, loadBalancerHop(lb, listener, node, target), ...back.forward],
          ),
        );
      }
    }
  }
  return out;
}

/**
 * `exposure` (DESIGN §6): every endpoint the internet reaches, with the traffic, the admitted internet
 * ranges and the path; directly through its public address, or through an internet-facing load balancer.
 * Protocols other than TCP, UDP and ICMP echo are not probed.
 */
export function exposureOf(topo: AwsTopology): ExposureReport {
  const notes: string[] = [];
  const exposures: Exposure[] = [];
  for (const e of topo.estate.all('endpoint')) if (e.publicIps.length > 0) exposures.push(...direct(topo, e));
  for (const lb of topo.estate.all('load-balancer'))
    if (lb.scheme === 'internet-facing') exposures.push(...throughLoadBalancer(topo, lb, notes));
  exposures.sort(
    (a, b) =>
      a.endpoint.localeCompare(b.endpoint) ||
      a.address.localeCompare(b.address) ||
      a.via.localeCompare(b.via),
  );
  return { exposures, notes };
}
