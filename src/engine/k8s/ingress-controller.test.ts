import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import type { Service } from '../../model/index.js';
import { connectivityOf } from './connectivity.js';
import { focusOn } from './focus.js';
import { ingressControllerEdges, targetPorts, withIngressController } from './ingress-controller.js';
import { ClusterView, DEFAULT_CNI } from './view.js';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: c
        image: web
        ports:
        - {name: http, containerPort: 8080}
        - {name: admin, containerPort: 9090}
        - {name: dns, containerPort: 53, protocol: UDP}
---
apiVersion: v1
kind: Service
metadata: {name: web-svc, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: admin, port: 9090}
  - {name: dns, port: 53, targetPort: 53, protocol: UDP}
`;

const route = (port: string) =>
  `apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: web, namespace: shop}\nspec:\n  to: {kind: Service, name: web-svc}\n${port}`;

const denyAll = (from: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: in, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
  - from: [${from}]
`;

function lines(...docs: string[]): string[] {
  const estate = importDocs({ 'a.yaml': [WEB, ...docs].join('\n---\n') });
  const view = new ClusterView(estate, DEFAULT_CNI);
  return ingressControllerEdges(view, estate).map(
    (e) => `${e.src.text} => ${e.dst.text} : TCP ${e.conns.tcp.toString()} UDP ${e.conns.udp.toString()}`,
  );
}

describe('ingress controller edges', () => {
  it('reaches the named target port of the Service port the Route names', () => {
    expect(lines(route('  port: {targetPort: http}'))).toEqual([
      '{ingress-controller} => shop/web[Deployment] : TCP 8080 UDP none',
    ]);
  });

  it('reaches every TCP target port when the Route names no port', () => {
    expect(lines(route(''))).toEqual([
      '{ingress-controller} => shop/web[Deployment] : TCP 8080, 9090 UDP none',
    ]);
  });

  it('matches a Service port by number or target port, and drops ports the pod does not declare', () => {
    expect(lines(route('  port: {targetPort: 80}'))).toEqual([
      '{ingress-controller} => shop/web[Deployment] : TCP 8080 UDP none',
    ]);
    expect(lines(route('  port: {targetPort: 9090}'))).toEqual([
      '{ingress-controller} => shop/web[Deployment] : TCP 9090 UDP none',
    ]);
    expect(lines(route('  port: {targetPort: 7070}'))).toEqual([]);
  });

  it('follows Ingress backends to the Service of their namespace only', () => {
    const ingress = (ns: string) =>
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i, namespace: ${ns}}\nspec:\n  defaultBackend: {service: {name: web-svc, port: {name: admin}}}`;
    expect(lines(ingress('shop'))).toEqual([
      '{ingress-controller} => shop/web[Deployment] : TCP 9090 UDP none',
    ]);
    expect(lines(ingress('other'))).toEqual([]);
  });

  it('keeps what policies admit from a controller namespace, by any of its documented labels', () => {
    const r = route('');
    expect(lines(r, denyAll('{namespaceSelector: {}}'))).toHaveLength(1);
    expect(
      lines(r, denyAll('{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}')),
    ).toHaveLength(1);
    expect(
      lines(r, denyAll('{namespaceSelector: {matchLabels: {openshift.io/cluster-monitoring: "true"}}}')),
    ).toHaveLength(1);
    expect(
      lines(r, denyAll('{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: traefik}}}')),
    ).toEqual([]);
    // The controller pod has no labels: a pod selector never picks it.
    expect(lines(r, denyAll('{namespaceSelector: {}, podSelector: {matchLabels: {app: router}}}'))).toEqual(
      [],
    );
    expect(lines(r, denyAll('{ipBlock: {cidr: 0.0.0.0/0}}'))).toEqual([]);
  });

  it('intersects with the ports the policy admits', () => {
    const policy = `${denyAll('{namespaceSelector: {}}')}    ports: [{port: 9090}]\n`;
    expect(lines(route(''), policy)).toEqual([
      '{ingress-controller} => shop/web[Deployment] : TCP 9090 UDP none',
    ]);
  });

  it('adds the controller to the map, and focus on ingress-controller keeps its lines', () => {
    const estate = importDocs({
      'a.yaml': [WEB, route(''), WEB.replaceAll('web', 'api')].join('\n---\n'),
    });
    const view = new ClusterView(estate, DEFAULT_CNI);
    const map = withIngressController(view, estate, connectivityOf(view));
    expect(map.peers.filter((p) => p.kind === 'ingress-controller')).toHaveLength(1);
    const focused = focusOn(map, { workloads: ['ingress-controller'] });
    expect(focused.edges.map((e) => `${e.src.text} => ${e.dst.text}`)).toEqual([
      '{ingress-controller} => shop/web[Deployment]',
    ]);
    const none = importDocs({ 'a.yaml': WEB });
    const plain = connectivityOf(new ClusterView(none, DEFAULT_CNI));
    expect(withIngressController(new ClusterView(none, DEFAULT_CNI), none, plain)).toBe(plain);
  });
});

describe('targetPorts', () => {
  const svc = {
    ports: [
      { name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' },
      { port: 443, targetPort: 8443, protocol: 'TCP' },
      { name: 'plain', port: 8080, protocol: 'TCP' },
    ],
  } as unknown as Service;

  it('gives every target port without a port, else the first match by name, port or target port', () => {
    expect(targetPorts(svc, undefined)).toEqual(['web', 8443, 8080]);
    expect(targetPorts(svc, 'http')).toEqual(['web']);
    expect(targetPorts(svc, 'web')).toEqual(['web']);
    expect(targetPorts(svc, 443)).toEqual([8443]);
    expect(targetPorts(svc, 8443)).toEqual([8443]);
    expect(targetPorts(svc, 'plain')).toEqual([8080]);
    expect(targetPorts(svc, 9999)).toEqual([]);
  });
});
