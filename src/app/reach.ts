import {
  AwsTopology,
  findLoadBalancer,
  type ReachOutcome,
  reachBetween,
  reachLoadBalancer,
} from '../engine/index.js';
import { ConnectionSet, IcmpSet, PortSet } from '../model/index.js';
import { UsageError } from './errors.js';
import { type LoadOptions, loadEstate } from './load-estate.js';
import { resolveOrExplain } from './resolve.js';

export interface ReachRequest {
  readonly from: string;
  readonly to: string;
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'all';
  readonly port?: number;
}

export interface ReachAnswer extends ReachOutcome {
  readonly query: { readonly from: string; readonly to: string; readonly connections: string };
}

/** The traffic a `reach` question is about (DESIGN §6): icmp is an echo request, all is everything. */
export function connectionsOf(req: ReachRequest): ConnectionSet {
  if (req.protocol === 'all') return ConnectionSet.all();
  if (req.protocol === 'icmp') return ConnectionSet.icmp(IcmpSet.of(8, 0));
  if (req.port === undefined)
    throw new UsageError(
      'APP_REACH_PORT',
      `--port is required with --protocol ${req.protocol}`,
      'For example --protocol tcp --port 5432.',
    );
  const ports = PortSet.of(req.port);
  return req.protocol === 'tcp' ? ConnectionSet.tcp(ports) : ConnectionSet.udp(ports);
}

/** `rampart reach`: can `from` open this connection to `to`, and exactly why (not). */
export async function reach(
  paths: readonly string[],
  req: ReachRequest,
  opts: LoadOptions = {},
): Promise<ReachAnswer> {
  const connections = connectionsOf(req);
  const { estate } = await loadEstate(paths, opts);
  const topo = new AwsTopology(estate);
  const from = resolveOrExplain(topo, req.from, '--from');
  // A load balancer (id, name or DNS name) is a hop: listener, node, then a new connection to a target.
  const lb = findLoadBalancer(topo, req.to);
  const outcome = lb
    ? reachLoadBalancer(topo, from, lb, connections)
    : reachBetween(topo, from, resolveOrExplain(topo, req.to, '--to'), connections);
  if ('error' in outcome) throw new UsageError('APP_REACH_QUERY', outcome.error);
  return { query: { from: req.from, to: req.to, connections: connections.toString() }, ...outcome };
}
