import type { Direction, PodPolicy, PodPolicyRule } from '../../model/index.js';
import { ConnsTable } from './conns-table.js';
import { ruleMatches } from './peers.js';
import { portsToward } from './rule-ports.js';
import type { Applying, ClusterView, Pod } from './view.js';

const hasNamedPort = (r: PodPolicyRule) => r.ports !== 'all' && r.ports.some((p) => p.name !== undefined);
/** What named ports can resolve to on a pod: its container ports (name, number, protocol). */
const portsKey = (s: Pod) => s.workload.ports.map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}`).join(',');

/**
 * One side of every pair at once: `rows[s][p]` is what pod `s` admits toward pod `p` (egress) or from
 * pod `p` (ingress), as a ConnsTable id. The same decision as `admitted` (k8s-mesh §1.2-§1.3, §1.9),
 * computed per group of subjects that the same policies select: the row is built once from each rule's
 * matched pods instead of asking every pair, and shared by the whole group. The admin and baseline
 * tiers (first match, Pass) run the same way, one array of undecided connections over the peers.
 */
export class SideMatrix {
  readonly rows: readonly Int32Array[];
  readonly #matches = new Map<PodPolicyRule, Int32Array>();
  readonly #ports = new Map<PodPolicyRule, number>();
  /** Egress rules with named ports: the id per destination pod, -1 until asked. */
  readonly #peerPorts = new Map<PodPolicyRule, Int32Array>();

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
      // Ingress named ports resolve on the subject itself, so its container ports join the key when
      // they matter (subjects declaring the same ports still share a row).
      const named = direction === 'ingress' && [...admin, ...nps].some((p) => p.rules.some(hasNamedPort));
      const key =
        [...a.admin, ...nps, ...a.baseline].map((p) => p.id).join('\n') + (named ? `\n#${portsKey(s)}` : '');
      let row = shared.get(key);
      if (!row) {
        row = admin.length > 0 ? this.#tiered(s, a, nps) : this.#fromRules(s, nps, open);
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

  /**
   * The rule's ports toward the destination of the pair (the peer for egress, the subject for
   * ingress) when one id serves every peer of this subject; -1 when it depends on the peer (egress
   * named ports), see `#portsToPeer`.
   */
  #portsId(r: PodPolicyRule, subject: Pod): number {
    if (!hasNamedPort(r)) {
      let id = this.#ports.get(r);
      if (id === undefined) {
        id = this.table.id(portsToward(r.ports, { kind: 'pod', pod: subject }));
        this.#ports.set(r, id);
      }
      return id;
    }
    if (this.direction === 'egress') return -1;
    return this.table.id(portsToward(r.ports, { kind: 'pod', pod: subject }));
  }

  /** An egress rule's named ports toward one destination pod, computed once per (rule, pod). */
  #portsToPeer(r: PodPolicyRule, peer: number): number {
    let ids = this.#peerPorts.get(r);
    if (!ids) {
      ids = new Int32Array(this.view.pods.length).fill(-1);
      this.#peerPorts.set(r, ids);
    }
    let id = ids[peer]!;
    if (id < 0) {
      id = this.table.id(portsToward(r.ports, { kind: 'pod', pod: this.view.pods[peer]! }));
      ids[peer] = id;
    }
    return id;
  }

  /** `into[i] ∪= ports` for every pod the rule matches. */
  #unite(into: Int32Array, r: PodPolicyRule, s: Pod): void {
    const t = this.table;
    const fixed = this.#portsId(r, s);
    for (const i of this.#matched(r))
      into[i] = t.union(into[i]!, fixed >= 0 ? fixed : this.#portsToPeer(r, i));
  }

  /**
   * The NetworkPolicy tier over the peers: whether it isolates the subject, its allow rules united
   * (only needed when it isolates) and its Cilium deny rules united.
   */
  #npTier(s: Pod, nps: readonly PodPolicy[]): { isolated: boolean; allow?: Int32Array; deny?: Int32Array } {
    const isolated = nps.some((p) => p.isolates.includes(this.direction));
    const n = this.view.pods.length;
    let allow: Int32Array | undefined;
    let deny: Int32Array | undefined;
    for (const p of nps)
      for (const r of p.rules) {
        if (r.direction !== this.direction) continue;
        if (r.action === 'deny') {
          deny ??= new Int32Array(n);
          this.#unite(deny, r, s);
        } else if (isolated) {
          allow ??= new Int32Array(n);
          this.#unite(allow, r, s);
        }
      }
    return { isolated, ...(allow ? { allow } : {}), ...(deny ? { deny } : {}) };
  }

  /** NetworkPolicy tier only: allow rules united over their matched pods, Cilium denies taken out. */
  #fromRules(s: Pod, nps: readonly PodPolicy[], open: Int32Array): Int32Array {
    const { isolated, allow, deny } = this.#npTier(s, nps);
    const n = this.view.pods.length;
    const base = isolated ? (allow ?? new Int32Array(n)) : open;
    if (!deny) return base;
    const row = new Int32Array(n);
    for (let i = 0; i < n; i++) row[i] = this.table.subtract(base[i]!, deny[i]!);
    return row;
  }

  /**
   * Admin and baseline tiers too (`admitted` per peer, as arrays over the peers): the admin tier by
   * first match, then the NetworkPolicy tier (final when it isolates), else the baseline tier by first
   * match over what is left, and what no tier decided is allowed.
   */
  #tiered(s: Pod, a: Applying, nps: readonly PodPolicy[]): Int32Array {
    const t = this.table;
    const n = this.view.pods.length;
    const allowed = new Int32Array(n);
    const undecided = new Int32Array(n).fill(ConnsTable.ALL);
    this.#firstMatch(a.admin, s, allowed, undecided);
    const { isolated, allow, deny } = this.#npTier(s, nps);
    if (deny) for (let i = 0; i < n; i++) undecided[i] = t.subtract(undecided[i]!, deny[i]!);
    if (isolated) {
      for (let i = 0; i < n; i++)
        allowed[i] = t.union(allowed[i]!, allow ? t.intersect(undecided[i]!, allow[i]!) : ConnsTable.NONE);
      return allowed;
    }
    // The baseline's allows add to the admin tier's: only `undecided` steers the first match.
    this.#firstMatch(a.baseline, s, allowed, undecided);
    for (let i = 0; i < n; i++) allowed[i] = t.union(allowed[i]!, undecided[i]!);
    return allowed;
  }

  /**
   * First match in order over tiered rules, for every peer at once: what a rule's ports take from a
   * peer's undecided connections is allowed, denied or passed; what was passed is undecided again
   * after the tier.
   */
  #firstMatch(policies: readonly PodPolicy[], s: Pod, allowed: Int32Array, undecided: Int32Array): void {
    const t = this.table;
    let passed: Int32Array | undefined;
    for (const p of policies)
      for (const r of p.rules) {
        if (r.direction !== this.direction) continue;
        const fixed = this.#portsId(r, s);
        for (const i of this.#matched(r)) {
          const u = undecided[i]!;
          if (u === ConnsTable.NONE) continue;
          const m = t.intersect(fixed >= 0 ? fixed : this.#portsToPeer(r, i), u);
          if (m === ConnsTable.NONE) continue;
          undecided[i] = t.subtract(u, m);
          if (r.action === 'allow') allowed[i] = t.union(allowed[i]!, m);
          else if (r.action === 'pass') {
            passed ??= new Int32Array(undecided.length);
            passed[i] = t.union(passed[i]!, m);
          }
        }
      }
    if (passed) for (let i = 0; i < undecided.length; i++) undecided[i] = t.union(undecided[i]!, passed[i]!);
  }
}
