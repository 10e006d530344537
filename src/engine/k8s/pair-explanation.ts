import type { ConnEdge, K8sPeer } from './connlist.js';
import { admitted, type Reason } from './decide.js';
import type { Party } from './peers.js';
import { PodConns } from './pod-conns.js';
import type { ClusterView } from './view.js';

/** Why a pair gets what it gets (`k8s connlist --explain`, issue #4 item 5). */
export interface PairExplanation {
  readonly src: K8sPeer;
  readonly dst: K8sPeer;
  /** What both sides admit at L3/L4. */
  readonly allowed: PodConns;
  /** Reasons of the source's egress side; absent when the source is outside the cluster. */
  readonly egress?: readonly Reason[];
  /** Reasons of the destination's ingress side; absent when the destination is outside the cluster. */
  readonly ingress?: readonly Reason[];
  /** The annotated edge (mesh, L7), when the pair has one. */
  readonly edge?: ConnEdge;
}

/** The explanation of one pair, from the same decision that computed the map (`admitted` with reasons). */
export function explainPair(
  view: ClusterView,
  src: Party,
  dst: Party,
  peers: { src: K8sPeer; dst: K8sPeer },
  edge?: ConnEdge,
): PairExplanation {
  const egress: Reason[] = [];
  const ingress: Reason[] = [];
  const out =
    src.kind === 'pod'
      ? admitted(view, { subject: src.pod, direction: 'egress', other: dst, dst }, egress)
      : PodConns.all();
  const inn =
    dst.kind === 'pod'
      ? admitted(view, { subject: dst.pod, direction: 'ingress', other: src, dst }, ingress)
      : PodConns.all();
  return {
    ...peers,
    allowed: out.intersect(inn),
    ...(src.kind === 'pod' ? { egress } : {}),
    ...(dst.kind === 'pod' ? { ingress } : {}),
    ...(edge ? { edge } : {}),
  };
}
