/**
 * Exposure analysis (`k8s connlist --exposure`, k8s-mesh §1.8 and §4.1): for each workload and
 * direction, what it may exchange with pods that are not in the input.
 *
 * - A workload no policy protects in a direction (no NetworkPolicy isolates it, no admin or baseline
 *   policy with rules in that direction selects it) is exposed to `entire-cluster` on everything,
 *   and listed as not protected.
 * - A protected workload is exposed to `entire-cluster` on what its policies allow from, or to, any
 *   pod anywhere: rules with no peers or a peer selecting every namespace and every pod, evaluated
 *   through the policy tiers like any other connection.
 * - And to each representative peer (`representative.ts`) on what both sides admit, unless that is
 *   exactly its `entire-cluster` exposure (or nothing, when there is none): a representative an
 *   admin policy cuts out of the entire-cluster exposure gets its own, smaller, line.
 * - A workload that shows up at all also shows its lines with external addresses from the map.
 */
import { type Direction, type PodPolicy, PortSet } from '../../model/index.js';
import { workloadPeer } from './connectivity.js';
import type { ConnEdge, Connlist, ExposureSection, K8sPeer } from './connlist.js';
import { portsFor, UNKNOWN_TARGET } from './exposure-ports.js';
import { isProtected, type TierSide, tieredAdmits } from './exposure-tiers.js';
import type { Focus } from './focus.js';
import { NamedConns } from './named-conns.js';
import { ruleMatches } from './peers.js';
import { PodConns } from './pod-conns.js';
import {
  appliesToRepresentative,
  namesEntireCluster,
  type Representative,
  representatives,
  ruleNamesRepresentative,
} from './representative.js';
import type { ClusterView, Pod } from './view.js';

export const ENTIRE_CLUSTER: K8sPeer = { kind: 'entire-cluster', text: 'entire-cluster' };

const applying = new WeakMap<Pod, (p: PodPolicy) => boolean>();

/** Whether a policy selects `w`, from the view's per-pod list (computed once) instead of every policy. */
function applyingTo(view: ClusterView, w: Pod): (p: PodPolicy) => boolean {
  let f = applying.get(w);
  if (!f) {
    const a = view.applying(w);
    const mine = new Set<PodPolicy>([...a.admin, ...a.networkPolicies, ...a.baseline]);
    f = (p) => mine.has(p);
    applying.set(w, f);
  }
  return f;
}

/** One exposure line: the workload, the peer beyond the input, and the connections. */
interface Item {
  readonly peer: K8sPeer;
  readonly conns: NamedConns;
}

/** What the workload's own policies allow with every pod anywhere in one direction. */
function entireCluster(view: ClusterView, w: Pod, direction: Direction): NamedConns {
  return tieredAdmits(view, {
    direction,
    applies: applyingTo(view, w),
    names: (r) => r.peers.some(namesEntireCluster),
    // egress: no destination to resolve names on; ingress: the workload is the destination
    ports: (r) =>
      portsFor(r.ports, direction === 'egress' ? UNKNOWN_TARGET : { kind: 'pod-or-name', pod: w }),
  });
}

/**
 * What `w` and the representative both admit: `w => rep` for egress, `rep => w` for ingress. Named
 * ports resolve on `w` when it is the destination and stay names when the representative is.
 */
function withRepresentative(
  view: ClusterView,
  w: Pod,
  rep: Representative,
  direction: Direction,
): NamedConns {
  const target = direction === 'egress' ? UNKNOWN_TARGET : ({ kind: 'pod', pod: w } as const);
  const own: TierSide = {
    direction,
    applies: applyingTo(view, w),
    names: (r) => ruleNamesRepresentative(r, rep),
    ports: (r) => portsFor(r.ports, target),
  };
  const mine = tieredAdmits(view, own);
  if (mine.isEmpty()) return mine;
  const theirs = tieredAdmits(view, {
    direction: direction === 'egress' ? 'ingress' : 'egress',
    applies: (p) => appliesToRepresentative(p, rep),
    names: (r) => ruleMatches(view, r, { kind: 'pod', pod: w }),
    ports: (r) => portsFor(r.ports, target),
  });
  return mine.intersect(theirs);
}

type FocusConn = NonNullable<Focus['conn']>;

const has = (c: NamedConns, f: FocusConn) => c.conns.ports(f.protocol).contains(f.port);

