/**
 * Ingress analysis (netpol-analyzer's `{ingress-controller}` lines): an OpenShift Route or a
 * Kubernetes Ingress sends outside traffic, through the cluster's ingress controller, to the pods
 * its Services select. For each workload a route reaches, the TCP ports the route targets, kept where
 * the policies let an ingress controller pod in: one in `openshift-ingress-operator` and one in
 * `ingress-nginx`, with the namespace labels netpol-analyzer's ingress documentation lists, no pod
 * labels, and no address (ipBlocks never match it).
 */
import type { Estate, IngressBackend, IngressRoute, Service, Workload } from '../../model/index.js';
import { PortSet } from '../../model/index.js';
import { workloadPeer } from './connectivity.js';
import type { ConnEdge, Connlist, K8sPeer } from './connlist.js';
import { admitted } from './decide.js';
import type { Party } from './peers.js';
import { PodConns } from './pod-conns.js';
import { selects } from './selectors.js';
import type { ClusterView, Pod } from './view.js';

export const INGRESS_CONTROLLER: K8sPeer = {
  kind: 'ingress-controller',
  text: '{ingress-controller}',
  name: 'ingress-controller',
};

/** The supported controllers' namespaces and the labels a rule may select them by. */
const CONTROLLER_NAMESPACES: readonly { name: string; labels: Readonly<Record<string, string>> }[] = [
  {
    name: 'openshift-ingress-operator',
    labels: {
      'namespace.name': 'openshift-ingress-operator',
      'kubernetes.io/metadata.name': 'openshift-ingress-operator',
      'openshift.io/cluster-monitoring': 'true',
    },
  },
  { name: 'ingress-nginx', labels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
];

/**
 * The controller pods. Negative indices keep them apart from the view's pods in its per-pod cache;
 * a namespace the input declares adds its own labels.
 */
export function controllerPods(view: ClusterView, source: Workload['source']): Pod[] {
  return CONTROLLER_NAMESPACES.map((ns, i) => {
    const workload: Workload = {
      id: `k8s/${ns.name}/Pod/ingress-controller`,
      provider: 'kubernetes',
      name: 'ingress-controller',
      tags: {},
      source,
      kind: 'workload',
      clusterId: view.pods[0]?.workload.clusterId ?? 'default',
      namespace: ns.name,
      workloadKind: 'Pod',
      podLabels: {},
      ports: [],
      endpointIds: [],
      hostNetwork: false,
    };
    return {
      index: -1 - i,
      workload,
      namespace: ns.name,
      labels: {},
      nsLabels: { ...ns.labels, ...view.nsLabels(ns.name) },
    };
  });
}

/**
 * The pod ports a backend reaches on the Service's pods (netpol-analyzer): with no port, the target
 * port of every Service port; else the first Service port whose name, port or target port is the one
 * given. A target port not written is the port itself.
 */
export function targetPorts(svc: Service, port: IngressBackend['port']): (number | string)[] {
  const target = (p: Service['ports'][number]) => p.targetPort ?? p.port;
  if (port === undefined) return svc.ports.map(target);
  const p = svc.ports.find(
    (p) => (p.name !== undefined && p.name === port) || p.port === port || p.targetPort === port,
  );
  return p ? [target(p)] : [];
}

/** The TCP container ports of the workload among `ports` (numbers, or names it declares). */
function tcpPorts(w: Workload, ports: readonly (number | string)[]): PodConns {
  let set = PortSet.empty();
  for (const want of ports)
    for (const c of w.ports)
      if (
        c.protocol.toUpperCase() === 'TCP' &&
        (typeof want === 'string' ? c.name === want : c.port === want)
      )
        set = set.union(PortSet.of(c.port));
  return PodConns.of('TCP', set);
}

/** One backend of a route that reaches a pod: the route, the Service, and the TCP ports it asks for. */
export interface RouteTarget {
  readonly route: IngressRoute;
  readonly service: string;
  readonly pod: Pod;
  readonly conns: PodConns;
}

/** Every (route backend, pod) pair the routes reach, in input order. */
export function routeTargets(view: ClusterView, estate: Estate): RouteTarget[] {
  const out: RouteTarget[] = [];
  const clusterId = view.pods[0]?.workload.clusterId ?? 'default';
  const services = new Map<string, Service>();
  for (const s of estate.all('service'))
    if (s.clusterId === clusterId) services.set(`${s.namespace}/${s.name ?? s.id}`, s);
  for (const route of estate.all('ingress-route') as readonly IngressRoute[]) {
    if (route.clusterId !== clusterId) continue;
    for (const b of route.backends) {
      const svc = services.get(`${route.namespace}/${b.service}`);
      if (!svc?.selector) continue;
      const ports = targetPorts(svc, b.port);
      for (const pod of view.pods) {
        if (pod.namespace !== route.namespace || !selects(svc.selector, pod.labels)) continue;
        const conns = tcpPorts(pod.workload, ports);
        if (!conns.isEmpty()) out.push({ route, service: b.service, pod, conns });
      }
    }
  }
  return out;
}

/** What each workload's routes ask for: TCP ports by pod index. */
function routed(view: ClusterView, estate: Estate): Map<number, PodConns> {
  const out = new Map<number, PodConns>();
  for (const t of routeTargets(view, estate))
    out.set(t.pod.index, (out.get(t.pod.index) ?? PodConns.none()).union(t.conns));
  return out;
}

/**
 * `{ingress-controller} => workload` edges: what the routes ask for, kept where a controller pod's
 * egress and the workload's ingress both admit it. Empty when the input holds no Route or Ingress.
 */
export function ingressControllerEdges(view: ClusterView, estate: Estate): ConnEdge[] {
  const asked = routed(view, estate);
  if (asked.size === 0) return [];
  const source = (estate.all('ingress-route')[0] as IngressRoute).source;
  const controllers = controllerPods(view, source);
  const edges: ConnEdge[] = [];
  for (const [index, want] of asked) {
    const dst = view.pods[index]!;
    const to: Party = { kind: 'pod', pod: dst };
    let allowed = PodConns.none();
    for (const c of controllers) {
      const out = admitted(view, { subject: c, direction: 'egress', other: to, dst: to });
      const inn = admitted(view, {
        subject: dst,
        direction: 'ingress',
        other: { kind: 'pod', pod: c },
        dst: to,
      });
      allowed = allowed.union(out.intersect(inn));
    }
    const conns = want.intersect(allowed);
    if (!conns.isEmpty()) edges.push({ src: INGRESS_CONTROLLER, dst: workloadPeer(dst), conns });
  }
  return edges;
}

/** The map with the ingress controller's edges added (and the controller among the peers when it has any). */
export function withIngressController(view: ClusterView, estate: Estate, c: Connlist): Connlist {
  const edges = ingressControllerEdges(view, estate);
  if (edges.length === 0) return c;
  return { ...c, peers: [...c.peers, INGRESS_CONTROLLER], edges: [...c.edges, ...edges] };
}
