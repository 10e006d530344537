import type { Reason } from './decide.js';
import type { PairExplanation } from './pair-explanation.js';
import { PodConns } from './pod-conns.js';

/** What one side says about a set of connections: its verdict and the reasons that cover them. */
export interface SideAccount {
  readonly allowed: boolean;
  /** The side's reasons that cover these connections, in evaluation order. */
  readonly reasons: readonly Reason[];
}

/**
 * A maximal set of connections of one pair that both sides explain alike (netpol-analyzer's
 * `Allowed TCP:[80] due to ...` blocks). A side is absent when that end is outside the cluster.
 */
export interface ExplainGroup {
  readonly conns: PodConns;
  readonly allowed: boolean;
  readonly egress?: SideAccount;
  readonly ingress?: SideAccount;
}

/** The coarsest partition of `within` that no reason's connection set cuts. */
function atomsOf(within: PodConns, reasons: readonly Reason[]): PodConns[] {
  let atoms = within.isEmpty() ? [] : [within];
  for (const r of reasons) {
    const next: PodConns[] = [];
    for (const a of atoms) {
      const inside = a.intersect(r.conns);
      const outside = a.subtract(r.conns);
      if (!inside.isEmpty()) next.push(inside);
      if (!outside.isEmpty()) next.push(outside);
    }
    atoms = next;
  }
  return atoms;
}

/**
 * The reasons that cover `atom`. Of several rules of one NetworkPolicy that allow it, only the first
 * counts (netpol-analyzer names one rule per policy).
 */
function covering(reasons: readonly Reason[] | undefined, atom: PodConns): number[] {
  const out: number[] = [];
  const allowing = new Set<string>();
  (reasons ?? []).forEach((r, i) => {
    if (r.conns.intersect(atom).isEmpty()) return;
    if (r.tier === 'network-policy' && r.verdict === 'allowed' && r.policyName !== undefined) {
      if (allowing.has(r.policyName)) return;
      allowing.add(r.policyName);
    }
    out.push(i);
  });
  return out;
}

/** Allowed when some covering reason allows and none denies (a pass hands over to later reasons). */
function accountOf(reasons: readonly Reason[], picked: readonly number[]): SideAccount {
  const rs = picked.map((i) => reasons[i]!);
  const allowed = rs.some((r) => r.verdict === 'allowed') && !rs.some((r) => r.verdict === 'denied');
  return { allowed, reasons: rs };
}

/**
 * The pair's connections within `within` (all by default; one port under --focus-conn), cut into
 * groups of identical explanation on both sides, in order of first appearance.
 */
export function explainGroups(p: PairExplanation, within: PodConns = PodConns.all()): ExplainGroup[] {
  const atoms = atomsOf(within, [...(p.egress ?? []), ...(p.ingress ?? [])]);
  const groups = new Map<string, { conns: PodConns; e: number[]; i: number[] }>();
  for (const atom of atoms) {
    const e = covering(p.egress, atom);
    const i = covering(p.ingress, atom);
    const key = `${e.join(',')}|${i.join(',')}`;
    const g = groups.get(key);
    if (g) g.conns = g.conns.union(atom);
    else groups.set(key, { conns: atom, e, i });
  }
  return [...groups.values()].map((g) => {
    const egress = p.egress ? accountOf(p.egress, g.e) : undefined;
    const ingress = p.ingress ? accountOf(p.ingress, g.i) : undefined;
    return {
      conns: g.conns,
      allowed: (egress?.allowed ?? true) && (ingress?.allowed ?? true),
      ...(egress ? { egress } : {}),
      ...(ingress ? { ingress } : {}),
    };
  });
}

/** Whether a side (absent: an end outside the cluster) is decided only by the system default. */
export function bySystemDefault(side: SideAccount | undefined): boolean {
  return side === undefined || side.reasons.every((r) => r.tier === 'default' || r.tier === 'cni');
}
