import { ConnsTable } from './conns-table.js';
import { admitted } from './decide.js';
import type { Party } from './peers.js';
import { SideMatrix } from './side-matrix.js';
import type { ClusterView } from './view.js';

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

  /** The id of what `src` may open to `dst` (pod indices). */
  conns(src: number, dst: number): number {
    const out = this.#egress.rows[src]![dst]!;
    if (out === ConnsTable.NONE) return out;
    return this.table.intersect(out, this.#ingress.rows[dst]![src]!);
  }
}

/**
 * The same map asked pair by pair through `admitted`: the baseline the benchmark compares against and
 * the oracle the equivalence test uses.
 */
export function naivePairs(view: ClusterView, table: ConnsTable): Int32Array[] {
  return view.pods.map((src) =>
    Int32Array.from(view.pods, (dst) => {
      const d: Party = { kind: 'pod', pod: dst };
      const s: Party = { kind: 'pod', pod: src };
      const out = admitted(view, { subject: src, direction: 'egress', other: d, dst: d });
      if (out.isEmpty()) return ConnsTable.NONE;
      return table.id(
        out.intersect(admitted(view, { subject: dst, direction: 'ingress', other: s, dst: d })),
      );
    }),
  );
}
