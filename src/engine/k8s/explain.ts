import type { Estate } from '../../model/index.js';
import { workloadPeer } from './connectivity.js';
import type { Connlist, K8sPeer } from './connlist.js';
import { explainIngressController } from './explain-ingress.js';
import { externalAtoms, externalPeer } from './external.js';
import { type Focus, focusOn } from './focus.js';
import { explainPair, type PairExplanation } from './pair-explanation.js';

import type { Party } from './peers.js';
import type { ClusterView } from './view.js';

export type { PairExplanation } from './pair-explanation.js';

/**
 * Every pair the map speaks of, allowed or not (workload pairs, and workloads with each external
 * atom of the matching direction; with `estate`, the ingress controller and each workload its routes
 * reach), explained, then narrowed like the map by `focus`.
 */
export function explainAll(
  view: ClusterView,
  map: Connlist,
  focus?: Focus,
  estate?: Estate,
): PairExplanation[] {
  const peers = view.pods.map(workloadPeer);
  const edges = new Map(map.edges.map((e) => [`${e.src.text}\n${e.dst.text}`, e]));
  const out: PairExplanation[] = [];
  const add = (src: Party, dst: Party, sp: K8sPeer, dp: K8sPeer) =>
    out.push(explainPair(view, src, dst, { src: sp, dst: dp }, edges.get(`${sp.text}\n${dp.text}`)));
  const pod = (i: number): Party => ({ kind: 'pod', pod: view.pods[i]! });
  for (const s of view.pods)
    for (const d of view.pods) if (s !== d) add(pod(s.index), pod(d.index), peers[s.index]!, peers[d.index]!);
  for (const dir of ['egress', 'ingress'] as const)
    for (const atom of externalAtoms(view, dir)) {
      const ext: Party = { kind: 'external', range: atom.range };
      const peer: K8sPeer = externalPeer(atom);
      for (const p of view.pods)
        if (dir === 'egress') add(pod(p.index), ext, peers[p.index]!, peer);
        else add(ext, pod(p.index), peer, peers[p.index]!);
    }
  if (estate) out.push(...explainIngressController(view, estate, edges));
  if (!focus) return out;
  const pseudo: Connlist = {
    peers,
    edges: out.map((x) => ({ src: x.src, dst: x.dst, conns: x.edge?.conns ?? x.allowed })),
  };
  const kept = new Set(focusOn(pseudo, focus).edges.map((e) => `${e.src.text}\n${e.dst.text}`));
  return out.filter((x) => kept.has(`${x.src.text}\n${x.dst.text}`));
}
