import type { IngressBackend, IngressRoute } from '../../model/index.js';
import type { Json, Reader } from '../_kit/index.js';
import { baseOf, CLUSTER_ID, type K8sContext, type K8sObject, objectId, requireName } from './context.js';
import { portName, portNumber } from './ports.js';

/**
 * OpenShift Routes and Kubernetes Ingresses (netpol-analyzer's ingress analysis): the Services of
 * their namespace the ingress controller forwards to, each with the port the object names. A
 * backend that is not a Service is skipped with `IMPORT_K8S_ROUTE_BACKEND`; an invalid port is
 * reported and the backend read without one (every port of the Service).
 */

/** A port given as a number or a name (`targetPort`, `servicePort`); undefined when absent or invalid. */
function readPort(r: Reader, v: unknown, p: string): number | string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return portNumber(r, v, p);
  if (typeof v === 'string') return portName(r, v, p);
  r.wrongType(p, 'a number or a port name', v);
  return undefined;
}

function notService(r: Reader, obj: K8sObject, p: string, what: string): void {
  r.report(
    'warning',
    'IMPORT_K8S_ROUTE_BACKEND',
    p,
    `${obj.kind} ${obj.namespace}/${obj.name}: ${what}; the backend is skipped`,
    'Only Service backends are analysed: the ingress controller forwards to the pods a Service selects.',
  );
}

function route(
  r: Reader,
  obj: K8sObject,
  ns: string,
  name: string,
  backends: IngressBackend[],
): IngressRoute {
  return {
    ...baseOf(r, obj, objectId(obj.kind, name, ns), name),
    kind: 'ingress-route',
    clusterId: CLUSTER_ID,
    namespace: ns,
    routeKind: obj.kind === 'Route' ? 'Route' : 'Ingress',
    backends,
  };
}

/** One Route target (`spec.to`, an `alternateBackends` entry): `{kind?: Service, name}`. */
function routeTarget(
  r: Reader,
  obj: K8sObject,
  t: Json,
  p: string,
  port: number | string | undefined,
): IngressBackend | undefined {
  const kind = r.string(t, 'kind', p);
  if (kind !== undefined && kind !== '' && kind !== 'Service') {
    notService(r, obj, r.at(p, 'kind'), `target kind "${kind}" is not a Service`);
    return undefined;
  }
  const service = r.string(t, 'name', p, true);
  if (service === undefined || service === '') return undefined;
  return port === undefined ? { service } : { service, port };
}

/** A Route (route.openshift.io/v1): `spec.to` and `spec.alternateBackends`, all on `spec.port.targetPort`. */
export function convertRoute(ctx: K8sContext, obj: K8sObject): IngressRoute | undefined {
  const { r } = ctx;
  const name = requireName(r, obj);
  if (name === undefined) return undefined;
  const ns = obj.namespace ?? 'default';
  const sp = r.at(obj.p, 'spec');
  const spec = r.object(obj.o, 'spec', obj.p);
  if (!spec) {
    r.missing(obj.p, 'spec');
    return undefined;
  }
  const portObj = r.object(spec, 'port', sp);
  const pp = r.at(sp, 'port');
  const port = portObj ? readPort(r, portObj.targetPort, r.at(pp, 'targetPort')) : undefined;
  const backends: IngressBackend[] = [];
  const to = r.object(spec, 'to', sp);
  if (to) {
    const b = routeTarget(r, obj, to, r.at(sp, 'to'), port);
    if (b) backends.push(b);
  } else r.missing(sp, 'to');
  for (const [alt, ap] of r.objects(spec, 'alternateBackends', sp)) {
    const b = routeTarget(r, obj, alt, ap, port);
    if (b) backends.push(b);
  }
  return route(r, obj, ns, name, backends);
}

/**
 * One Ingress backend: v1 `{service: {name, port: {number | name}}}` (or `{resource}`, skipped);
 * v1beta1 `{serviceName, servicePort}`.
 */
function ingressBackend(r: Reader, obj: K8sObject, b: Json, p: string): IngressBackend | undefined {
  if (b.serviceName !== undefined) {
    const service = r.string(b, 'serviceName', p, true);
    if (!service) return undefined;
    const port = readPort(r, b.servicePort, r.at(p, 'servicePort'));
    return port === undefined ? { service } : { service, port };
  }
  const svc = r.object(b, 'service', p);
  if (!svc) {
    notService(r, obj, p, b.resource !== undefined ? 'a resource backend is not a Service' : 'no service');
    return undefined;
  }
  const svp = r.at(p, 'service');
  const service = r.string(svc, 'name', svp, true);
  if (!service) return undefined;
  const portObj = r.object(svc, 'port', svp);
  const pp = r.at(svp, 'port');
  let port: number | string | undefined;
  if (portObj?.number !== undefined && portObj.number !== null)
    port = portNumber(r, portObj.number, r.at(pp, 'number'));
  else if (portObj?.name !== undefined && portObj.name !== null)
    port = readPort(r, portObj.name, r.at(pp, 'name'));
  return port === undefined ? { service } : { service, port };
}

/** An Ingress (networking.k8s.io): `spec.defaultBackend` (v1beta1 `spec.backend`) and every rule path. */
export function convertIngress(ctx: K8sContext, obj: K8sObject): IngressRoute | undefined {
  const { r } = ctx;
  const name = requireName(r, obj);
  if (name === undefined) return undefined;
  const ns = obj.namespace ?? 'default';
  const sp = r.at(obj.p, 'spec');
  const spec = r.object(obj.o, 'spec', obj.p) ?? {};
  const backends: IngressBackend[] = [];
  for (const key of ['defaultBackend', 'backend']) {
    const d = r.object(spec, key, sp);
    if (!d) continue;
    const b = ingressBackend(r, obj, d, r.at(sp, key));
    if (b) backends.push(b);
  }
  for (const [rule, rp] of r.objects(spec, 'rules', sp)) {
    const http = r.object(rule, 'http', rp);
    if (!http) continue;
    const hp = r.at(rp, 'http');
    for (const [path, pp] of r.objects(http, 'paths', hp)) {
      const backend = r.object(path, 'backend', pp);
      if (!backend) {
        r.missing(pp, 'backend');
        continue;
      }
      const b = ingressBackend(r, obj, backend, r.at(pp, 'backend'));
      if (b) backends.push(b);
    }
  }
  return route(r, obj, ns, name, backends);
}
