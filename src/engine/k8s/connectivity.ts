import type { ConnEdge, Connlist, K8sPeer } from './connlist.js';
import { ConnsTable } from './conns-table.js';
import { admitted } from './decide.js';
import { type ExternalAtom, externalAtoms, externalPeer } from './external.js';
import type { Party } from './peers.js';
import { PodMap } from './pod-map.js';
import type { ClusterView, Pod } from './view.js';

export function workloadPeer(pod: Pod): K8sPeer {
  const w = pod.workload;
  // In a pod-level view each imported pod is its own end, named as a bare Pod is.
  const name = pod.podName ?? w.name ?? w.id;
  const kind = pod.podName ? 'Pod' : w.workloadKind;
  return {
    kind: 'workload',
    text: `${pod.namespace}/${name}[${kind}]`,
    namespace: pod.namespace,
    name,
    workloadKind: kind,
  };
}

/**
 * The connectivity map (k8s-mesh §1.3): for every ordered pair of distinct workloads, what the
 * source's egress side and the destination's ingress side both admit; for every external atom, what a
 * workload may open to it and what it may open to a workload. Pairs with nothing allowed are left out,
 * as are self pairs (a pod always reaches itself).
 */
export function connectivityOf(view: ClusterView): Connlist {
  const edges: ConnEdge[] = [];
  const peers = view.pods.map(workloadPeer);
  const pod = (p: Pod): Party => ({ kind: 'pod', pod: p });
  const map = new PodMap(view);
  for (const src of view.pods)
    for (const dst of view.pods) {
      if (src === dst) continue;
      const id = map.conns(src.index, dst.index);
      if (id !== ConnsTable.NONE)
        edges.push({ src: peers[src.index]!, dst: peers[dst.index]!, conns: map.table.get(id) });
    }
  const external = (atom: ExternalAtom): { party: Party; peer: K8sPeer } => ({
    party: { kind: 'external', range: atom.range },
    peer: externalPeer(atom),
  });
  for (const atom of externalAtoms(view, 'egress')) {
    const { party, peer } = external(atom);
    for (const p of view.pods) {
      const out = admitted(view, { subject: p, direction: 'egress', other: party, dst: party });
      if (!out.isEmpty()) edges.push({ src: peers[p.index]!, dst: peer, conns: out });
    }
  }
  for (const atom of externalAtoms(view, 'ingress')) {
    const { party, peer } = external(atom);
    for (const p of view.pods) {
      const inn = admitted(view, { subject: p, direction: 'ingress', other: party, dst: pod(p) });
      if (!inn.isEmpty()) edges.push({ src: peer, dst: peers[p.index]!, conns: inn });
    }
  }
  return { peers, edges };
}
