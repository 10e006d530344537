/** `--explain-style netpol`: the `{ingress-controller}` pairs and their Route lines. */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ClusterView, explainAll } from '../../engine/index.js';
import { renderExplainNetpol } from './explain-netpol.js';

const estate = importDocs({
  'web.yaml': `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-svc, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: shop}
spec: {to: {kind: Service, name: web-svc}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 8080}, {port: 9090}]}]
`,
});

describe('renderExplainNetpol with routes', () => {
  it('explains the ingress controller pair with the Route behind it', () => {
    const view = new ClusterView(estate);
    const pairs = explainAll(view, { peers: [], edges: [] }, undefined, estate).filter(
      (p) => p.src.kind === 'ingress-controller',
    );
    const lines = renderExplainNetpol(pairs).split('\n');
    expect(lines.slice(5)).toEqual([
      'Connections between {ingress-controller} => shop/web[Pod]:',
      '',
      'Allowed connections:',
      '\tAllowed TCP:[8080] due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Allowed)',
      "\t\t\tNetworkPolicy 'shop/web-in' allows connections by Ingress rule #1",
      "\t\t\tRoute 'shop/web' allows ingress connections through service web-svc",
      '',
      'Denied connections:',
      '\tDenied TCP:[9090] due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Denied)',
      // A denied side names what denies: here the Route, not the NetworkPolicy that would allow.
      "\t\t\tRoute 'shop/web' allows ingress to service web-svc, but the protocols and ports do not match",
      '',
      '\tDenied TCP:[1-8079,8081-9089,9091-65535], UDP, SCTP due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Denied)',
      "\t\t\tNetworkPolicy 'shop/web-in' selects shop/web[Pod], and Ingress rule #1 selects {ingress-controller}, but the protocols and ports do not match",
      "\t\t\tRoute 'shop/web' allows ingress to service web-svc, but the protocols and ports do not match",
      '',
      '',
    ]);
  });
});
