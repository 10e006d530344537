import { type Estate, IpSet } from '../../model/index.js';
import { ciliumL7 } from './cilium-l7.js';
import { workloadPeer } from './connectivity.js';
import type { ConnEdge, Connlist, L7Constraint, MtlsStatus } from './connlist.js';
import { istioAuthz } from './istio-authz.js';
import { istioMtls } from './istio-mtls.js';
import { linkerdInbound } from './linkerd.js';
import { MeshView } from './mesh-view.js';
import type { Party } from './peers.js';
import type { Pod } from './pod.js';
import type { ClusterView } from './view.js';

/**
 * Workload-to-workload edges with what the layers above L4 add (k8s-mesh §3.4): Cilium HTTP rules on
 * either side; then, when a mesh is configured, mTLS (ports a STRICT server refuses to a plaintext
 * client are taken out, with a note) and the destination's authorization (Istio or Linkerd), which can
 * narrow the ports or limit them to some requests. Edges left with nothing are dropped. Without
 * Cilium L7 rules or a mesh the map is returned as it is.
 */
export function annotateEdges(view: ClusterView, estate: Estate, c: Connlist): Connlist {
  const mesh = new MeshView(estate, view);
  const meshOn = mesh.configured;
  const hasL7 = view.networkPolicies.some((p) => p.rules.some((r) => r.http && r.http.length > 0));
  if (!meshOn && !hasL7) return c;
  const pods = new Map<string, Pod>(view.pods.map((p) => [workloadPeer(p).text, p]));
  const edges: ConnEdge[] = [];
  for (const e of c.edges) {
    const dst = e.dst.kind === 'workload' ? pods.get(e.dst.text) : undefined;
    // From outside the cluster the client has no sidecar and no identity: the mesh still judges it.
    const outside =
      e.src.kind === 'external' && e.src.name !== undefined ? IpSet.tryParse(e.src.name) : undefined;
    const range = typeof outside === 'string' ? undefined : outside;
    const src =
      e.src.kind === 'workload' ? pods.get(e.src.text) : range && dst ? mesh.outsider(e.src.text) : undefined;
    if (!src || !dst) {
      edges.push(e);
      continue;
    }
    const client: Party = range ? { kind: 'external', range } : { kind: 'pod', pod: src };
    const server: Party = { kind: 'pod', pod: dst };
    let conns = e.conns;
    const l7: L7Constraint[] = [];
    const mtls: MtlsStatus[] = [];
    const notes: string[] = [];
    if (hasL7) {
      if (!range)
        l7.push(...ciliumL7(view, { subject: src, direction: 'egress', other: server, dst: server }, conns));
      l7.push(...ciliumL7(view, { subject: dst, direction: 'ingress', other: client, dst: server }, conns));
    }
    // Between two pods without a proxy the mesh has nothing to say (and nothing to add to the edge).
    if (meshOn && (mesh.meshOf(src) !== undefined || mesh.meshOf(dst) !== undefined)) {
      if (mesh.meshOf(dst) === 'linkerd') {
        const v = linkerdInbound(mesh, src, dst, conns);
        conns = v.conns;
        mtls.push(...v.mtls);
        notes.push(...v.notes);
      } else {
        for (const v of istioMtls(mesh, src, dst, conns)) {
          if (v.fails) {
            conns = conns.subtract(v.status.conns);
            notes.push(`refused: ${v.fails}`);
          } else mtls.push(v.status);
        }
        if (mesh.meshOf(dst) === 'istio' && !conns.isEmpty()) {
          const a = istioAuthz(mesh, src, dst, conns, mtls.length > 0 && mtls.every((m) => m.encrypted));
          conns = a.conns;
          l7.push(...a.l7);
          notes.push(...a.notes);
        }
      }
    }
    if (conns.isEmpty()) continue;
    const kept = l7.map((x) => ({ ...x, conns: x.conns.intersect(conns) })).filter((x) => !x.conns.isEmpty());
    const status = mtls
      .map((m) => ({ ...m, conns: m.conns.intersect(conns) }))
      .filter((m) => !m.conns.isEmpty());
    edges.push({
      ...e,
      conns,
      ...(kept.length > 0 ? { l7: kept } : {}),
      ...(status.length > 0 ? { mtls: status } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    });
  }
  return { ...c, edges };
}
