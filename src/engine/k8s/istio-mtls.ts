import { type MeshPolicy, PortSet } from '../../model/index.js';
import type { MtlsStatus } from './connlist.js';
import { ISTIO_ROOT, type MeshView } from './mesh-view.js';
import type { Pod } from './pod.js';
import { PodConns } from './pod-conns.js';
import { byCodeUnitOrder } from './selector-text.js';
import { selects } from './selectors.js';

type Mode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

const byId = (a: MeshPolicy, b: MeshPolicy) => byCodeUnitOrder(a.id, b.id);

/**
 * The PeerAuthentication levels that apply to a pod, most specific first (k8s-mesh §3.1): workload
 * (selector in its namespace), namespace (no selector), mesh (root namespace, no selector). Several at
 * one level: Istio keeps the oldest; without timestamps the first by name stands in.
 */
function levels(mesh: MeshView, pod: Pod): (MeshPolicy | undefined)[] {
  const pas = [...mesh.of('istio', 'peer-authentication')].sort(byId);
  return [
    pas.find((p) => p.namespace === pod.namespace && p.selector && selects(p.selector, pod.labels)),
    pas.find((p) => p.namespace === pod.namespace && !p.selector),
    pas.find((p) => p.namespace === ISTIO_ROOT && !p.selector),
  ];
}

/** The server mode on one port: port-level (workload policies only), else inherited upward; default PERMISSIVE. */
function modeOn(
  levelsOf: (MeshPolicy | undefined)[],
  port: number | undefined,
): { mode: Mode; policy?: string } {
  for (const [i, pa] of levelsOf.entries()) {
    if (!pa) continue;
    const m = (i === 0 && port !== undefined ? pa.portMtls?.[String(port)] : undefined) ?? pa.mtlsMode;
    if (m && m !== 'UNSET') return { mode: m, policy: pa.id };
  }
  return { mode: 'PERMISSIVE' };
}

/** The server mode of an Istio pod on a port (or its default), and the PeerAuthentication that set it. */
export function serverMode(mesh: MeshView, pod: Pod, port?: number): { mode: Mode; policy?: string } {
  return modeOn(levels(mesh, pod), port);
}

/** TLS modes a DestinationRule sets for clients of `dst` on a container port (k8s-mesh §3.2). */
function clientTls(mesh: MeshView, dst: Pod, port: number | undefined): { mode?: string; policy?: string } {
  const services = mesh.servicesOf(dst);
  const hosts = new Set<string>();
  for (const s of services)
    for (const h of [s.name ?? '', `${s.name}.${s.namespace}`, `${s.name}.${s.namespace}.svc.cluster.local`])
      hosts.add(h);
  const matches = (host: string) =>
    hosts.has(host) ||
    host === '*' ||
    (host.startsWith('*.') && [...hosts].some((h) => h.endsWith(host.slice(1))));
  const drs = mesh
    .of('istio', 'destination-rule')
    .filter((d) => d.host !== undefined && matches(d.host))
    .sort((a, b) => (b.host?.length ?? 0) - (a.host?.length ?? 0) || byId(a, b));
  const dr = drs[0];
  if (!dr) return {};
  const rule = dr.rules[0] as
    | { tlsMode?: string; portLevel?: { port: number; tlsMode: string }[] }
    | undefined;
  // Port-level settings name the service port; map it to the container port it targets.
  const servicePorts = services.flatMap((s) =>
    s.ports.filter((p) => p.targetPort === port || p.port === port).map((p) => p.port),
  );
  const level = rule?.portLevel?.find((l) => l.port === port || servicePorts.includes(l.port));
  const mode = level?.tlsMode ?? rule?.tlsMode;
  return mode ? { mode, policy: dr.id } : {};
}

export interface MtlsVerdict {
  readonly status: MtlsStatus;
  /** Set when the combination fails: the ports are not reachable, and this says why. */
  readonly fails?: string;
}

/**
 * mTLS between `src` and an Istio (or plain) destination on `conns`, per group of ports that the
 * server's port-level settings single out (k8s-mesh §3.1-§3.2, §7-10). Auto mTLS: a client with a
 * sidecar and no DestinationRule TLS sends mTLS to servers with a sidecar, following their mode.
 */
export function istioMtls(mesh: MeshView, src: Pod, dst: Pod, conns: PodConns): MtlsVerdict[] {
  const dstMeshed = mesh.meshOf(dst) === 'istio';
  const srcMeshed = mesh.meshOf(src) === 'istio';
  const lv = levels(mesh, dst);
  const listed = dstMeshed
    ? Object.keys(lv[0]?.portMtls ?? {})
        .map(Number)
        .filter((n) => Number.isInteger(n))
    : [];
  const groups: { conns: PodConns; port: number | undefined }[] = [];
  let rest = conns;
  for (const port of listed) {
    const one = conns.intersect(PodConns.of('TCP', PortSet.of(port)));
    if (one.isEmpty()) continue;
    groups.push({ conns: one, port });
    rest = rest.subtract(one);
  }
  if (!rest.isEmpty()) groups.push({ conns: rest, port: singlePort(rest) });
  return groups.map(({ conns: c, port }) => {
    const server = dstMeshed ? modeOn(lv, port) : undefined;
    const tls = clientTls(mesh, dst, port);
    const forced = tls.mode === 'ISTIO_MUTUAL' || tls.mode === 'MUTUAL';
    const sendsMtls = srcMeshed && (tls.mode ? forced : dstMeshed && server?.mode !== 'DISABLE');
    const mode =
      !server || server.mode === 'DISABLE' ? 'plaintext' : server.mode === 'STRICT' ? 'required' : 'optional';
    const status: MtlsStatus = {
      conns: c,
      mode,
      encrypted: sendsMtls && mode !== 'plaintext',
      mesh: dstMeshed ? 'istio' : 'none',
    };
    if (server?.mode === 'STRICT' && !sendsMtls)
      return {
        status,
        fails: `${server.policy} requires mTLS and ${srcMeshed ? `${tls.policy ?? 'the client'} sends plaintext` : 'the client has no sidecar'}`,
      };
    if (sendsMtls && mode === 'plaintext' && forced)
      return { status, fails: `${tls.policy} sends Istio mTLS to a server that takes plaintext only` };
    return { status };
  });
}

function singlePort(c: PodConns): number | undefined {
  const iv = c.tcp.intervals();
  return iv.length === 1 && iv[0]!.lo === iv[0]!.hi && c.udp.isEmpty() && c.sctp.isEmpty()
    ? iv[0]!.lo
    : undefined;
}
