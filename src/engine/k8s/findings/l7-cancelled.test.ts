/** Cilium HTTP rules cancelled by an L4-only allow on the same port (k8s-mesh §2, §7-10). */
import { describe, expect, it } from 'vitest';
import { brief, deployment, netpol, views } from '../../../../test/k8s/findings-fixture.js';
import { l7CancelledFindings } from './l7-cancelled.js';

const L7 = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api-l7, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
    toPorts: [{ports: [{port: "8080", protocol: TCP}], rules: {http: [{method: GET, path: /public/.*}]}}]`;

const PODS = [deployment('shop', 'web'), deployment('shop', 'api'), deployment('shop', 'batch')];

describe('k8s-cilium-l7-cancelled', () => {
  it('a NetworkPolicy opening the same port at L4 cancels the HTTP rules for the peers it admits', () => {
    const { view } = views([
      ...PODS,
      L7,
      netpol(
        'shop',
        'api-8080',
        '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - ports: [{port: 8080}]',
      ),
    ]);
    expect(l7CancelledFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-cilium-l7-cancelled',
        resources: [
          'k8s/shop/CiliumNetworkPolicy/api-l7',
          'shop/api[Deployment]',
          'k8s/shop/NetworkPolicy/api-8080',
        ],
        message:
          'CiliumNetworkPolicy shop/api-l7 limits ingress to shop/api[Deployment] on TCP 8080 to its HTTP rules, but an L4-only allow (NetworkPolicy shop/api-8080) opens TCP 8080 too, so the HTTP rules have no effect for 1 peer: shop/web[Deployment]',
        at: 'k8s.yaml:28',
      },
    ]);
  });

  it('HTTP rules alone, or an L4 allow on another port: nothing', () => {
    expect(l7CancelledFindings(views([...PODS, L7]).view)).toEqual([]);
    const other = netpol(
      'shop',
      'api-9090',
      '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - ports: [{port: 9090}]',
    );
    expect(l7CancelledFindings(views([...PODS, L7, other]).view)).toEqual([]);
  });

  it('under a CNI other than Cilium the HTTP rules do not bind: nothing to cancel', () => {
    const np = netpol(
      'shop',
      'api-8080',
      '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - ports: [{port: 8080}]',
    );
    expect(l7CancelledFindings(views([...PODS, L7, np], 'calico').view)).toEqual([]);
  });
});
