import { type ConnectionSet, type Endpoint, PortSet } from '../../model/index.js';
import type { Step } from '../trace.js';
import { judgePair } from './pair.js';
import { RELAYS, RUNS_CODE } from './roles.js';
import type { AwsTopology } from './topology.js';

/** One endpoint the attacker reaches, and how (DESIGN §6 `blast-radius`). */
export interface Foothold {
  readonly endpoint: string;
  readonly owner?: string;
  readonly address: string;
  /** 1 = reached straight from the compromised endpoint. */
  readonly hops: number;
  /** The endpoints held on the way, starting with the compromised one. */
  readonly chain: readonly string[];
  /** Traffic the last endpoint of the chain gets through to this one. */
  readonly reaches: string;
  /** Why it is listed first: a database, or a data port open to the attacker; absent when not sensitive. */
  readonly sensitive?: string;
  /** Forward hops of one such connection from the last endpoint of the chain. */
  readonly path: readonly Step[];
}

export interface BlastRadius {
  readonly from: string;
  readonly reached: readonly Foothold[];
  /** Pairs the engine could not decide (paths not modelled, inputs missing): never read as safe. */
  readonly undecided: readonly { readonly from: string; readonly to: string; readonly traffic: string }[];
}

const DATA_PORTS = PortSet.fromIntervals(
  [1433, 1521, 3306, 5432, 5439, 6379, 9042, 9200, 11211, 27017].map((p) => ({ lo: p, hi: p })),
);

function sensitivity(topo: AwsTopology, e: Endpoint, reaches: ConnectionSet): string | undefined {
  if (e.endpointKind === 'database' || (e.ownerId && topo.estate.get('database', e.ownerId)))
    return `database${e.ownerId ? ` ${e.ownerId}` : ''}`;
  const data = reaches.tcpPorts().intersect(DATA_PORTS);
  if (data.isEmpty()) return undefined;
  return data.equals(DATA_PORTS) ? 'every common data port open' : `data port tcp ${data.toString()} open`;
}

/**
 * Lateral movement (DESIGN §6): the attacker holds `start`; every endpoint it can open a connection to
 * is reached, and every reached host it can run code on becomes a new foothold, until nothing new is
 * reached. Each pair is judged per traffic class of both ends' filters (exact, see `probesFor`).
 * Sensitive targets (databases, data ports) come first, then by hops.
 */
export function blastRadius(topo: AwsTopology, start: Endpoint): BlastRadius {
  const candidates = topo.estate
    .all('endpoint')
    .filter((e) => e.id !== start.id && !RELAYS.has(e.endpointKind) && e.primaryPrivateIp !== undefined);
  const reached = new Map<string, Foothold>();
  const undecided: BlastRadius['undecided'][number][] = [];
  let frontier: { e: Endpoint; chain: string[] }[] = [{ e: start, chain: [start.id] }];
  for (let hops = 1; frontier.length > 0; hops++) {
    const next: typeof frontier = [];
    for (const held of frontier)
      for (const target of candidates) {
        if (reached.has(target.id)) continue;
        const { allowed: reaches, unknown, path } = judgePair(topo, held.e, target);
        if (!unknown.isEmpty())
          undecided.push({ from: held.e.id, to: target.id, traffic: unknown.toString() });
        if (reaches.isEmpty()) continue;
        const sensitive = sensitivity(topo, target, reaches);
        reached.set(target.id, {
          endpoint: target.id,
          ...(target.ownerId ? { owner: target.ownerId } : {}),
          address: target.primaryPrivateIp!,
          hops,
          chain: held.chain,
          reaches: reaches.toString(),
          ...(sensitive ? { sensitive } : {}),
          path,
        });
        if (RUNS_CODE.has(target.endpointKind)) next.push({ e: target, chain: [...held.chain, target.id] });
      }
    frontier = next;
  }
  const list = [...reached.values()].sort(
    (a, b) =>
      Number(b.sensitive !== undefined) - Number(a.sensitive !== undefined) ||
      a.hops - b.hops ||
      a.endpoint.localeCompare(b.endpoint),
  );
  return { from: start.id, reached: list, undecided };
}
