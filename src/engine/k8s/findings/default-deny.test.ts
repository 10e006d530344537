/** Namespaces without default-deny, and workloads selected by no policy (k8s-mesh §1.2, §1.8, §1.9). */
import { describe, expect, it } from 'vitest';
import { brief, deployment, namespace, netpol, views } from '../../../../test/k8s/findings-fixture.js';
import { defaultDenyFindings } from './default-deny.js';
import { unprotectedFindings } from './unprotected.js';

const DENY_INGRESS = netpol('shop', 'deny-in', '  podSelector: {}\n  policyTypes: [Ingress]');
const DENY_EGRESS_BUT_DNS = netpol(
  'shop',
  'deny-out',
  '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]',
);

describe('k8s-namespace-no-default-deny-ingress / -egress', () => {
  it('a namespace without any policy: one finding per direction naming its workloads', () => {
    const { view } = views([namespace('pay'), deployment('pay', 'checkout'), deployment('pay', 'card')]);
    expect(defaultDenyFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-namespace-no-default-deny-ingress',
        resources: ['pay', 'pay/card[Deployment]', 'pay/checkout[Deployment]'],
        message:
          'pay has no default-deny ingress policy and no policy selects its workloads for ingress: pay/card[Deployment], pay/checkout[Deployment] accept connections from every pod and address',
        at: 'k8s.yaml:1',
      },
      {
        id: 'k8s-namespace-no-default-deny-egress',
        resources: ['pay', 'pay/card[Deployment]', 'pay/checkout[Deployment]'],
        message:
          'pay has no default-deny egress policy and no policy selects its workloads for egress: pay/card[Deployment], pay/checkout[Deployment] can connect to every pod and address',
        at: 'k8s.yaml:1',
      },
    ]);
  });

  it('podSelector {} isolating the direction and allowing nothing counts; a DNS-only egress rule is tolerated', () => {
    const { view } = views([deployment('shop', 'web'), DENY_INGRESS, DENY_EGRESS_BUT_DNS]);
    expect(defaultDenyFindings(view)).toEqual([]);
  });

  it('a podSelector {} policy that allows something is not a default-deny; every workload guarded is said', () => {
    const { view } = views([
      deployment('shop', 'web'),
      netpol('shop', 'same-ns', '  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]'),
    ]);
    const ids = defaultDenyFindings(view).map((f) => [f.id, f.resources, f.message]);
    expect(ids[0]).toEqual([
      'k8s-namespace-no-default-deny-ingress',
      ['shop'],
      'shop has no default-deny ingress policy: its only workload is selected by an ingress policy today, but a workload added later will be open',
    ]);
    expect(ids).toHaveLength(2);
  });

  it('egress: a policy without policyTypes and with egress: [] does not isolate egress (§1.2)', () => {
    const { view } = views([
      deployment('shop', 'web'),
      DENY_INGRESS,
      netpol('shop', 'no-egress', '  podSelector: {}\n  egress: []'),
    ]);
    expect(defaultDenyFindings(view).map((f) => f.id)).toEqual(['k8s-namespace-no-default-deny-egress']);
  });

  it('a BaselineAdminNetworkPolicy denying every pod (and 0.0.0.0/0 for egress) is a default-deny', () => {
    const banp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - {name: deny-all, action: Deny, from: [{namespaces: {}}]}
  egress:
  - {name: deny-pods, action: Deny, to: [{namespaces: {}}]}`;
    const { view } = views([deployment('shop', 'web'), banp]);
    // Egress still reaches the internet: no default-deny egress.
    expect(defaultDenyFindings(view).map((f) => [f.id, f.resources])).toEqual([
      ['k8s-namespace-no-default-deny-egress', ['shop']],
    ]);
    const { view: cilium } = views([deployment('shop', 'web'), banp], 'cilium');
    // Cilium does not implement the admin tiers: nothing is denied.
    expect(defaultDenyFindings(cilium).map((f) => f.id)).toEqual([
      'k8s-namespace-no-default-deny-ingress',
      'k8s-namespace-no-default-deny-egress',
    ]);
  });

  it('a CiliumNetworkPolicy with endpointSelector {} and an empty section counts where Cilium binds', () => {
    const cnp = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: lockdown, namespace: shop}
spec:
  endpointSelector: {}
  ingressDeny: [{fromEntities: [all]}]`;
    expect(
      defaultDenyFindings(views([deployment('shop', 'web'), cnp], 'cilium').view).map((f) => f.id),
    ).toEqual(['k8s-namespace-no-default-deny-egress']);
  });

  it('platform namespaces and namespaces without workloads are not judged', () => {
    const { view } = views([
      namespace('empty'),
      deployment('kube-system', 'metrics'),
      deployment('openshift-ingress', 'router'),
    ]);
    expect(defaultDenyFindings(view)).toEqual([]);
  });
});

describe('k8s-workload-unprotected-ingress / -egress', () => {
  it('in a namespace where some workloads are guarded, each unguarded one is reported', () => {
    const { view } = views([
      deployment('shop', 'web'),
      deployment('shop', 'api'),
      deployment('shop', 'db'),
      netpol(
        'shop',
        'api-in',
        '  podSelector: {matchLabels: {app: api}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]',
      ),
    ]);
    expect(unprotectedFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-workload-unprotected-ingress',
        resources: ['shop/db[Deployment]'],
        message:
          'shop/db[Deployment] is selected by no ingress policy, while 1 other workload in shop is (shop/api[Deployment]): it accepts connections from every pod and address',
        at: 'k8s.yaml:19',
      },
      {
        id: 'k8s-workload-unprotected-ingress',
        resources: ['shop/web[Deployment]'],
        message:
          'shop/web[Deployment] is selected by no ingress policy, while 1 other workload in shop is (shop/api[Deployment]): it accepts connections from every pod and address',
        at: 'k8s.yaml:1',
      },
    ]);
    // The namespace finding counts them instead of naming them.
    expect(defaultDenyFindings(view)[0]?.message).toBe(
      'shop has no default-deny ingress policy: 2 of its 3 workloads are selected by no ingress policy (reported apart), and workloads added later will be open too',
    );
  });

  it('nothing when no workload of the namespace is guarded (the namespace finding names them) or all are', () => {
    expect(unprotectedFindings(views([deployment('pay', 'checkout')]).view)).toEqual([]);
    expect(
      unprotectedFindings(views([deployment('shop', 'web'), DENY_INGRESS, DENY_EGRESS_BUT_DNS]).view),
    ).toEqual([]);
  });

  it('an admin policy with rules in the direction guards the workload too', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: guard-web}
spec:
  priority: 10
  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}
  egress: [{name: no-smtp, action: Deny, to: [{networks: [0.0.0.0/0]}], ports: [{portNumber: {protocol: TCP, port: 25}}]}]`;
    const { view } = views([deployment('shop', 'web'), deployment('shop', 'api'), anp]);
    expect(unprotectedFindings(view).map((f) => [f.id, f.resources[0]])).toEqual([
      ['k8s-workload-unprotected-egress', 'shop/api[Deployment]'],
    ]);
  });
});
