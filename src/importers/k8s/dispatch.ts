import type { Element } from '../../model/index.js';
import type { Json } from '../_kit/index.js';
import { type K8sContext, type K8sObject, readObject } from './context.js';
import { convertAdminPolicy } from './convert-admin-policy.js';
import { convertCilium } from './convert-cilium.js';
import { convertIngress, convertRoute } from './convert-ingress-route.js';
import { convertIstio } from './convert-istio.js';
import { convertLinkerd } from './convert-linkerd.js';
import { convertNamespace } from './convert-namespace.js';
import { convertNetworkPolicy } from './convert-network-policy.js';
import { convertService } from './convert-service.js';
import { convertWorkload } from './convert-workload.js';

type Convert = (ctx: K8sContext, obj: K8sObject) => Element | Element[] | undefined;

interface Handler {
  /** Namespaced objects live in `metadata.namespace`, `default` when not written. */
  readonly namespaced: boolean;
  readonly convert: Convert;
}

const namespaced = (convert: Convert): Handler => ({ namespaced: true, convert });
const clusterScoped = (convert: Convert): Handler => ({ namespaced: false, convert });
// Workloads go to the run's ledger: the pods of one owner become one element at the end.
const workload = namespaced((ctx, obj) => {
  convertWorkload(ctx, obj);
  return undefined;
});
const networkPolicy = namespaced(convertNetworkPolicy);
const istio = namespaced(convertIstio);
const linkerd = namespaced(convertLinkerd);

/** `<api group>/<kind>` (core group: empty) -> converter. Versions of a group share the converter. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  '/Namespace': clusterScoped(convertNamespace),
  '/Pod': workload,
  '/ReplicationController': workload,
  '/Service': namespaced(convertService),
  'apps/Deployment': workload,
  'apps/StatefulSet': workload,
  'apps/DaemonSet': workload,
  'apps/ReplicaSet': workload,
  'extensions/Deployment': workload,
  'extensions/DaemonSet': workload,
  'extensions/ReplicaSet': workload,
  'batch/Job': workload,
  'batch/CronJob': workload,
  'networking.k8s.io/NetworkPolicy': networkPolicy,
  'extensions/NetworkPolicy': networkPolicy,
  'policy.networking.k8s.io/AdminNetworkPolicy': clusterScoped((c, o) => convertAdminPolicy(c, o, false)),
  'policy.networking.k8s.io/BaselineAdminNetworkPolicy': clusterScoped((c, o) =>
    convertAdminPolicy(c, o, true),
  ),
  'cilium.io/CiliumNetworkPolicy': namespaced(convertCilium),
  'cilium.io/CiliumClusterwideNetworkPolicy': clusterScoped(convertCilium),
  'security.istio.io/PeerAuthentication': istio,
  'security.istio.io/AuthorizationPolicy': istio,
  'networking.istio.io/DestinationRule': istio,
  'policy.linkerd.io/Server': linkerd,
  'policy.linkerd.io/AuthorizationPolicy': linkerd,
  'policy.linkerd.io/MeshTLSAuthentication': linkerd,
  'policy.linkerd.io/NetworkAuthentication': linkerd,
  'route.openshift.io/Route': namespaced(convertRoute),
  'networking.k8s.io/Ingress': namespaced(convertIngress),
  'extensions/Ingress': namespaced(convertIngress),
};

/** Kinds that steer or filter traffic but are not modelled yet: an `unsupported` diagnostic each. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  'gateway.networking.k8s.io/HTTPRoute': 'Gateway API routes',
  'gateway.networking.k8s.io/GRPCRoute': 'Gateway API routes',
  'gateway.networking.k8s.io/TLSRoute': 'Gateway API routes',
  'gateway.networking.k8s.io/TCPRoute': 'Gateway API routes',
  'gateway.networking.k8s.io/UDPRoute': 'Gateway API routes',
  'policy.networking.k8s.io/ClusterNetworkPolicy': 'ClusterNetworkPolicies (v1alpha2)',
  'projectcalico.org/NetworkPolicy': 'Calico network policies',
  'projectcalico.org/GlobalNetworkPolicy': 'Calico network policies',
  'crd.projectcalico.org/NetworkPolicy': 'Calico network policies',
  'crd.projectcalico.org/GlobalNetworkPolicy': 'Calico network policies',
  'crd.antrea.io/NetworkPolicy': 'Antrea network policies',
  'crd.antrea.io/ClusterNetworkPolicy': 'Antrea network policies',
  'k8s.cni.cncf.io/MultiNetworkPolicy': 'MultiNetworkPolicies (secondary networks)',
  'networking.istio.io/VirtualService': 'Istio VirtualServices',
  'policy.linkerd.io/ServerAuthorization': 'Linkerd ServerAuthorizations (legacy)',
  'policy.linkerd.io/HTTPRoute': 'Linkerd HTTPRoutes',
};

/** List items may omit apiVersion: the usual group of each kind. */
const GROUP_OF_KIND = new Map<string, string>();
for (const key of [...Object.keys(HANDLERS), ...Object.keys(UNSUPPORTED)]) {
  const slash = key.lastIndexOf('/');
  const kind = key.slice(slash + 1);
  if (!GROUP_OF_KIND.has(kind)) GROUP_OF_KIND.set(kind, key.slice(0, slash));
}

/** `apps/v1` -> `apps`; `v1` -> `` (core). */
export function groupOf(apiVersion: string | undefined, kind: string): string {
  if (apiVersion === undefined) return GROUP_OF_KIND.get(kind) ?? '';
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Converts one object; kinds neither handled nor listed as unsupported are ignored without comment. */
export function convertObject(
  ctx: K8sContext,
  o: Json,
  p: string,
  group: string,
  kind: string,
  out: Element[],
): void {
  const key = `${group}/${kind}`;
  const handler = Object.hasOwn(HANDLERS, key) ? HANDLERS[key] : undefined;
  if (handler === undefined) {
    if (Object.hasOwn(UNSUPPORTED, key))
      ctx.r.report(
        'unsupported',
        'IMPORT_K8S_UNSUPPORTED',
        p,
        `${kind}: ${UNSUPPORTED[key]} are not modelled yet; traffic through them is not analysed`,
      );
    return;
  }
  const obj = readObject(ctx.r, o, p, group, kind, handler.namespaced);
  if (obj.namespace !== undefined) {
    const written = typeof obj.meta?.namespace === 'string';
    ctx.ledger.useNamespace(obj.namespace, ctx.r.src(written ? `${p}/metadata/namespace` : p));
  }
  const result = handler.convert(ctx, obj);
  if (Array.isArray(result)) out.push(...result);
  else if (result) out.push(result);
}
