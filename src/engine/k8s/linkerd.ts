import { type MeshPolicy, PortSet } from '../../model/index.js';
import type { MtlsStatus } from './connlist.js';
import type { MeshView } from './mesh-view.js';
import type { Pod } from './pod.js';
import { PodConns } from './pod-conns.js';
import { selects } from './selectors.js';

type Obj = Readonly<Record<string, unknown>>;

export interface LinkerdVerdict {
  readonly conns: PodConns;
  readonly mtls: MtlsStatus[];
  readonly notes: string[];
}

const identity = (p: Pod) =>
  `${p.workload.serviceAccount ?? 'default'}.${p.namespace}.serviceaccount.identity.linkerd.cluster.local`;
const glob = (pattern: string, value: string) =>
  pattern === '*' || (pattern.startsWith('*.') ? value.endsWith(pattern.slice(1)) : pattern === value);

/** The ports of `dst` a Server covers: a number, or a container port name resolved on the pod. */
function serverPorts(server: MeshPolicy, dst: Pod): PodConns {
  const port = (server.rules[0] as Obj | undefined)?.port;
  if (typeof port === 'number') return PodConns.of('TCP', PortSet.of(port));
  let out = PodConns.none();
  for (const c of dst.workload.ports)
    if (c.name === port && c.protocol.toUpperCase() === 'TCP')
      out = out.union(PodConns.of('TCP', PortSet.of(c.port)));
  return out;
}

/**
 * Whether one authentication reference admits the client: MeshTLSAuthentication by identity or
 * service account (the client needs the proxy), a ServiceAccount directly, NetworkAuthentication by
 * client address (not in the inputs: assumed to admit, and said).
 */
function admits(
  mesh: MeshView,
  ns: string,
  ref: Obj,
  src: Pod,
  notes: string[],
): { ok: boolean; tls: boolean } {
  const kind = String(ref.kind ?? '');
  const refNs = typeof ref.namespace === 'string' ? ref.namespace : ns;
  const meshed = mesh.meshOf(src) === 'linkerd';
  if (kind === 'ServiceAccount')
    return { ok: meshed && src.namespace === refNs && src.workload.serviceAccount === ref.name, tls: true };
  const auth = mesh.of('linkerd', 'authentication').find((a) => a.name === ref.name && a.namespace === refNs);
  const rule = (auth?.rules[0] ?? {}) as Obj;
  if (kind === 'NetworkAuthentication') {
    notes.push(
      `NetworkAuthentication ${refNs}/${String(ref.name)} admits by client address, which the inputs do not give: assumed to admit`,
    );
    return { ok: true, tls: false };
  }
  const ids = Array.isArray(rule.identities) ? (rule.identities as string[]) : [];
  const refs = Array.isArray(rule.identityRefs) ? (rule.identityRefs as Obj[]) : [];
  const ok =
    meshed &&
    (ids.some((i) => glob(i, identity(src))) ||
      refs.some(
        (r) =>
          r.kind === 'ServiceAccount' &&
          r.name === src.workload.serviceAccount &&
          (r.namespace ?? refNs) === src.namespace,
      ));
  return { ok, tls: true };
}

/**
 * Linkerd inbound policy on a meshed destination (k8s-mesh §3, Linkerd): ports a Server covers are
 * refused unless an AuthorizationPolicy on that Server (or the namespace) has all its required
 * authentications met; other ports follow the default inbound policy (pod, then namespace annotation,
 * else all-unauthenticated). Two meshed pods always speak mTLS.
 */
export function linkerdInbound(mesh: MeshView, src: Pod, dst: Pod, conns: PodConns): LinkerdVerdict {
  const notes: string[] = [];
  const mtls: MtlsStatus[] = [];
  const srcMeshed = mesh.meshOf(src) === 'linkerd';
  let rest = conns;
  let out = PodConns.none();
  const servers = mesh
    .of('linkerd', 'server')
    .filter((s) => s.namespace === dst.namespace && s.selector && selects(s.selector, dst.labels));
  // Authorizations attached to routes (HTTPRoute, GRPCRoute) grant some requests on a Server's port;
  // routes are not modelled, so the port stays reachable and a note says it is limited per route.
  const perRoute = mesh
    .of('linkerd', 'authorization')
    .some((a) => a.namespace === dst.namespace && /Route$/.test(a.targetRef?.kind ?? ''));
  for (const s of servers) {
    const c = serverPorts(s, dst).intersect(rest);
    if (c.isEmpty()) continue;
    rest = rest.subtract(c);
    const authz = mesh
      .of('linkerd', 'authorization')
      .filter(
        (a) =>
          a.namespace === dst.namespace &&
          ((a.targetRef?.kind === 'Server' && a.targetRef.name === s.name) ||
            (a.targetRef?.kind === 'Namespace' && a.targetRef.name === dst.namespace)),
      );
    const results = authz.map((a) => {
      const refs = ((a.rules[0] as Obj | undefined)?.requiredAuthenticationRefs ?? []) as Obj[];
      const each = refs.map((r) => admits(mesh, dst.namespace, r, src, notes));
      return { ok: each.every((e) => e.ok), tls: each.some((e) => e.tls) };
    });
    let granted = results.find((r) => r.ok);
    if (!granted && perRoute) {
      notes.push(`Server ${s.id}: route-level AuthorizationPolicies (not modelled) may admit some requests`);
      granted = { ok: true, tls: false };
    }
    if (!granted) {
      notes.push(
        `Server ${s.id} refuses ${src.namespace}/${src.workload.name}: no AuthorizationPolicy admits it`,
      );
      continue;
    }
    out = out.union(c);
    mtls.push({
      conns: c,
      mode: granted.tls ? 'required' : 'optional',
      encrypted: srcMeshed,
      mesh: 'linkerd',
    });
  }
  if (!rest.isEmpty()) {
    const policy =
      dst.workload.annotations?.['config.linkerd.io/default-inbound-policy'] ??
      mesh.nsAnnotations(dst.namespace)['config.linkerd.io/default-inbound-policy'] ??
      'all-unauthenticated';
    if (policy === 'deny') notes.push(`default inbound policy deny on ${dst.namespace}/${dst.workload.name}`);
    else if (policy.endsWith('-authenticated') && !srcMeshed)
      notes.push(`default inbound policy ${policy} refuses clients without the Linkerd proxy`);
    else {
      out = out.union(rest);
      mtls.push({
        conns: rest,
        mode: policy.endsWith('-authenticated') ? 'required' : 'optional',
        encrypted: srcMeshed,
        mesh: 'linkerd',
      });
    }
  }
  return { conns: out, mtls, notes };
}