/**
 * The exposure lines of one workload in one direction; `unprotected` when no policy protects it.
 * With a focus connection (netpol-analyzer's `--focus-conn`) only that connection counts: the
 * entire-cluster line when it holds it, a representative line when the representative gets it but
 * the entire cluster does not.
 */
function itemsOf(
  view: ClusterView,
  w: Pod,
  reps: readonly Representative[],
  direction: Direction,
  focus: FocusConn | undefined,
): { items: Item[]; unprotected: boolean } {
  if (!isProtected(view, applyingTo(view, w), direction))
    return { items: [{ peer: ENTIRE_CLUSTER, conns: NamedConns.all() }], unprotected: true };
  const items: Item[] = [];
  const wide = entireCluster(view, w, direction);
  if (focus) {
    const only = NamedConns.of(PodConns.of(focus.protocol, PortSet.of(focus.port)));
    if (has(wide, focus)) items.push({ peer: ENTIRE_CLUSTER, conns: only });
    else
      for (const rep of reps)
        if (has(withRepresentative(view, w, rep, direction), focus))
          items.push({ peer: rep.peer, conns: only });
    return { items, unprotected: false };
  }
  if (!wide.isEmpty()) items.push({ peer: ENTIRE_CLUSTER, conns: wide });
  for (const rep of reps) {
    const conns = withRepresentative(view, w, rep, direction);
    // Same as entire-cluster: nothing to add. Less (an admin Deny, say): the line tells that this
    // peer is cut out of the entire-cluster exposure, even as `No Connections`.
    if (wide.isEmpty() ? conns.isEmpty() : conns.equals(wide)) continue;
    items.push({ peer: rep.peer, conns });
  }
  return { items, unprotected: false };
}

const edgeOf = (src: K8sPeer, dst: K8sPeer, c: NamedConns): ConnEdge => ({
  src,
  dst,
  conns: c.conns,
  ...(c.names.length > 0 ? { named: c.names } : {}),
});

const NONE = { items: [] as Item[], unprotected: false };

/**
 * The exposure section of a connectivity map computed from the same view. Lines with external
 * addresses are taken from the map's edges (with the focus connection, those holding it), for the
 * workloads that have some other exposure line. With a focus, only its workloads and direction are
 * looked at, as netpol-analyzer does; `focusOn` then narrows the section like the map.
 */
export function exposureSectionOf(view: ClusterView, connlist: Connlist, focus: Focus = {}): ExposureSection {
  const reps = representatives(view);
  const egress: ConnEdge[] = [];
  const ingress: ConnEdge[] = [];
  const unprotected: { workload: K8sPeer; direction: Direction }[] = [];
  const focused = (p: K8sPeer) =>
    !focus.workloads?.length || focus.workloads.some((n) => n === p.name || n === `${p.namespace}/${p.name}`);
  const external = (e: ConnEdge) =>
    !focus.conn || e.conns.ports(focus.conn.protocol).contains(focus.conn.port);
  // The map's external lines of each workload, in map order, found once.
  const outside = { egress: new Map<string, ConnEdge[]>(), ingress: new Map<string, ConnEdge[]>() };
  const add = (m: Map<string, ConnEdge[]>, key: string, e: ConnEdge) => {
    const list = m.get(key);
    if (list) list.push(e);
    else m.set(key, [e]);
  };
  for (const e of connlist.edges) {
    if (!external(e)) continue;
    if (e.dst.kind === 'external') add(outside.egress, e.src.text, e);
    else if (e.src.kind === 'external') add(outside.ingress, e.dst.text, e);
  }
  for (const w of view.pods) {
    const me = workloadPeer(w);
    if (!focused(me)) continue;
    const out = focus.direction === 'ingress' ? NONE : itemsOf(view, w, reps, 'egress', focus.conn);
    const inn = focus.direction === 'egress' ? NONE : itemsOf(view, w, reps, 'ingress', focus.conn);
    if (out.items.length === 0 && inn.items.length === 0) continue;
    for (const i of out.items) egress.push(edgeOf(me, i.peer, i.conns));
    for (const i of inn.items) ingress.push(edgeOf(i.peer, me, i.conns));
    if (out.unprotected) unprotected.push({ workload: me, direction: 'egress' });
    if (inn.unprotected) unprotected.push({ workload: me, direction: 'ingress' });
    if (focus.direction !== 'ingress') egress.push(...(outside.egress.get(me.text) ?? []));
    if (focus.direction !== 'egress') ingress.push(...(outside.ingress.get(me.text) ?? []));
  }
  return { egress, ingress, unprotected };
}
