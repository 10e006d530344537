import { ConnsTable } from './conns-table.js';
import { admitted } from './decide.js';
import type { Party } from './peers.js';
import { SideMatrix } from './side-matrix.js';
import type { ClusterView, Pod } from './view.js';

/**
 * Workload-to-workload connectivity as ids in one ConnsTable: what the source's egress side and the
 * destination's ingress side both admit (k8s-mesh §1.3), for every ordered pair, without building
 * an object per pair.
 */
export class PodMap {
  readonly table = new ConnsTable();
  readonly #egress: SideMatrix;
  readonly #ingress: SideMatrix;

  constructor(readonly view: ClusterView) {
    this.#egress = new SideMatrix(view, this.table, 'egress');
    this.#ingress = new SideMatrix(view, this.table, 'ingress');
  }

  /** Distinct rows per side: the groups of subjects that share one (the same policies select them). */
  get groups(): { readonly egress: number; readonly ingress: number } {
    return { egress: new Set(this.#egress.rows).size, ingress: new Set(this.#ingress.rows).size };
  }

  /** The id of what `src` may open to `dst` (pod indices). */
  conns(src: number, dst: number): number {
    const out = this.#egress.rows[src]![dst]!;
    if (out === ConnsTable.NONE) return out;
    return this.table.intersect(out, this.#ingress.rows[dst]![src]!);
  }
}

/**
 * One pair asked through `admitted`, both sides: the baseline the benchmark compares against (timed
 * on a sample of pairs) and the oracle the equivalence test uses.
 */
export function naivePair(view: ClusterView, table: ConnsTable, src: Pod, dst: Pod): number {
  const d: Party = { kind: 'pod', pod: dst };
  const out = admitted(view, { subject: src, direction: 'egress', other: d, dst: d });
  if (out.isEmpty()) return ConnsTable.NONE;
  const s: Party = { kind: 'pod', pod: src };
  return table.id(out.intersect(admitted(view, { subject: dst, direction: 'ingress', other: s, dst: d })));
}

/** The same map asked pair by pair (`naivePair` for every ordered pair). */
export function naivePairs(view: ClusterView, table: ConnsTable): Int32Array[] {
  return view.pods.map((src) => Int32Array.from(view.pods, (dst) => naivePair(view, table, src, dst)));
}
