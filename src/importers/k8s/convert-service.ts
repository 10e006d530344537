import type { LabelSelector, Service } from '../../model/index.js';
import { NONE, put, type Reader } from '../_kit/index.js';
import { baseOf, CLUSTER_ID, type K8sContext, type K8sObject, objectId, requireName } from './context.js';
import { portName, portNumber, readProtocol } from './ports.js';
import { matchLabelsOf } from './selector.js';

type ServicePort = Service['ports'][number];

const TYPES: ReadonlySet<string> = new Set(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);

function readType(r: Reader, spec: Record<string, unknown>, sp: string): Service['serviceType'] {
  const t = r.string(spec, 'type', sp);
  if (t === undefined || TYPES.has(t)) return (t ?? 'ClusterIP') as Service['serviceType'];
  r.report(
    'error',
    'IMPORT_K8S_INVALID_VALUE',
    r.at(sp, 'type'),
    `unknown Service type "${t}"; read as ClusterIP`,
    'Service types are ClusterIP, NodePort, LoadBalancer and ExternalName.',
  );
  return 'ClusterIP';
}

function readPorts(r: Reader, spec: Record<string, unknown>, sp: string): ServicePort[] {
  const out: ServicePort[] = [];
  for (const [e, ep] of r.objects(spec, 'ports', sp)) {
    const port = portNumber(r, e.port, r.at(ep, 'port'));
    const protocol = readProtocol(r, e, ep, 'TCP');
    if (port === undefined || protocol === undefined) continue;
    const sp: { -readonly [K in keyof ServicePort]: ServicePort[K] } = { port, protocol };
    put(sp, 'name', r.string(e, 'name', ep));
    const target: unknown = e.targetPort;
    const tp = r.at(ep, 'targetPort');
    if (typeof target === 'number') put(sp, 'targetPort', portNumber(r, target, tp));
    else if (typeof target === 'string') put(sp, 'targetPort', portName(r, target, tp));
    else if (target !== undefined && target !== null) r.wrongType(tp, 'a number or a port name', target);
    out.push(sp);
  }
  return out;
}

/** `spec.selector`, a plain label map. Any non-string value invalidates it: dropping one would widen it. */
function readServiceSelector(r: Reader, v: unknown, p: string): LabelSelector | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    r.wrongType(p, 'a map of labels', v);
    return undefined;
  }
  const labels: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string') labels[k] = x;
    else {
      r.report(
        'error',
        'IMPORT_K8S_SELECTOR',
        r.at(p, k),
        `label value ${JSON.stringify(x)} of "${k}" is not a string; the Service is read without a selector`,
        'Quote label values that look like numbers or booleans.',
      );
      return undefined;
    }
  }
  return matchLabelsOf(labels);
}

/** A Service: selector (a plain label map), ports with their target ports, cluster IPs, type. */
export function convertService(ctx: K8sContext, obj: K8sObject): Service | undefined {
  const { r } = ctx;
  const name = requireName(r, obj);
  if (name === undefined) return undefined;
  const ns = obj.namespace ?? 'default';
  const spec = r.object(obj.o, 'spec', obj.p) ?? {};
  const sp = r.at(obj.p, 'spec');
  const ips = new Set<string>();
  const one = r.string(spec, 'clusterIP', sp);
  const listed = r.strings(spec, 'clusterIPs', sp);
  for (const [ip, i] of (listed.length > 0 ? listed : one ? [one] : []).map((x, i) => [x, i] as const)) {
    if (ip === 'None' || ip === '') continue;
    const at = listed.length > 0 ? r.at(r.at(sp, 'clusterIPs'), i) : r.at(sp, 'clusterIP');
    const canonical = r.ip(ip, at);
    if (canonical) ips.add(canonical);
  }
  const svc: { -readonly [K in keyof Service]: Service[K] } = {
    ...baseOf(r, obj, objectId('Service', name, ns), name),
    kind: 'service',
    clusterId: CLUSTER_ID,
    namespace: ns,
    serviceType: readType(r, spec, sp),
    ports: readPorts(r, spec, sp),
    clusterIps: ips.size > 0 ? [...ips] : NONE,
  };
  put(svc, 'selector', readServiceSelector(r, spec.selector, r.at(sp, 'selector')));
  return svc;
}
