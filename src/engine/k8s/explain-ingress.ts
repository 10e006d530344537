import type { Estate } from '../../model/index.js';
import { workloadPeer } from './connectivity.js';
import type { ConnEdge } from './connlist.js';
import type { Reason } from './decide.js';
import { controllerPods, INGRESS_CONTROLLER, type RouteTarget, routeTargets } from './ingress-controller.js';
import { explainPair, type PairExplanation } from './pair-explanation.js';
import type { Party } from './peers.js';
import { PodConns } from './pod-conns.js';
import type { ClusterView, Pod } from './view.js';

/** The route reasons of one workload: what each backend asks for, and that it asks for nothing else. */
function routeReasons(targets: readonly RouteTarget[]): Reason[] {
  const want = targets.reduce((a, t) => a.union(t.conns), PodConns.none());
  const rest = PodConns.all().subtract(want);
  const reason = (t: RouteTarget, conns: PodConns, verdict: 'allowed' | 'denied'): Reason => ({
    conns,
    verdict,
    tier: 'route',
    policies: [t.route.id],
    policyName: `${t.route.namespace}/${t.route.name ?? t.route.id}`,
    rule: t.service,
    routeKind: t.route.routeKind,
  });
  return [
    ...targets.map((t) => reason(t, t.conns, 'allowed')),
    ...(rest.isEmpty() ? [] : targets.map((t) => reason(t, rest, 'denied'))),
  ];
}

function explainOne(
  view: ClusterView,
  controllers: readonly Pod[],
  pod: Pod,
  targets: readonly RouteTarget[],
  edge: ConnEdge | undefined,
): PairExplanation {
  const to: Party = { kind: 'pod', pod };
  const want = targets.reduce((a, t) => a.union(t.conns), PodConns.none());
  const decide = (c: Pod) => {
    const e = explainPair(view, { kind: 'pod', pod: c }, to, {
      src: INGRESS_CONTROLLER,
      dst: workloadPeer(pod),
    });
    return { egress: e.egress ?? [], ingress: e.ingress ?? [], allowed: e.allowed.intersect(want) };
  };
  // The map unions the controller pods; the explanation speaks of the first that gets something.
  const all = controllers.map(decide);
  const chosen = all.find((d) => !d.allowed.isEmpty()) ?? all[0]!;
  return {
    src: INGRESS_CONTROLLER,
    dst: workloadPeer(pod),
    allowed: all.reduce((a, d) => a.union(d.allowed), PodConns.none()),
    egress: chosen.egress,
    ingress: [...chosen.ingress, ...routeReasons(targets)],
    ...(edge ? { edge } : {}),
  };
}

/**
 * `{ingress-controller} => workload` pairs, explained: the controller pod's egress, the workload's
 * ingress from it, then what the routes ask for. Empty when the input holds no Route or Ingress.
 */
export function explainIngressController(
  view: ClusterView,
  estate: Estate,
  edges: ReadonlyMap<string, ConnEdge>,
): PairExplanation[] {
  const targets = routeTargets(view, estate);
  const first = targets[0];
  if (!first) return [];
  const controllers = controllerPods(view, first.route.source);
  const byPod = new Map<Pod, RouteTarget[]>();
  for (const t of targets) byPod.set(t.pod, [...(byPod.get(t.pod) ?? []), t]);
  return [...byPod].map(([pod, ts]) =>
    explainOne(
      view,
      controllers,
      pod,
      ts,
      edges.get(`${INGRESS_CONTROLLER.text}\n${workloadPeer(pod).text}`),
    ),
  );
}
