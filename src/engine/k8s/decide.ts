import type { Direction, PodPolicy } from '../../model/index.js';
import { type Isolation, isolationOf, policyNameOf, ruleNumberOf } from './isolation.js';
import { type Party, ruleMatches } from './peers.js';
import { PodConns } from './pod-conns.js';
import { portsToward } from './rule-ports.js';

import type { ClusterView, Pod } from './view.js';

/** One side of a connection: the subject pod's egress (toward `other`) or ingress (from `other`). */
export interface Side {
  readonly subject: Pod;
  readonly direction: Direction;
  readonly other: Party;
  /** The destination of the connection, where named ports are looked up. */
  readonly dst: Party;
}

/**
 * Why part of a side was decided (k8s-mesh §1.9 tiers): which tier, policy and rule, and for which
 * connections. `denied` without a rule means "isolated, and no rule allows it".
 */
export interface Reason {
  readonly conns: PodConns;
  readonly verdict: 'allowed' | 'denied' | 'passed';
  /** `route`: what an OpenShift Route or Ingress asks of the workload (ingress controller pairs). */
  readonly tier: 'cni' | 'admin' | 'network-policy' | 'baseline' | 'default' | 'route';
  readonly policies?: readonly string[];
  readonly rule?: string;
  /** The deciding policy as netpol-analyzer names it: `ns/name` for a namespaced policy, else `name`. */
  readonly policyName?: string;
  /** NetworkPolicy tier: the rule's position among its policy's rules of this direction, from 1. */
  readonly ruleNumber?: number;
  /** A refusal by isolation: what each isolating policy's rules of this direction did with the peer. */
  readonly isolation?: readonly Isolation[];
  /** Route tier: the kind of the routing object (`rule` is then the Service it routes to). */
  readonly routeKind?: 'Route' | 'Ingress';
}

/**
 * First match in order over tiered rules (ANP by priority then written order; BANP in written order,
 * k8s-mesh §1.9). Returns what the tier allowed, and what it left undecided or passed on (Pass skips
 * the remaining admin rules); the rest was denied.
 */
function firstMatch(
  view: ClusterView,
  tier: 'admin' | 'baseline',
  policies: readonly PodPolicy[],
  side: Side,
  open: PodConns,
  why: Reason[] | undefined,
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
      why?.push({
        conns: m,
        verdict: r.action === 'allow' ? 'allowed' : r.action === 'pass' ? 'passed' : 'denied',
        tier,
        policies: [p.id],
        rule: r.name ?? r.id,
        policyName: policyNameOf(p),
      });
    }
  }
  return { allowed, undecided: undecided.union(passed) };
}

/**
 * What the subject's side admits (k8s-mesh §1.2-§1.3, §1.9, §2): the admin tier first (Allow and
 * Deny final, Pass skips to the next tier); then, if NetworkPolicy (or a Cilium policy) isolates the
 * pod in this direction, the union of their allow rules minus Cilium deny rules, final; otherwise the
 * baseline tier, then allow. A CNI that does not enforce policies admits everything (§1.1). With
 * `why`, the reasons are recorded there, in evaluation order.
 */
export function admitted(view: ClusterView, side: Side, why?: Reason[]): PodConns {
  if (!view.cni.enforcesNetworkPolicy) {
    why?.push({ conns: PodConns.all(), verdict: 'allowed', tier: 'cni' });
    return PodConns.all();
  }
  const applying = view.applying(side.subject);
  const admin = view.cni.supportsAdminNetworkPolicy
    ? firstMatch(view, 'admin', applying.admin, side, PodConns.all(), why)
    : { allowed: PodConns.none(), undecided: PodConns.all() };
  let rest = admin.undecided;
  if (rest.isEmpty()) return admin.allowed;
  const isolating = applying.networkPolicies.filter((p) => p.isolates.includes(side.direction));
  let allows = PodConns.none();
  let denies = PodConns.none();
  for (const p of applying.networkPolicies) {
    for (const r of p.rules) {
      if (r.direction !== side.direction || !ruleMatches(view, r, side.other)) continue;
      const c = portsToward(r.ports, side.dst);
      if (r.action === 'deny') denies = denies.union(c);
      else allows = allows.union(c);
      const part = c.intersect(rest);
      // Allows only explain something where the pod is isolated; denies always do.
      if (why && !part.isEmpty() && (r.action === 'deny' || isolating.length > 0))
        why.push({
          conns: part,
          verdict: r.action === 'deny' ? 'denied' : 'allowed',
          tier: 'network-policy',
          policies: [p.id],
          rule: r.id,
          policyName: policyNameOf(p),
          ruleNumber: ruleNumberOf(r),
        });
    }
  }
  rest = rest.subtract(denies);
  if (isolating.length > 0) {
    const refused = rest.subtract(allows);
    if (why && !refused.isEmpty())
      why.push({
        conns: refused,
        verdict: 'denied',
        tier: 'network-policy',
        policies: isolating.map((p) => p.id),
        isolation: isolating.map((p) => isolationOf(view, p, side)),
      });
    return admin.allowed.union(rest.intersect(allows));
  }
  const baseline = view.cni.supportsAdminNetworkPolicy
    ? firstMatch(view, 'baseline', applying.baseline, side, rest, why)
    : { allowed: PodConns.none(), undecided: rest };
  if (why && !baseline.undecided.isEmpty())
    why.push({ conns: baseline.undecided, verdict: 'allowed', tier: 'default' });
  return admin.allowed.union(baseline.allowed).union(baseline.undecided);
}
