import type { Direction, PodPolicy } from '../../model/index.js';
import { type Party, ruleMatches } from './peers.js';
import { PodConns } from './pod-conns.js';
import { portsToward } from './rule-ports.js';
import { inScope, selects } from './selectors.js';
import type { ClusterView, Pod } from './view.js';

export function appliesTo(p: PodPolicy, pod: Pod): boolean {
  return inScope(p.subject.namespaces, pod) && selects(p.subject.pods, pod.labels);
}

/** One side of a connection: the subject pod's egress (toward `other`) or ingress (from `other`). */
export interface Side {
  readonly subject: Pod;
  readonly direction: Direction;
  readonly other: Party;
  /** The destination of the connection, where named ports are looked up. */
  readonly dst: Party;
}

/**
 * First match in order over tiered rules (ANP by priority then written order; BANP in written order,
 * k8s-mesh §1.9). Returns what the tier allowed and what it passed on; the rest of `open` is denied
 * when `final`, else left undecided too.
 */
function firstMatch(
  view: ClusterView,
  policies: readonly PodPolicy[],
  side: Side,
  open: PodConns,
): { allowed: PodConns; undecided: PodConns } {
  let allowed = PodConns.none();
  let undecided = open;
  let passed = PodConns.none();
  for (const p of policies) {
    for (const r of p.rules) {
      if (r.direction !== side.direction || undecided.isEmpty()) continue;
      if (!ruleMatches(view, r, side.other)) continue;
      const m = portsToward(r.ports, side.dst).intersect(undecided);
      if (m.isEmpty()) continue;
      undecided = undecided.subtract(m);
      if (r.action === 'allow') allowed = allowed.union(m);
      else if (r.action === 'pass') passed = passed.union(m);
    }
  }
  return { allowed, undecided: undecided.union(passed) };
}

/**
 * What the subject's side admits (k8s-mesh §1.2-§1.3, §1.9, §2): the admin tier first (Allow and
 * Deny final, Pass skips to the next tier); then, if NetworkPolicy (or a Cilium policy) isolates the
 * pod in this direction, the union of their allow rules minus Cilium deny rules, final; otherwise the
 * baseline tier, then allow. A CNI that does not enforce policies admits everything (§1.1).
 */
export function admitted(view: ClusterView, side: Side): PodConns {
  if (!view.cni.enforcesNetworkPolicy) return PodConns.all();
  const applying = view.applying(side.subject);
  const admin = view.cni.supportsAdminNetworkPolicy
    ? firstMatch(view, applying.admin, side, PodConns.all())
    : { allowed: PodConns.none(), undecided: PodConns.all() };
  let rest = admin.undecided;
  if (rest.isEmpty()) return admin.allowed;
  let isolated = false;
  let allows = PodConns.none();
  let denies = PodConns.none();
  for (const p of applying.networkPolicies) {
    if (p.isolates.includes(side.direction)) isolated = true;
    for (const r of p.rules) {
      if (r.direction !== side.direction || !ruleMatches(view, r, side.other)) continue;
      const c = portsToward(r.ports, side.dst);
      if (r.action === 'deny') denies = denies.union(c);
      else allows = allows.union(c);
    }
  }
  rest = rest.subtract(denies);
  if (isolated) return admin.allowed.union(rest.intersect(allows));
  const baseline = view.cni.supportsAdminNetworkPolicy
    ? firstMatch(view, applying.baseline, side, rest)
    : { allowed: PodConns.none(), undecided: rest };
  return admin.allowed.union(baseline.allowed).union(baseline.undecided);
}
