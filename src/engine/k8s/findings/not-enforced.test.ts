/** Policies the CNI does not act on (k8s-mesh §1.1, §1.9, §2). */
import { describe, expect, it } from 'vitest';
import { brief, deployment, netpol, views } from '../../../../test/k8s/findings-fixture.js';
import { notEnforcedFindings } from './not-enforced.js';

const NP = netpol('shop', 'deny-in', '  podSelector: {}\n  policyTypes: [Ingress]');
const CNP = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: web-l3, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress: [{fromEndpoints: [{matchLabels: {app: api}}]}]`;
const BANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress: [{name: deny-all, action: Deny, from: [{namespaces: {}}]}]`;

describe('k8s-policies-not-enforced', () => {
  it('one finding naming the CNI and the number of policies; Cilium ones are counted apart', () => {
    const { view } = views([deployment('shop', 'web'), NP, BANP, CNP], 'flannel');
    expect(notEnforcedFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-policies-not-enforced',
        resources: ['k8s/BaselineAdminNetworkPolicy/default', 'k8s/shop/NetworkPolicy/deny-in'],
        message:
          'The flannel CNI does not enforce network policies: 2 policies in the inputs have no effect and no workload is isolated',
        at: 'k8s.yaml:17',
      },
      {
        id: 'k8s-cilium-policies-inert',
        resources: ['k8s/shop/CiliumNetworkPolicy/web-l3'],
        message:
          '1 Cilium policy has no effect under the flannel CNI: only Cilium enforces CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy',
        at: 'k8s.yaml:24',
      },
    ]);
    expect(notEnforcedFindings(view)[0]?.evidence).toEqual({ cni: 'flannel', policies: 2 });
  });

  it('an enforcing CNI: nothing, and Cilium policies bind under cilium and the default profile', () => {
    expect(notEnforcedFindings(views([deployment('shop', 'web'), NP, CNP], 'cilium').view)).toEqual([]);
    expect(notEnforcedFindings(views([deployment('shop', 'web'), NP, CNP, BANP]).view)).toEqual([]);
  });
});

describe('k8s-admin-policies-not-enforced / k8s-cilium-policies-inert', () => {
  it('admin tiers under a CNI that enforces NetworkPolicy but not them', () => {
    expect(
      notEnforcedFindings(views([deployment('shop', 'web'), NP, BANP], 'cilium').view).map(brief),
    ).toEqual([
      {
        id: 'k8s-admin-policies-not-enforced',
        resources: ['k8s/BaselineAdminNetworkPolicy/default'],
        message:
          'The cilium CNI does not implement AdminNetworkPolicy: 1 admin or baseline policy has no effect, only NetworkPolicies decide',
        at: 'k8s.yaml:17',
      },
    ]);
  });

  it('Cilium policies under calico are inert', () => {
    expect(
      notEnforcedFindings(views([deployment('shop', 'web'), CNP], 'calico').view).map((f) => f.id),
    ).toEqual(['k8s-cilium-policies-inert']);
  });
});
