import type { Tags, Workload } from '../../model/index.js';
import { type Json, type Mutable, NONE, put, type Reader } from '../_kit/index.js';
import {
  baseOf,
  CLUSTER_ID,
  type K8sContext,
  type K8sObject,
  meshAnnotations,
  objectId,
  readStringMap,
  requireName,
} from './context.js';
import { portNumber, readProtocol } from './ports.js';

type ContainerPort = Workload['ports'][number];

/** Where each controller keeps its pod template. */
const TEMPLATE_PATH: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/**
 * The pod's owner (`controller: true`, else the first), which names its workload. A Node owns static
 * pods (kube-apiserver-<node>...): those stay pods. An owner without a kind still names the workload,
 * as a Pod (what netpol-analyzer prints for it).
 */
function ownerOf(r: Reader, obj: K8sObject): { kind: string; name: string } | undefined {
  if (!obj.meta) return undefined;
  const mp = r.at(obj.p, 'metadata');
  const owners = r.objects(obj.meta, 'ownerReferences', mp);
  const pick = owners.find(([o]) => o.controller === true) ?? owners[0];
  if (!pick) return undefined;
  const [o, op] = pick;
  const name = r.string(o, 'name', op, true);
  const kind = r.string(o, 'kind', op);
  if (name === undefined || kind === 'Node') return undefined;
  if (kind === undefined || kind === '') {
    r.report(
      'warning',
      'IMPORT_K8S_OWNER',
      op,
      `the owner reference names no kind; the pod is read as part of "${name}", a Pod workload`,
      'Owner references carry apiVersion, kind, name and uid; check the manifest.',
    );
    return { kind: 'Pod', name };
  }
  return { kind, name };
}

/** Container ports and images of every container and init container (named ports: k8s-mesh §1.5). */
function readContainers(r: Reader, spec: Json, sp: string): { ports: ContainerPort[]; images: string[] } {
  const ports: ContainerPort[] = [];
  const seen = new Set<string>();
  const images = new Set<string>();
  for (const key of ['containers', 'initContainers'])
    for (const [c, cp] of r.objects(spec, key, sp)) {
      const image = r.string(c, 'image', cp);
      if (image) images.add(image);
      for (const [e, ep] of r.objects(c, 'ports', cp)) {
        if (e.containerPort === undefined || e.containerPort === null) {
          r.missing(ep, 'containerPort');
          continue;
        }
        const port = portNumber(r, e.containerPort, r.at(ep, 'containerPort'));
        const protocol = readProtocol(r, e, ep, 'TCP');
        if (port === undefined || protocol === undefined || protocol === 'ANY') continue;
        const name = r.string(e, 'name', ep);
        const k = `${name ?? ''}|${port}|${protocol}`;
        if (seen.has(k)) continue;
        seen.add(k);
        ports.push(name ? { name, port, protocol } : { port, protocol });
      }
    }
  return { ports, images: [...images] };
}

/** Pod IPs from a live object's status (`podIP`, `podIPs[].ip`). */
function readAddresses(r: Reader, o: Json, p: string): string[] {
  const status = r.object(o, 'status', p);
  if (!status) return [];
  const sp = r.at(p, 'status');
  const out = new Set<string>();
  const one = r.ipField(status, 'podIP', sp);
  if (one) out.add(one);
  for (const [x, xp] of r.objects(status, 'podIPs', sp)) {
    const ip = r.ipField(x, 'ip', xp);
    if (ip) out.add(ip);
  }
  return [...out];
}

/** The pod template of a controller: its labels and pod spec, with their pointers. */
function templateOf(
  r: Reader,
  obj: K8sObject,
): { labels: Tags; lp: string; spec?: Json; sp: string; annotations?: Tags | undefined } | undefined {
  let node: Json | undefined = obj.o;
  let p = obj.p;
  for (const key of TEMPLATE_PATH[obj.kind] ?? []) {
    const next: Json | undefined = r.object(node, key, p);
    if (!next) {
      r.missing(p, key);
      return undefined;
    }
    node = next;
    p = r.at(p, key);
  }
  const mp = r.at(p, 'metadata');
  const meta = r.object(node, 'metadata', p);
  const spec = r.object(node, 'spec', p);
  const out = {
    labels: readStringMap(r, meta, 'labels', mp),
    lp: r.at(mp, 'labels'),
    sp: r.at(p, 'spec'),
    annotations: meshAnnotations(r, meta, mp),
  };
  return spec ? { ...out, spec } : out;
}

/**
 * A Pod or a pod controller as one workload with a representative pod (conformance README naming):
 * a Pod owned by a controller becomes that owner's workload (`ns/<owner>[<OwnerKind>]`), so its
 * replicas merge into one; a bare Pod is `[Pod]`; controllers keep their own name and kind.
 */
export function convertWorkload(ctx: K8sContext, obj: K8sObject): void {
  const { r } = ctx;
  const ns = obj.namespace ?? 'default';
  const owner = obj.kind === 'Pod' ? ownerOf(r, obj) : undefined;
  const name = owner?.name ?? requireName(r, obj);
  if (name === undefined) return;
  const workloadKind = owner?.kind ?? obj.kind;
  const template =
    obj.kind === 'Pod'
      ? {
          labels: obj.labels,
          lp: r.at(r.at(obj.p, 'metadata'), 'labels'),
          spec: r.object(obj.o, 'spec', obj.p),
          sp: r.at(obj.p, 'spec'),
          annotations: meshAnnotations(r, obj.meta, r.at(obj.p, 'metadata')),
        }
      : templateOf(r, obj);
  if (!template) return;
  const spec = template.spec;
  const { ports, images } = spec ? readContainers(r, spec, template.sp) : { ports: [], images: [] };
  // `serviceAccount` is the deprecated spelling of serviceAccountName.
  const account = spec
    ? (r.string(spec, 'serviceAccountName', template.sp) ?? r.string(spec, 'serviceAccount', template.sp))
    : undefined;
  const w: Mutable<Workload> = {
    ...baseOf(r, obj, objectId(workloadKind, name, ns), name),
    kind: 'workload',
    clusterId: CLUSTER_ID,
    namespace: ns,
    workloadKind,
    podLabels: template.labels,
    serviceAccount: account || 'default',
    ports: ports.length > 0 ? ports : NONE,
    endpointIds: NONE,
    hostNetwork: (spec ? r.boolean(spec, 'hostNetwork', template.sp) : undefined) ?? false,
  };
  if (images.length > 0) w.images = images;
  if (template.annotations) w.annotations = template.annotations;
  if (obj.kind === 'Pod') {
    const addresses = readAddresses(r, obj.o, obj.p);
    put(w, 'addresses', addresses.length > 0 ? addresses : undefined);
    w.pods = [{ name: obj.name ?? name, labels: template.labels, addresses }];
  }
  ctx.ledger.addWorkload(ctx, w, template.lp);
}
