/** namespaceSelector and podSelector in separate entries (k8s-mesh §1.4, §1.7, §7-4). */
import { describe, expect, it } from 'vitest';
import { brief, COREDNS, deployment, netpol, views } from '../../../../test/k8s/findings-fixture.js';
import { peerSplitFindings } from './peer-split.js';

describe('k8s-dns-egress-split-selectors', () => {
  it('the DNS namespace and the DNS pods as two entries: an OR, reported with the rule', () => {
    const { view } = views([
      deployment('shop', 'api'),
      COREDNS,
      netpol(
        'shop',
        'dns',
        `  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
    - podSelector: {matchLabels: {k8s-app: kube-dns}}
    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]`,
      ),
    ]);
    expect(peerSplitFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-dns-egress-split-selectors',
        resources: ['k8s/shop/NetworkPolicy/dns'],
        message:
          'NetworkPolicy shop/dns spec.egress[0] names the DNS namespace and the DNS pods in separate entries, an OR: it allows every pod in namespace kube-system, and pods matching {k8s-app=kube-dns} in shop, instead of only the DNS pods',
        at: 'k8s.yaml:29',
      },
    ]);
  });

  it('both selectors in one entry: nothing', () => {
    const { view } = views([
      deployment('shop', 'api'),
      netpol(
        'shop',
        'dns',
        `  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}`,
      ),
    ]);
    expect(peerSplitFindings(view)).toEqual([]);
  });
});

describe('k8s-policy-split-peer-selectors', () => {
  it('any other rule with the two selectors apart is a possible mistake', () => {
    const { view } = views([
      deployment('shop', 'api'),
      netpol(
        'shop',
        'api-metrics',
        `  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: ops}}
    - podSelector: {matchLabels: {app: prometheus}}`,
      ),
    ]);
    expect(peerSplitFindings(view).map(brief)).toEqual([
      {
        id: 'k8s-policy-split-peer-selectors',
        resources: ['k8s/shop/NetworkPolicy/api-metrics'],
        message:
          'NetworkPolicy shop/api-metrics spec.ingress[0] lists a namespaceSelector and a podSelector as separate entries, an OR: it admits every pod in namespaces matching {team=ops}, and every pod matching {app=prometheus} in shop',
        at: 'k8s.yaml:16',
      },
    ]);
  });

  it('two pod selectors, or a namespace entry with its own pod selector, are not reported', () => {
    const { view } = views([
      deployment('shop', 'api'),
      netpol(
        'shop',
        'api-in',
        `  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}
    - podSelector: {matchLabels: {app: batch}}
    - namespaceSelector: {matchLabels: {team: ops}}
      podSelector: {matchLabels: {app: prometheus}}`,
      ),
    ]);
    expect(peerSplitFindings(view)).toEqual([]);
  });
});
