import { type PodProtocol, PortSet } from '../../model/index.js';
import type { ConnEdge, Connlist, K8sPeer } from './connlist.js';
import { PodConns } from './pod-conns.js';

/** The `--focus-*` options of `k8s connlist` (netpol-analyzer's list flags). */
export interface Focus {
  /** `name` or `ns/name`; lines where one of them is an end. */
  readonly workloads?: readonly string[];
  /** With workloads: the other end must be one of these. */
  readonly peers?: readonly string[];
  /** With workloads: `ingress` keeps lines into them, `egress` lines out of them. */
  readonly direction?: 'ingress' | 'egress';
  /** Keep pairs that allow this protocol and port. */
  readonly conn?: { readonly protocol: PodProtocol; readonly port: number };
}

/** Workloads by `name` or `ns/name`; the ingress controller by `ingress-controller`, as netpol-analyzer. */
function named(peer: K8sPeer, names: readonly string[]): boolean {
  if (peer.kind === 'ingress-controller') return names.includes('ingress-controller');
  if (peer.kind !== 'workload') return false;
  return names.some((n) => n === peer.name || n === `${peer.namespace}/${peer.name}`);
}

function keep(e: ConnEdge, f: Focus): boolean {
  if (f.conn && !e.conns.ports(f.conn.protocol).contains(f.conn.port)) return false;
  if (!f.workloads || f.workloads.length === 0) return true;
  const ends: [K8sPeer, K8sPeer][] = [];
  if (f.direction !== 'ingress') ends.push([e.src, e.dst]);
  if (f.direction !== 'egress') ends.push([e.dst, e.src]);
  return ends.some(
    ([mine, other]) =>
      named(mine, f.workloads!) && (!f.peers || f.peers.length === 0 || named(other, f.peers)),
  );
}

/** An unprotected workload stays when it is a focus workload and its direction is the focus one. */
function keepUnprotected(u: { workload: K8sPeer; direction: 'ingress' | 'egress' }, f: Focus): boolean {
  if (!f.workloads || f.workloads.length === 0) return true;
  return named(u.workload, f.workloads) && (f.direction === undefined || f.direction === u.direction);
}

/**
 * The map narrowed to the focus. With focus workloads, the peers (the nodes dot draws) are those
 * workloads and the workload ends of the lines kept; with a focus connection, each line holds just
 * that connection (netpol-analyzer's outputs).
 */
export function focusOn(c: Connlist, f: Focus): Connlist {
  const exposure = c.exposure && {
    egress: c.exposure.egress.filter((e) => keep(e, f)),
    ingress: c.exposure.ingress.filter((e) => keep(e, f)),
    ...(c.exposure.unprotected
      ? { unprotected: c.exposure.unprotected.filter((u) => keepUnprotected(u, f)) }
      : {}),
  };
  const only = f.conn && PodConns.of(f.conn.protocol, PortSet.of(f.conn.port));
  const edges = c.edges.filter((e) => keep(e, f)).map((e) => (only ? { ...e, conns: only } : e));
  const ends = new Set(edges.flatMap((e) => [e.src.text, e.dst.text]));
  const peers =
    f.workloads && f.workloads.length > 0
      ? c.peers.filter((p) => named(p, f.workloads!) || ends.has(p.text))
      : c.peers;
  return { peers, edges, ...(exposure ? { exposure } : {}) };
}
