import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';

const F = 'k8s/routes.yaml';

const routes = (e: ReturnType<typeof importDocs>) =>
  e.all('ingress-route').map((r) => `${r.id} ${r.routeKind} ${r.namespace} ${JSON.stringify(r.backends)}`);

describe('OpenShift Routes', () => {
  it('reads spec.to and alternateBackends, all on spec.port.targetPort', () => {
    const e = importDocs({
      [F]: `apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: shop}
spec:
  to: {kind: Service, name: web-svc, weight: 100}
  alternateBackends:
  - {kind: Service, name: web-canary}
  - {name: web-old}
  port: {targetPort: http}
`,
    });
    expect(routes(e)).toEqual([
      'k8s/shop/Route/web Route shop [{"service":"web-svc","port":"http"},{"service":"web-canary","port":"http"},{"service":"web-old","port":"http"}]',
    ]);
    expect(e.diagnostics).toEqual([]);
  });

  it('has no port without spec.port, and a number target port as a number', () => {
    const e = importDocs({
      [F]: [
        'apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: a}\nspec: {to: {name: s}}',
        'apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: b}\nspec: {to: {name: s}, port: {targetPort: 8443}}',
      ].join('\n---\n'),
    });
    expect(routes(e)).toEqual([
      'k8s/default/Route/a Route default [{"service":"s"}]',
      'k8s/default/Route/b Route default [{"service":"s","port":8443}]',
    ]);
  });

  it('skips a target that is not a Service, and reports a missing target or a bad port', () => {
    const e = importDocs({
      [F]: [
        'apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: a}\nspec:\n  to: {kind: Pod, name: p}\n  alternateBackends: [{name: s}]',
        'apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: b}\nspec: {port: {targetPort: "8080"}}',
        'apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: c}',
      ].join('\n---\n'),
    });
    expect(routes(e)).toEqual([
      'k8s/default/Route/a Route default [{"service":"s"}]',
      'k8s/default/Route/b Route default []',
    ]);
    expect(codes(e.diagnostics)).toEqual([
      'warning IMPORT_K8S_ROUTE_BACKEND k8s/routes.yaml:5:14 /spec/to/kind',
      'error IMPORT_MISSING_FIELD k8s/routes.yaml:11:7 /spec',
      'error IMPORT_K8S_PORT k8s/routes.yaml:11:27 /spec/port/targetPort',
      'error IMPORT_MISSING_FIELD k8s/routes.yaml:13:1 ',
    ]);
  });
});

describe('Ingresses', () => {
  it('reads the default backend and every rule path, by port number or name', () => {
    const e = importDocs({
      [F]: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  defaultBackend:
    service: {name: fallback, port: {number: 80}}
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: web, port: {name: http}}
      - path: /static
        pathType: Prefix
        backend:
          resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}
  - host: other.example.com
`,
    });
    expect(routes(e)).toEqual([
      'k8s/shop/Ingress/web Ingress shop [{"service":"fallback","port":80},{"service":"web","port":"http"}]',
    ]);
    expect(codes(e.diagnostics)).toEqual([
      'warning IMPORT_K8S_ROUTE_BACKEND k8s/routes.yaml:17:9 /spec/rules/0/http/paths/1/backend',
    ]);
  });

  it('reads the v1beta1 shape (serviceName, servicePort) of extensions and networking.k8s.io', () => {
    const e = importDocs({
      [F]: [
        'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old}\nspec:\n  backend: {serviceName: s, servicePort: 8080}',
        'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: mid}\nspec:\n  rules:\n  - http:\n      paths:\n      - backend: {serviceName: t, servicePort: web}',
      ].join('\n---\n'),
    });
    expect(routes(e)).toEqual([
      'k8s/default/Ingress/mid Ingress default [{"service":"t","port":"web"}]',
      'k8s/default/Ingress/old Ingress default [{"service":"s","port":8080}]',
    ]);
    expect(e.diagnostics).toEqual([]);
  });

  it('keeps the unsupported diagnostic for Gateway API routes', () => {
    const e = importDocs({
      [F]: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {}',
    });
    expect(e.all('ingress-route')).toEqual([]);
    expect(codes(e.diagnostics)).toEqual(['unsupported IMPORT_K8S_UNSUPPORTED k8s/routes.yaml:1:1 ']);
  });
});
