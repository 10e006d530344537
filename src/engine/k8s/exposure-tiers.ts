/**
 * The tier order of `admitted` (k8s-mesh §1.9: admin policies by priority, first match; then the
 * NetworkPolicy tier, final when it isolates; then the baseline, then allow) over connections that
 * may hold unresolved named ports, for one side whose subject or other end is not a real pod: a
 * representative peer, or the whole cluster. The caller says which policies apply to the subject,
 * which rules name the other end and what a rule's ports mean there.
 */
import type { Direction, PodPolicy, PodPolicyRule } from '../../model/index.js';
import { NamedConns } from './named-conns.js';
import type { ClusterView } from './view.js';

export interface TierSide {
  readonly direction: Direction;
  applies(p: PodPolicy): boolean;
  names(rule: PodPolicyRule): boolean;
  ports(rule: PodPolicyRule): NamedConns;
}

/** First match over ordered rules; what is neither allowed nor denied (or is passed) stays open. */
function firstMatch(
  policies: readonly PodPolicy[],
  side: TierSide,
  open: NamedConns,
): { allowed: NamedConns; undecided: NamedConns } {
  let allowed = NamedConns.none();
  let undecided = open;
  let passed = NamedConns.none();
  for (const p of policies) {
    if (!side.applies(p)) continue;
    for (const r of p.rules) {
      if (r.direction !== side.direction || undecided.isEmpty() || !side.names(r)) continue;
      const m = side.ports(r).intersect(undecided);
      if (m.isEmpty()) continue;
      undecided = undecided.subtract(m);
      if (r.action === 'allow') allowed = allowed.union(m);
      else if (r.action === 'pass') passed = passed.union(m);
    }
  }
  return { allowed, undecided: undecided.union(passed) };
}

/** What one side admits, tier by tier, as `admitted` does for two real pods. */
export function tieredAdmits(view: ClusterView, side: TierSide): NamedConns {
  if (!view.cni.enforcesNetworkPolicy) return NamedConns.all();
  const anp = view.cni.supportsAdminNetworkPolicy;
  const admin = anp
    ? firstMatch(view.admin, side, NamedConns.all())
    : { allowed: NamedConns.none(), undecided: NamedConns.all() };
  let rest = admin.undecided;
  if (rest.isEmpty()) return admin.allowed;
  let isolated = false;
  let allows = NamedConns.none();
  let denies = NamedConns.none();
  for (const p of view.networkPolicies) {
    if (!side.applies(p)) continue;
    if (p.isolates.includes(side.direction)) isolated = true;
    for (const r of p.rules) {
      if (r.direction !== side.direction || !side.names(r)) continue;
      if (r.action === 'deny') denies = denies.union(side.ports(r));
      else allows = allows.union(side.ports(r));
    }
  }
  rest = rest.subtract(denies);
  if (isolated) return admin.allowed.union(rest.intersect(allows));
  const baseline = anp
    ? firstMatch(view.baseline, side, rest)
    : { allowed: NamedConns.none(), undecided: rest };
  return admin.allowed.union(baseline.allowed).union(baseline.undecided);
}

/**
 * Whether some policy protects the subject in a direction (netpol-analyzer's "protected"): a
 * NetworkPolicy that isolates it there, or an admin or baseline policy whose subject covers it and
 * that has rules in that direction. An unprotected workload is exposed to everything.
 */
export function isProtected(
  view: ClusterView,
  applies: (p: PodPolicy) => boolean,
  direction: Direction,
): boolean {
  if (!view.cni.enforcesNetworkPolicy) return false;
  if (view.networkPolicies.some((p) => applies(p) && p.isolates.includes(direction))) return true;
  if (!view.cni.supportsAdminNetworkPolicy) return false;
  return [...view.admin, ...view.baseline].some(
    (p) => applies(p) && p.rules.some((r) => r.direction === direction),
  );
}
