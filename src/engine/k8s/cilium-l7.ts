import type { HttpRule } from '../../model/index.js';
import type { L7Constraint, L7Request } from './connlist.js';
import type { Side } from './decide.js';
import { ruleMatches } from './peers.js';
import { PodConns } from './pod-conns.js';
import { portsToward } from './rule-ports.js';
import type { ClusterView } from './view.js';

function request(h: HttpRule): L7Request {
  return {
    ...(h.method ? { methods: [h.method] } : {}),
    ...(h.path ? { paths: [h.path] } : {}),
    ...(h.host ? { hosts: [h.host] } : {}),
    ...(h.headers ? { headers: h.headers } : {}),
  };
}

/**
 * Cilium HTTP rules on one side of an edge (k8s-mesh §2): a port allowed by rules that all carry HTTP
 * rules is limited to requests matching one of them (the lists merge); a port that any rule allows at
 * L4 alone (a Cilium rule without `rules`, or a plain NetworkPolicy, which Cilium enforces too) has
 * no L7 limit, the L4 allow cancels the restriction.
 */
export function ciliumL7(view: ClusterView, side: Side, edge: PodConns): L7Constraint[] {
  let plain = PodConns.none();
  const limited: { conns: PodConns; http: readonly HttpRule[]; policy: string }[] = [];
  for (const p of view.applying(side.subject).networkPolicies)
    for (const r of p.rules) {
      if (r.direction !== side.direction || r.action !== 'allow' || !ruleMatches(view, r, side.other))
        continue;
      const c = portsToward(r.ports, side.dst);
      if (r.http && r.http.length > 0) limited.push({ conns: c, http: r.http, policy: p.id });
      else plain = plain.union(c);
    }
  const out: L7Constraint[] = [];
  for (const x of limited) {
    const c = x.conns.intersect(edge).subtract(plain);
    if (c.isEmpty()) continue;
    out.push({
      enforcedBy: 'cilium',
      effect: 'allow-only',
      conns: c,
      requests: x.http.map(request),
      policy: x.policy,
    });
  }
  return out;
}

/** Ports where some HTTP rule was written but an L4-only allow cancels it: the finding of k8s-mesh §7-10. */
export function cancelledL7(
  view: ClusterView,
  side: Side,
  edge: PodConns,
): { policy: string; conns: PodConns }[] {
  let plain = PodConns.none();
  const limited: { conns: PodConns; policy: string }[] = [];
  for (const p of view.applying(side.subject).networkPolicies)
    for (const r of p.rules) {
      if (r.direction !== side.direction || r.action !== 'allow' || !ruleMatches(view, r, side.other))
        continue;
      const c = portsToward(r.ports, side.dst);
      if (r.http && r.http.length > 0) limited.push({ conns: c, policy: p.id });
      else plain = plain.union(c);
    }
  return limited
    .map((x) => ({ policy: x.policy, conns: x.conns.intersect(edge).intersect(plain) }))
    .filter((x) => !x.conns.isEmpty());
}
