/**
 * Cilium HTTP rules that an L4-only allow on the same port cancels (k8s-mesh §2, §7-10). Judged on
 * the pod pairs that have an edge (both sides admit something), on the side whose policy carries the
 * HTTP rules; one finding per policy, workload and direction, naming the peers, the ports and the
 * policies whose L4-only rules cancel it.
 */
import type { Direction, PodPolicy } from '../../../model/index.js';
import { cancelledL7 } from '../cilium-l7.js';
import { admitted, type Side } from '../decide.js';
import { type Party, ruleMatches } from '../peers.js';
import type { Pod } from '../pod.js';
import { PodConns } from '../pod-conns.js';
import { portsToward } from '../rule-ports.js';
import type { ClusterView } from '../view.js';
import {
  byId,
  connsText,
  count,
  type FindingKind,
  finding,
  type K8sFinding,
  listText,
  policyText,
  sortedTexts,
  workloadText,
} from './finding.js';

export const L7_CANCELLED: FindingKind = {
  id: 'k8s-cilium-l7-cancelled',
  title: 'Cilium HTTP rules cancelled by an L4 allow',
  severity: 'medium',
  remediation:
    'Remove the L4-only allow on that port, or give it the same HTTP rules: an L4 allow on a port lifts every L7 restriction there.',
  references: [
    'k8s-mesh §2',
    'k8s-mesh §7-10',
    'https://docs.cilium.io/en/stable/security/policy/language/#layer-7-examples',
  ],
};

const hasHttp = (p: PodPolicy) => p.rules.some((r) => r.action === 'allow' && r.http && r.http.length > 0);

/** The policies whose L4-only allow rules open `conns` on this side: the ones that cancel. */
function cancellers(view: ClusterView, side: Side, conns: PodConns): PodPolicy[] {
  return view
    .applying(side.subject)
    .networkPolicies.filter((p) =>
      p.rules.some(
        (r) =>
          r.direction === side.direction &&
          r.action === 'allow' &&
          !(r.http && r.http.length > 0) &&
          ruleMatches(view, r, side.other) &&
          !portsToward(r.ports, side.dst).intersect(conns).isEmpty(),
      ),
    );
}

interface Group {
  readonly policy: PodPolicy;
  readonly subject: Pod;
  readonly direction: Direction;
  peers: string[];
  conns: PodConns;
  by: Set<PodPolicy>;
}

export function l7CancelledFindings(view: ClusterView): K8sFinding[] {
  if (!view.networkPolicies.some(hasHttp)) return [];
  const groups = new Map<string, Group>();
  for (const subject of view.pods)
    for (const direction of ['ingress', 'egress'] as const) {
      if (
        !view
          .applying(subject)
          .networkPolicies.some((p) => hasHttp(p) && p.rules.some((r) => r.direction === direction))
      )
        continue;
      for (const other of view.pods) {
        if (other === subject) continue;
        const [src, dst] = direction === 'ingress' ? [other, subject] : [subject, other];
        const pod = (p: Pod): Party => ({ kind: 'pod', pod: p });
        const edge = admitted(view, {
          subject: src,
          direction: 'egress',
          other: pod(dst),
          dst: pod(dst),
        }).intersect(admitted(view, { subject: dst, direction: 'ingress', other: pod(src), dst: pod(dst) }));
        if (edge.isEmpty()) continue;
        const side: Side = { subject, direction, other: pod(other), dst: pod(dst) };
        for (const c of cancelledL7(view, side, edge)) {
          const policy = view.networkPolicies.find((p) => p.id === c.policy);
          if (!policy) continue;
          const key = `${c.policy}\n${subject.index}\n${direction}`;
          const g = groups.get(key) ?? {
            policy,
            subject,
            direction,
            peers: [],
            conns: PodConns.none(),
            by: new Set(),
          };
          g.peers.push(workloadText(other));
          g.conns = g.conns.union(c.conns);
          for (const b of cancellers(view, side, c.conns)) g.by.add(b);
          groups.set(key, g);
        }
      }
    }
  return [...groups.values()].map((g) => {
    const w = workloadText(g.subject);
    const peers = sortedTexts(g.peers);
    const by = byId([...g.by]);
    const dir = g.direction === 'ingress' ? `ingress to ${w}` : `egress from ${w}`;
    return finding(
      L7_CANCELLED,
      [g.policy.id, w, ...by.map((p) => p.id)],
      `${policyText(g.policy)} limits ${dir} on ${connsText(g.conns)} to its HTTP rules, but an L4-only allow (${by.map(policyText).join(', ')}) opens ${connsText(g.conns)} too, so the HTTP rules have no effect for ${count(peers.length, 'peer')}: ${listText(peers)}`,
      g.policy.source,
      { direction: g.direction, conns: connsText(g.conns), peers, cancelledBy: by.map((p) => p.id) },
    );
  });
}
