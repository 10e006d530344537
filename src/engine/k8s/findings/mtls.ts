/**
 * mTLS that lets plaintext in (k8s-mesh §3.1, §3 Linkerd): Istio PeerAuthentications that set DISABLE
 * or PERMISSIVE (whole or per port), sidecar-injected workloads whose mode falls back to Istio's
 * default PERMISSIVE because no PeerAuthentication sets one (grouped per namespace), and Linkerd-meshed
 * workloads whose default inbound policy is all-unauthenticated (grouped per namespace).
 */
import type { MeshPolicy } from '../../../model/index.js';
import { serverMode } from '../istio-mtls.js';
import { ISTIO_ROOT, type MeshView } from '../mesh-view.js';
import type { Pod } from '../pod.js';
import type { ClusterView } from '../view.js';
import {
  byId,
  count,
  type FindingKind,
  finding,
  type K8sFinding,
  listText,
  selectorText,
  sortedTexts,
  workloadText,
} from './finding.js';

const ISTIO_DOCS = 'https://istio.io/latest/docs/reference/config/security/peer_authentication/';

export const MTLS_DISABLED: FindingKind = {
  id: 'k8s-istio-mtls-disabled',
  title: 'Istio PeerAuthentication disables mTLS',
  severity: 'high',
  remediation: 'Set mtls.mode STRICT (or remove the DISABLE) so the workloads accept mutual TLS only.',
  references: ['k8s-mesh §3.1', ISTIO_DOCS],
};

export const MTLS_PERMISSIVE: FindingKind = {
  id: 'k8s-istio-mtls-permissive',
  title: 'Istio PeerAuthentication accepts plaintext (PERMISSIVE)',
  severity: 'medium',
  remediation: 'Once every client runs a sidecar, set mtls.mode STRICT.',
  references: ['k8s-mesh §3.1', ISTIO_DOCS],
};

export const MTLS_DEFAULT_PERMISSIVE: FindingKind = {
  id: 'k8s-istio-mtls-default-permissive',
  title: 'Istio workloads in the default PERMISSIVE mode',
  severity: 'medium',
  remediation:
    'Add a PeerAuthentication with mtls.mode STRICT to the namespace, or mesh-wide in istio-system.',
  references: ['k8s-mesh §3.1', ISTIO_DOCS],
};

export const LINKERD_ALL_UNAUTHENTICATED: FindingKind = {
  id: 'k8s-linkerd-default-all-unauthenticated',
  title: 'Linkerd default inbound policy all-unauthenticated',
  severity: 'low',
  remediation:
    'Annotate the namespace with config.linkerd.io/default-inbound-policy: all-authenticated (or cluster-authenticated), or add Servers with AuthorizationPolicies.',
  references: ['k8s-mesh §3.3 (Linkerd)', 'https://linkerd.io/2/reference/authorization-policy/'],
};

const LINKERD_ANNOTATION = 'config.linkerd.io/default-inbound-policy';

function scopeText(pa: MeshPolicy): string {
  if (pa.selector) return `workloads matching ${selectorText(pa.selector)} in ${pa.namespace}`;
  return pa.namespace === ISTIO_ROOT ? 'the whole mesh' : `namespace ${pa.namespace}`;
}

