/** DNS egress pitfalls (k8s-mesh §1.7): UDP and TCP 53 to the DNS pods, OpenShift's 5353. */
import { describe, expect, it } from 'vitest';
import {
  brief,
  COREDNS,
  deployment,
  namespace,
  netpol,
  views,
} from '../../../../test/k8s/findings-fixture.js';
import { dnsEgressFindings } from './dns-egress.js';

const TO_DNS = `    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}`;

const egress = (ports: string) =>
  netpol(
    'shop',
    'api-egress',
    `  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Egress]\n  egress:\n  - to:\n${TO_DNS}\n    ports: ${ports}`,
  );

describe('k8s-dns-egress-blocked / -tcp-missing', () => {
  it('UDP 53 only: TCP is missing, the policy is named and blamed', () => {
    const { view } = views([deployment('shop', 'api'), COREDNS, egress('[{port: 53, protocol: UDP}]')]);
    expect(dnsEgressFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-dns-egress-tcp-missing',
        resources: ['shop/api[Deployment]', 'k8s/shop/NetworkPolicy/api-egress'],
        message:
          'shop/api[Deployment] reaches the cluster DNS (kube-system/coredns[Deployment]) on UDP 53 but not on TCP 53, restricted by NetworkPolicy shop/api-egress: answers too large for UDP, retried over TCP, fail',
        at: 'k8s.yaml:22',
      },
    ]);
  });

  it('UDP and TCP 53 in one entry: nothing; a workload without egress isolation: nothing', () => {
    const { view } = views([
      deployment('shop', 'api'),
      deployment('shop', 'web'),
      COREDNS,
      egress('[{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]'),
    ]);
    expect(dnsEgressFindings(view)).toEqual([]);
  });

  it('a default-deny egress without a DNS rule blocks name resolution', () => {
    const { view } = views([
      deployment('shop', 'api'),
      COREDNS,
      netpol('shop', 'deny-out', '  podSelector: {}\n  policyTypes: [Egress]'),
    ]);
    expect(dnsEgressFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-dns-egress-blocked',
        resources: ['shop/api[Deployment]', 'k8s/shop/NetworkPolicy/deny-out'],
        message:
          'shop/api[Deployment] is egress-restricted by NetworkPolicy shop/deny-out and cannot reach the cluster DNS (kube-system/coredns[Deployment]) on UDP 53 or TCP 53: name resolution fails',
        at: 'k8s.yaml:22',
      },
    ]);
  });

  it('TCP 53 only is blocked too, and says TCP is allowed', () => {
    const { view } = views([deployment('shop', 'api'), COREDNS, egress('[{port: 53, protocol: TCP}]')]);
    expect(dnsEgressFindings(view).map((f) => [f.id, f.evidence])).toEqual([
      ['k8s-dns-egress-blocked', { dns: 'kube-system/coredns[Deployment]', port: 53, udp: false, tcp: true }],
    ]);
    expect(dnsEgressFindings(view)[0]?.message).toContain(
      'on UDP 53 (TCP 53 is allowed): name resolution fails',
    );
  });

  it('without DNS pods in the inputs a stand-in kube-dns pod is judged', () => {
    const { view } = views([deployment('shop', 'api'), egress('[{port: 53, protocol: UDP}]')]);
    expect(dnsEgressFindings(view).map((f) => f.message)).toEqual([
      'shop/api[Deployment] reaches the cluster DNS (kube-system pods labelled k8s-app=kube-dns, not in the inputs) on UDP 53 but not on TCP 53, restricted by NetworkPolicy shop/api-egress: answers too large for UDP, retried over TCP, fail',
    ]);
  });
});

describe('k8s-dns-egress-openshift-port', () => {
  const toOpenshift = (ports: string) =>
    netpol(
      'shop',
      'api-egress',
      `  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: openshift-dns}}}]\n    ports: ${ports}`,
    );

  it('port 53 toward openshift-dns misses the pods, which listen on 5353', () => {
    const { view } = views([
      namespace('openshift-dns'),
      deployment('shop', 'api'),
      toOpenshift('[{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]'),
    ]);
    expect(dnsEgressFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-dns-egress-openshift-port',
        resources: ['shop/api[Deployment]', 'k8s/shop/NetworkPolicy/api-egress'],
        message:
          'shop/api[Deployment] allows port 53 toward the OpenShift DNS pods (openshift-dns pods labelled dns.operator.openshift.io/daemonset-dns, not in the inputs), but they listen on 5353 and NetworkPolicy matches the pod port: name resolution fails',
        at: 'k8s.yaml:14',
      },
    ]);
  });

  it('5353 on both protocols is fine', () => {
    const { view } = views([
      namespace('openshift-dns'),
      deployment('shop', 'api'),
      toOpenshift('[{port: 5353, protocol: UDP}, {port: 5353, protocol: TCP}]'),
    ]);
    expect(dnsEgressFindings(view)).toEqual([]);
  });
});
