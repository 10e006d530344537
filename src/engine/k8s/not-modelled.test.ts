/**
 * Peers Rampart does not model err toward "reachable" (the mission: a wrong "not reachable" is a
 * security bug): Cilium toFQDNs/toServices widen an allow, node peers select no pod (ANP `nodes`,
 * Cilium toNodes), and a deny never denies through what it cannot read (k8s-mesh §1.9, §2).
 */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { connectivityOf } from './connectivity.js';
import { ClusterView, DEFAULT_CNI } from './view.js';

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: a, namespace: n, labels: {app: a}}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: n, labels: {app: b}}
`;

function lines(policies: string, cni = DEFAULT_CNI): string[] {
  const view = new ClusterView(importDocs({ 'p.yaml': PODS, 'q.yaml': policies }), cni);
  return connectivityOf(view).edges.map((e) => `${e.src.text} => ${e.dst.text} : ${e.conns.tcp}`);
}

describe('not-modelled peers', () => {
  it('a Cilium toFQDNs allow opens its ports to every external address, not to pods', () => {
    const out = lines(`apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: fqdn, namespace: n}
spec:
  endpointSelector: {matchLabels: {app: a}}
  egress:
  - toFQDNs: [{matchName: api.example.com}]
    toPorts: [{ports: [{port: "443", protocol: TCP}]}]
`);
    expect(out.filter((l) => l.startsWith('n/a[Pod]'))).toEqual([
      'n/a[Pod] => 0.0.0.0-255.255.255.255[External] : 443',
    ]);
  });

  it('an AdminNetworkPolicy Deny to nodes leaves pods alone', () => {
    const out = lines(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: no-nodes}
spec:
  priority: 1
  subject: {namespaces: {}}
  egress: [{name: deny-nodes, action: Deny, to: [{nodes: {matchLabels: {}}}]}]
`);
    expect(out).toContain('n/a[Pod] => n/b[Pod] : 1-65535');
  });
});

describe('pod addresses the manifests do not give (k8s-mesh §1.6, projectcalico/calico#6634)', () => {
  const egressTo = (cidr: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: out, namespace: n}
spec:
  podSelector: {matchLabels: {app: a}}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: ${cidr}}}]}]
`;
  const calico = { ...DEFAULT_CNI, name: 'calico', ipBlockMatchesPods: true };

  it('under Calico an allow to 0.0.0.0/0 may reach pods of unknown address: counted as reaching them', () => {
    expect(lines(egressTo('0.0.0.0/0'), calico)).toContain('n/a[Pod] => n/b[Pod] : 1-65535');
    expect(lines(egressTo('0.0.0.0/0'))).not.toContain('n/a[Pod] => n/b[Pod] : 1-65535');
  });

  it('a block outside the ranges pods use still matches no pod', () => {
    expect(lines(egressTo('8.8.8.8/32'), calico).filter((l) => l.startsWith('n/a[Pod]'))).toEqual([
      'n/a[Pod] => 8.8.8.8-8.8.8.8[External] : 1-65535',
    ]);
  });
});

describe('Cilium host entities (k8s-mesh §2)', () => {
  it('fromEntities host admits a host-network pod, not an ordinary one', () => {
    const docs = `apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: n, labels: {app: agent}}
spec: {hostNetwork: true}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: from-host, namespace: n}
spec:
  endpointSelector: {matchLabels: {app: b}}
  ingress: [{fromEntities: [host]}]
`;
    const into = lines(docs).filter((l) => l.includes('=> n/b[Pod]'));
    expect(into).toEqual(['n/agent[Pod] => n/b[Pod] : 1-65535']);
  });
});