function explicitFindings(mesh: MeshView, istio: readonly Pod[]): K8sFinding[] {
  const out: K8sFinding[] = [];
  for (const pa of byId(mesh.of('istio', 'peer-authentication')))
    for (const mode of ['DISABLE', 'PERMISSIVE'] as const) {
      // Port-level modes are honoured only with a selector (k8s-mesh §3.1).
      const ports = pa.selector
        ? Object.keys(pa.portMtls ?? {}).filter((k) => pa.portMtls?.[k] === mode)
        : [];
      const whole = pa.mtlsMode === mode;
      if (!whole && ports.length === 0) continue;
      const affected = sortedTexts(
        istio
          .filter(
            (pod) =>
              (whole && serverMode(mesh, pod).policy === pa.id) ||
              ports.some((port) => {
                const m = serverMode(mesh, pod, Number(port));
                return m.policy === pa.id && m.mode === mode;
              }),
          )
          .map(workloadText),
      );
      const on = whole ? '' : ` on port${ports.length === 1 ? '' : 's'} ${ports.join(', ')}`;
      const what =
        mode === 'DISABLE'
          ? 'plaintext only, so traffic to them is neither encrypted nor authenticated and principal rules of AuthorizationPolicies never match'
          : 'plaintext as well as mTLS, so clients without a sidecar connect unencrypted and unauthenticated';
      const effect =
        affected.length === 0
          ? 'no sidecar-injected workload in the inputs takes its mode from it'
          : `${listText(affected)} ${affected.length === 1 ? 'accepts' : 'accept'} ${what}`;
      out.push(
        finding(
          mode === 'DISABLE' ? MTLS_DISABLED : MTLS_PERMISSIVE,
          [pa.id, ...affected],
          `PeerAuthentication ${pa.namespace}/${pa.name ?? pa.id} sets mTLS ${mode} for ${scopeText(pa)}${on}: ${effect}`,
          pa.source,
          { mode, ...(whole ? {} : { ports }), workloads: affected },
        ),
      );
    }
  return out;
}

/** Pods grouped by namespace, namespaces and pods sorted by text. */
function byNamespace(pods: readonly Pod[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const p of pods) groups.set(p.namespace, [...(groups.get(p.namespace) ?? []), workloadText(p)]);
  return sortedTexts(groups.keys()).map((ns) => [ns, sortedTexts(groups.get(ns) ?? [])]);
}

export function mtlsFindings(view: ClusterView, mesh: MeshView): K8sFinding[] {
  const istio = view.pods.filter((p) => mesh.meshOf(p) === 'istio');
  const out = explicitFindings(mesh, istio);
  for (const [ns, pods] of byNamespace(istio.filter((p) => serverMode(mesh, p).policy === undefined)))
    out.push(
      finding(
        MTLS_DEFAULT_PERMISSIVE,
        [ns, ...pods],
        `${count(pods.length, 'workload')} in ${ns} ${pods.length === 1 ? 'runs' : 'run'} the Istio sidecar but no PeerAuthentication sets a mode, so Istio's default PERMISSIVE applies: ${listText(pods)} ${pods.length === 1 ? 'accepts' : 'accept'} plaintext as well as mTLS`,
        view.namespaceObjects.get(ns)?.source,
        { workloads: pods },
      ),
    );
  const open = view.pods.filter(
    (p) =>
      mesh.meshOf(p) === 'linkerd' &&
      (p.workload.annotations?.[LINKERD_ANNOTATION] ??
        mesh.nsAnnotations(p.namespace)[LINKERD_ANNOTATION] ??
        'all-unauthenticated') === 'all-unauthenticated',
  );
  for (const [ns, pods] of byNamespace(open)) {
    const onNs = mesh.nsAnnotations(ns)[LINKERD_ANNOTATION] === 'all-unauthenticated';
    const onPods = open.some((p) => p.namespace === ns && p.workload.annotations?.[LINKERD_ANNOTATION]);
    const where = onNs
      ? 'set on the namespace'
      : onPods
        ? 'set on the pods'
        : 'the cluster default: the inputs set no config.linkerd.io/default-inbound-policy';
    out.push(
      finding(
        LINKERD_ALL_UNAUTHENTICATED,
        [ns, ...pods],
        `${count(pods.length, 'workload')} in ${ns} ${pods.length === 1 ? 'runs' : 'run'} the Linkerd proxy with the default inbound policy all-unauthenticated (${where}): on ports no Server covers, ${listText(pods)} ${pods.length === 1 ? 'accepts' : 'accept'} any client, meshed or not, without authentication`,
        view.namespaceObjects.get(ns)?.source,
        { workloads: pods },
      ),
    );
  }
  return out;
}
