import type { ConnEdge, K8sPeer } from './connlist.js';
import type { Reason } from './decide.js';
import type { PodConns } from './pod-conns.js';

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
