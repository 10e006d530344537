import { ConnectionSet, type Endpoint, type IpSet } from '../../model/index.js';
import type { BlockedAt, Step, Verdict } from '../trace.js';
import { evaluateFlow } from './flow.js';
import { internetPieces, PUBLIC_V4 } from './parties.js';
import { probesFor } from './port-classes.js';
import { OPENS_CONNECTIONS } from './roles.js';
import type { AwsTopology } from './topology.js';

/** One way an endpoint reaches public addresses (DESIGN §6 `egress`). */
export interface EgressPath {
  readonly endpoint: string;
  readonly owner?: string;
  /** The gateways crossed, in order: `nat-…`, `igw-…`, `vpce-…` (a gateway endpoint to an AWS service). */
  readonly via: readonly string[];
  /** Traffic that gets out and whose replies come back (canonical ConnectionSet text). */
  readonly reaches: string;
  /** Public destinations reached this way. */
  readonly destinations: string;
  /** True when every public IPv4 address is reached. */
  readonly anyDestination: boolean;
  /** Forward hops of one such connection. */
  readonly path: readonly Step[];
}

export interface EgressReport {
  readonly paths: readonly EgressPath[];
  /** Connections that get out but whose replies are dropped on the way back (a stateless NACL, §1.2). */
  readonly repliesDropped: readonly {
    readonly endpoint: string;
    readonly via: readonly string[];
    readonly traffic: string;
    readonly blockedAt: BlockedAt;
  }[];
  /** Endpoints with traffic the engine could not decide (not modelled or missing inputs), in words. */
  readonly undecided: readonly {
    readonly endpoint: string;
    readonly traffic: string;
    readonly why: readonly string[];
  }[];
}

function gatewaysOf(v: Verdict): string[] {
  return v.forward
    .filter((s) => s.kind === 'gateway' || (s.kind === 'nat' && s.decidedBy !== 'endpoint'))
    .map((s) => s.resource);
}

interface Mutable {
  paths: EgressPath[];
  repliesDropped: EgressReport['repliesDropped'][number][];
  undecided: EgressReport['undecided'][number][];
}

interface Way {
  reaches: ConnectionSet;
  destinations: IpSet;
  readonly path: readonly Step[];
}

function endpointEgress(topo: AwsTopology, e: Endpoint, report: Mutable): void {
  const probes = probesFor(topo, [e], true);
  const ways = new Map<string, Way>();
  const droppedWays = new Map<string, { traffic: ConnectionSet; readonly blockedAt: BlockedAt }>();
  let unknown = ConnectionSet.empty();
  const why = new Set<string>();
  for (const piece of internetPieces(topo, e, true))
    for (const p of probes) {
      const v = evaluateFlow(topo, {
        source: { kind: 'endpoint', endpoint: e },
        destination: piece.address,
        connections: p.sample,
      });
      if (v.verdict === 'unknown') {
        unknown = unknown.union(p.connections);
        for (const u of v.uncertain) why.add(u);
      }
      const dropped = v.verdict === 'blocked' && v.blockedAt?.direction === 'return';
      if (v.verdict !== 'allowed' && !dropped) continue;
      const key = gatewaysOf(v).join(' ');
      if (dropped) {
        const d = droppedWays.get(key);
        if (d) d.traffic = d.traffic.union(p.connections);
        else droppedWays.set(key, { traffic: p.connections, blockedAt: v.blockedAt! });
        continue;
      }
      const way = ways.get(key);
      if (way) {
        way.reaches = way.reaches.union(p.connections);
        way.destinations = way.destinations.union(piece.set);
      } else ways.set(key, { reaches: p.connections, destinations: piece.set, path: v.forward });
    }
  for (const [key, w] of ways)
    report.paths.push({
      endpoint: e.id,
      ...(e.ownerId ? { owner: e.ownerId } : {}),
      via: key === '' ? [] : key.split(' '),
      reaches: w.reaches.toString(),
      destinations: w.destinations.toString(),
      anyDestination: w.destinations.equals(PUBLIC_V4),
      path: w.path,
    });
  for (const [key, d] of droppedWays) {
    // Traffic that also gets out some other way is not broken.
    const traffic = [...ways.values()].reduce((t, w) => t.subtract(w.reaches), d.traffic);
    if (!traffic.isEmpty())
      report.repliesDropped.push({
        endpoint: e.id,
        via: key === '' ? [] : key.split(' '),
        traffic: traffic.toString(),
        blockedAt: d.blockedAt,
      });
  }
  if (!unknown.isEmpty())
    report.undecided.push({ endpoint: e.id, traffic: unknown.toString(), why: [...why].sort() });
}

/**
 * `egress` (DESIGN §6): which endpoints open connections to public addresses, and through what: the
 * internet gateway with their own public address, a NAT gateway, or a gateway endpoint for an AWS
 * service. A connection counts only when its reply gets back (NACLs are stateless, cloud-semantics §1.2).
 * Interfaces of NAT gateways, load balancers and other managed services are left out: they do not open
 * connections of their own. TCP, UDP and ICMP echo are probed.
 */
export function egressOf(topo: AwsTopology): EgressReport {
  const report: Mutable = { paths: [], repliesDropped: [], undecided: [] };
  for (const e of topo.estate.all('endpoint'))
    if (OPENS_CONNECTIONS.has(e.endpointKind)) endpointEgress(topo, e, report);
  report.paths.sort(
    (a, b) => a.endpoint.localeCompare(b.endpoint) || a.via.join().localeCompare(b.via.join()),
  );
  report.repliesDropped.sort(
    (a, b) => a.endpoint.localeCompare(b.endpoint) || a.via.join().localeCompare(b.via.join()),
  );
  report.undecided.sort((a, b) => a.endpoint.localeCompare(b.endpoint));
  return report;
}
