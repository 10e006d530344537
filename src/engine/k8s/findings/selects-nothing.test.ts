/** Pod policies whose subject selects no workload (k8s-mesh §1.2, §1.9, §2). */
import { describe, expect, it } from 'vitest';
import { brief, deployment, netpol, views } from '../../../../test/k8s/findings-fixture.js';
import { selectsNothingFindings } from './selects-nothing.js';

describe('k8s-policy-selects-nothing', () => {
  it('a podSelector that matches no workload of its namespace', () => {
    const { view } = views([
      deployment('shop', 'web'),
      deployment('other', 'admin'),
      netpol('shop', 'admin-in', '  podSelector: {matchLabels: {app: admin}}\n  policyTypes: [Ingress]'),
      netpol('shop', 'web-in', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]'),
    ]);
    expect(selectsNothingFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-policy-selects-nothing',
        resources: ['k8s/shop/NetworkPolicy/admin-in'],
        message:
          'NetworkPolicy shop/admin-in selects no workload: podSelector {app=admin} matches none of the 1 workload in shop',
        at: 'k8s.yaml:19',
      },
    ]);
  });

  it('a namespace with no workload at all, and a cluster-scoped admin policy', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: db-guard}
spec:
  priority: 5
  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {tier: db}}}}
  ingress: [{name: deny, action: Deny, from: [{namespaces: {}}]}]`;
    const { view } = views([
      deployment('shop', 'web'),
      netpol('ghost', 'deny-all', '  podSelector: {}\n  policyTypes: [Ingress]'),
      anp,
    ]);
    expect(selectsNothingFindings(view).map((f) => f.message)).toEqual([
      'AdminNetworkPolicy db-guard selects no workload: its subject matches none of the 1 workload in the inputs',
      'NetworkPolicy ghost/deny-all selects no workload: podSelector {} matches nothing: ghost holds no workload in the inputs',
    ]);
  });

  it('inert Cilium policies are left to the not-enforced findings', () => {
    const cnp = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: nobody, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: nobody}}
  ingress: [{}]`;
    expect(selectsNothingFindings(views([deployment('shop', 'web'), cnp], 'calico').view)).toEqual([]);
    expect(
      selectsNothingFindings(views([deployment('shop', 'web'), cnp], 'cilium').view).map((f) => f.message),
    ).toEqual([
      'CiliumNetworkPolicy shop/nobody selects no workload: endpointSelector {app=nobody} matches none of the 1 workload in shop',
    ]);
  });
});
