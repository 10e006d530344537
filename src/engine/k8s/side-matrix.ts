import type { Direction, PodPolicy, PodPolicyRule } from '../../model/index.js';
import { ConnsTable } from './conns-table.js';
import { admitted } from './decide.js';
import { type Party, ruleMatches } from './peers.js';
import { portsToward } from './rule-ports.js';
import type { ClusterView, Pod } from './view.js';

const hasNamedPort = (r: PodPolicyRule) => r.ports !== 'all' && r.ports.some((p) => p.name !== undefined);

/**
 * One side of every pair at once: `rows[s][p]` is what pod `s` admits toward pod `p` (egress) or from
 * pod `p` (ingress), as a ConnsTable id. The same decision as `admitted` (k8s-mesh §1.2-§1.3), computed
 * per group of subjects that the same policies select: the row is built once from each rule's matched
 * pods instead of asking every pair, and shared by the whole group. Subjects that an admin or baseline
 * policy selects take the exact per-pair path.
 */
export class SideMatrix {
  readonly rows: readonly Int32Array[];
  readonly #matches = new Map<PodPolicyRule, Int32Array>();
  readonly #ports = new Map<PodPolicyRule, number>();

  constructor(
    private readonly view: ClusterView,
    private readonly table: ConnsTable,
    private readonly direction: Direction,
  ) {
    const n = view.pods.length;
    const open = new Int32Array(n).fill(ConnsTable.ALL);
    const shared = new Map<string, Int32Array>();
    this.rows = view.pods.map((s) => {
      if (!view.cni.enforcesNetworkPolicy) return open;
      const a = view.applying(s);
      const admin = view.cni.supportsAdminNetworkPolicy ? [...a.admin, ...a.baseline] : [];
      const nps = a.networkPolicies.filter(
        (p) => p.isolates.includes(direction) || p.rules.some((r) => r.direction === direction),
      );
      if (nps.length === 0 && !admin.some((p) => p.rules.some((r) => r.direction === direction))) return open;
      // Ingress named ports resolve on the subject itself, so its ports join the key when they matter.
      const named = direction === 'ingress' && [...admin, ...nps].some((p) => p.rules.some(hasNamedPort));
      const key =
        [...a.admin, ...nps, ...a.baseline].map((p) => p.id).join('\n') + (named ? `\n#${s.index}` : '');
      let row = shared.get(key);
      if (!row) {
        row = admin.length > 0 ? this.#exact(s) : this.#fromRules(s, nps, open);
        shared.set(key, row);
      }
      return row;
    });
  }

  /** The pods a rule's peers match (pods only; external atoms are judged apart). */
  #matched(r: PodPolicyRule): Int32Array {
    let m = this.#matches.get(r);
    if (!m) {
      const out: number[] = [];
      for (const p of this.view.pods)
        if (ruleMatches(this.view, r, { kind: 'pod', pod: p })) out.push(p.index);
      m = Int32Array.from(out);
      this.#matches.set(r, m);
    }
    return m;
  }

  /** The rule's ports toward the destination of the pair (subject's peer for egress, subject for ingress). */
  #portsId(r: PodPolicyRule, subject: Pod, peer: Pod): number {
    if (!hasNamedPort(r)) {
      let id = this.#ports.get(r);
      if (id === undefined) {
        id = this.table.id(portsToward(r.ports, { kind: 'pod', pod: subject }));
        this.#ports.set(r, id);
      }
      return id;
    }
    const dst = this.direction === 'egress' ? peer : subject;
    return this.table.id(portsToward(r.ports, { kind: 'pod', pod: dst }));
  }

  /** NetworkPolicy tier only: allow rules united over their matched pods, Cilium denies taken out. */
  #fromRules(s: Pod, nps: readonly PodPolicy[], open: Int32Array): Int32Array {
    const isolated = nps.some((p) => p.isolates.includes(this.direction));
    const pods = this.view.pods;
    let allow: Int32Array | undefined;
    let deny: Int32Array | undefined;
    for (const p of nps)
      for (const r of p.rules) {
        if (r.direction !== this.direction) continue;
        if (r.action === 'deny') deny ??= new Int32Array(pods.length);
        else if (isolated) allow ??= new Int32Array(pods.length);
        else continue;
        const into = r.action === 'deny' ? deny! : allow!;
        for (const i of this.#matched(r)) into[i] = this.table.union(into[i]!, this.#portsId(r, s, pods[i]!));
      }
    const base = isolated ? (allow ?? new Int32Array(pods.length)) : open;
    if (!deny) return base;
    const row = new Int32Array(pods.length);
    for (let i = 0; i < row.length; i++) row[i] = this.table.subtract(base[i]!, deny[i]!);
    return row;
  }

  /** Admin and baseline tiers (first match, Pass): the per-pair decision itself. */
  #exact(s: Pod): Int32Array {
    const row = new Int32Array(this.view.pods.length);
    const me: Party = { kind: 'pod', pod: s };
    for (const p of this.view.pods) {
      const other: Party = { kind: 'pod', pod: p };
      row[p.index] = this.table.id(
        admitted(this.view, {
          subject: s,
          direction: this.direction,
          other,
          dst: this.direction === 'egress' ? other : me,
        }),
      );
    }
    return row;
  }
}
