import type { ConnectionSet, Endpoint } from '../../model/index.js';
import { endpointClasses } from './classes.js';
import { judgePair } from './pair.js';
import { RELAYS } from './roles.js';
import type { AwsTopology } from './topology.js';

export interface MatrixCell {
  readonly from: string;
  readonly to: string;
  /** Traffic `from` can open to `to` with the reply coming back (canonical ConnectionSet text). */
  readonly connections: string;
}

export interface Matrix {
  readonly by: 'endpoint' | 'subnet';
  /** Non-empty cells only, sorted by from then to. */
  readonly cells: readonly MatrixCell[];
  /** Cells with traffic the engine could not decide (not modelled, inputs missing). */
  readonly undecided: readonly MatrixCell[];
  readonly stats: { readonly endpoints: number; readonly classes: number; readonly classPairs: number };
}

/**
 * Reachability between every pair of interfaces over their private addresses (DESIGN §6 `matrix`),
 * or between subnets (the union over their interfaces). Each pair of equivalence classes is judged
 * once with representatives (DESIGN §3) and the answer spread over the members.
 */
export function matrixOf(topo: AwsTopology, by: 'endpoint' | 'subnet' = 'endpoint'): Matrix {
  const endpoints = topo.estate
    .all('endpoint')
    .filter((e) => !RELAYS.has(e.endpointKind) && e.primaryPrivateIp);
  const classes = endpointClasses(topo, endpoints);
  const cells: MatrixCell[] = [];
  const undecided: MatrixCell[] = [];
  // By subnet: a class lies in one subnet, so each class pair adds to one subnet pair.
  const bySubnet = new Map<
    string,
    { from: string; to: string; allowed: ConnectionSet; unknown: ConnectionSet }
  >();
  let classPairs = 0;
  for (const a of classes)
    for (const b of classes) {
      const src = a.members[0]!;
      const dst = a === b ? a.members[1] : b.members[0]!;
      if (!dst) continue;
      classPairs++;
      const { allowed, unknown } = judgePair(topo, src, dst);
      const open = unknown.subtract(allowed);
      if (allowed.isEmpty() && open.isEmpty()) continue;
      if (by === 'subnet') {
        const from = src.subnetId ?? '-';
        const to = dst.subnetId ?? '-';
        const key = `${from}\u0000${to}`;
        const cell = bySubnet.get(key);
        if (cell) {
          cell.allowed = cell.allowed.union(allowed);
          cell.unknown = cell.unknown.union(open);
        } else bySubnet.set(key, { from, to, allowed, unknown: open });
        continue;
      }
      // Each interface pair belongs to exactly one class pair: no merging, and the text is made once.
      const allowedText = allowed.toString();
      const openText = open.toString();
      for (const x of a.members)
        for (const y of b.members) {
          if (x === y) continue;
          if (!allowed.isEmpty()) cells.push({ from: x.id, to: y.id, connections: allowedText });
          if (!open.isEmpty()) undecided.push({ from: x.id, to: y.id, connections: openText });
        }
    }
  for (const c of bySubnet.values()) {
    if (!c.allowed.isEmpty()) cells.push({ from: c.from, to: c.to, connections: c.allowed.toString() });
    const open = c.unknown.subtract(c.allowed);
    if (!open.isEmpty()) undecided.push({ from: c.from, to: c.to, connections: open.toString() });
  }
  // Code-unit order: ids are ASCII, and a million-cell sort must not pay for locale collation.
  const order = (p: MatrixCell, q: MatrixCell) =>
    p.from < q.from ? -1 : p.from > q.from ? 1 : p.to < q.to ? -1 : p.to > q.to ? 1 : 0;
  return {
    by,
    cells: cells.sort(order),
    undecided: undecided.sort(order),
    stats: { endpoints: endpoints.length, classes: classes.length, classPairs },
  };
}

/** Pair-by-pair without classes: the baseline the benchmark measures `matrixOf` against. */
export function naivePair(topo: AwsTopology, src: Endpoint, dst: Endpoint): ConnectionSet {
  return judgePair(topo, src, dst).allowed;
}
