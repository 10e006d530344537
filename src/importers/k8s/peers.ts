import type { PodPeer, PodPolicyRule } from '../../model/index.js';

/** An empty from/to list: every pod and every address (k8s-mesh §1.4). */
export const ANY_PEER: PodPeer = Object.freeze({ kind: 'any' });

/**
 * What stands for a peer that was invalid and dropped (its diagnostic already given). In an allow rule
 * nothing: the rule matches less, never more. In a deny or pass rule an `unsupported` peer, which the
 * engine treats as matching everything (fail closed, as ANP prescribes for peers it cannot read).
 */
export function droppedPeer(action: PodPolicyRule['action'], what: string): PodPeer | undefined {
  return action === 'allow' ? undefined : { kind: 'unsupported', what };
}
