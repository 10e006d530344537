import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';

const F = 'k8s/cilium.yaml';
const EMPTY = { matchLabels: {}, matchExpressions: [] };

const CNP = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  endpointSelector:
    matchLabels: {"k8s:app": api}
  ingress:
  - fromEndpoints:
    - matchLabels: {app: web}
    - matchLabels: {"k8s:io.kubernetes.pod.namespace": ops, role: probe}
    - {}
    toPorts:
    - ports: [{port: "80", protocol: TCP}]
      rules:
        http: [{method: GET, path: "/api/.*"}]
    - ports: [{port: "8080"}, {port: metrics, protocol: ANY}]
  - fromEntities: [world, cluster]
    fromCIDR: [192.0.2.0/24]
    fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}]
  ingressDeny:
  - fromEndpoints: [{matchLabels: {app: bad}}]
    toPorts: [{ports: [{port: "22", endPort: 23}]}]
  egress:
  - toPorts: [{ports: [{port: "53", protocol: UDP}]}]
  - toFQDNs: [{matchName: example.com}]
  - icmps: [{fields: [{type: 8}]}]
`;

describe('CiliumNetworkPolicy (k8s-mesh §2)', () => {
  it('reads subject, peers, ports, L7 and deny sections', () => {
    const e = importDocs({ [F]: CNP });
    const p = e.get('pod-policy', 'k8s/shop/CiliumNetworkPolicy/api')!;
    expect(p).toMatchObject({
      policyKind: 'cilium-network-policy',
      namespace: 'shop',
      subject: { namespaces: { kind: 'name', name: 'shop' }, pods: { matchLabels: { app: 'api' } } },
      isolates: ['ingress', 'egress'],
    });
    expect(p.rules.map((r) => `${r.id} ${r.direction} ${r.action}`)).toEqual([
      'k8s/shop/CiliumNetworkPolicy/api/ingress/0.0 ingress allow',
      'k8s/shop/CiliumNetworkPolicy/api/ingress/0.1 ingress allow',
      'k8s/shop/CiliumNetworkPolicy/api/ingress/1 ingress allow',
      'k8s/shop/CiliumNetworkPolicy/api/ingress-deny/0 ingress deny',
      'k8s/shop/CiliumNetworkPolicy/api/egress/0 egress allow',
      'k8s/shop/CiliumNetworkPolicy/api/egress/1 egress allow',
      'k8s/shop/CiliumNetworkPolicy/api/egress/2 egress allow',
    ]);
    const [l7, l4, l3, deny, dns, fqdn, icmp] = p.rules;
    expect(l7?.peers).toEqual([
      {
        kind: 'pods',
        namespaces: { kind: 'name', name: 'shop' },
        pods: { matchLabels: { app: 'web' }, matchExpressions: [] },
      },
      {
        kind: 'pods',
        namespaces: { kind: 'name', name: 'ops' },
        pods: { matchLabels: { role: 'probe' }, matchExpressions: [] },
      },
      { kind: 'pods', namespaces: { kind: 'name', name: 'shop' }, pods: EMPTY },
    ]);
    expect(l7?.ports).toEqual([{ protocol: 'TCP', port: 80 }]);
    expect(l7?.http).toEqual([{ method: 'GET', path: '/api/.*' }]);
    expect(l4?.peers).toBe(l7?.peers);
    expect(l4?.ports).toEqual([
      { protocol: 'ANY', port: 8080 },
      { protocol: 'ANY', name: 'metrics' },
    ]);
    expect(l4?.http).toBeUndefined();
    expect(l3?.peers).toEqual([
      { kind: 'ip-block', cidr: '192.0.2.0/24', except: [], matchesPods: false },
      { kind: 'ip-block', cidr: '10.0.0.0/8', except: ['10.96.0.0/12'], matchesPods: false },
      { kind: 'entity', entity: 'world' },
      { kind: 'entity', entity: 'cluster' },
    ]);
    expect(l3?.ports).toBe('all');
    expect(deny?.ports).toEqual([{ protocol: 'ANY', port: 22, endPort: 23 }]);
    expect(dns).toMatchObject({ peers: [{ kind: 'any' }], ports: [{ protocol: 'UDP', port: 53 }] });
    // DNS names resolve to external addresses: read as all of them (a superset, never a false block).
    expect(fqdn).toMatchObject({
      peers: [{ kind: 'ip-block', cidr: '0.0.0.0/0', except: [], matchesPods: false }],
      ports: 'all',
    });
    expect(icmp).toMatchObject({ peers: [{ kind: 'any' }], ports: [] });
    expect(codes(e.diagnostics)).toEqual([
      `unsupported IMPORT_K8S_UNSUPPORTED ${F}:25:14 /spec/egress/1/toFQDNs`,
      `unsupported IMPORT_K8S_UNSUPPORTED ${F}:26:12 /spec/egress/2/icmps`,
    ]);
  });

  it('namespaces as Cilium reads them: the subject stays home, peers may name namespaces or their labels', () => {
    const e = importDocs({
      [F]: `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: ns, namespace: shop}
spec:
  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": elsewhere, app: a}}
  egress:
  - toEndpoints:
    - matchLabels: {"k8s:io.cilium.k8s.namespace.labels.team": ops}
    - matchExpressions: [{key: "io.kubernetes.pod.namespace", operator: In, values: [x, y]}]
`,
    });
    const p = e.get('pod-policy', 'k8s/shop/CiliumNetworkPolicy/ns');
    // A namespace written in a CNP's endpointSelector is replaced by the policy's own.
    expect(p?.subject).toEqual({
      namespaces: { kind: 'name', name: 'shop' },
      pods: { matchLabels: { app: 'a' }, matchExpressions: [] },
    });
    expect(p?.rules[0]?.peers.map((x) => (x.kind === 'pods' ? x.namespaces : x))).toEqual([
      { kind: 'selector', selector: { matchLabels: { team: 'ops' }, matchExpressions: [] } },
      {
        kind: 'selector',
        selector: {
          matchLabels: {},
          matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['x', 'y'] }],
        },
      },
    ]);
  });

  it('isolation follows the sections present, unless enableDefaultDeny turns it off', () => {
    const e = importDocs({
      [F]: `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: dns-visibility, namespace: shop}
spec:
  endpointSelector: {}
  enableDefaultDeny: {egress: false}
  egress: [{toEndpoints: [{}]}]
  ingress: [{}]
`,
    });
    const p = e.get('pod-policy', 'k8s/shop/CiliumNetworkPolicy/dns-visibility');
    expect(p?.isolates).toEqual(['ingress']);
    // An empty rule names nothing: it only switches on default deny.
    expect(p?.rules.find((r) => r.direction === 'ingress')?.peers).toEqual([]);
  });
});

describe('CiliumClusterwideNetworkPolicy and specs[]', () => {
  it('ranges over every namespace unless the selector names one, one policy per rule set', () => {
    const e = importDocs({
      [F]: `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: cw}
specs:
- endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system}}
  ingress: [{fromEndpoints: [{}]}]
- endpointSelector:
    matchLabels: {"k8s:io.cilium.k8s.namespace.labels.team": a}
    matchExpressions: [{key: "k8s:tier", operator: Exists}]
  egressDeny: [{toEndpoints: [{matchLabels: {"reserved:host": ""}}]}]
  nodeSelector: {}
- endpointSelector: {matchExpressions: [{key: "k8s:io.kubernetes.pod.namespace", operator: NotIn, values: [a]}]}
  egressDeny: [{toEndpoints: [{matchLabels: {"reserved:host": ""}}, {matchLabels: {x: [1]}}]}]
`,
    });
    expect(e.all('pod-policy').map((p) => [p.id, p.policyKind, p.namespace, p.subject.namespaces])).toEqual([
      [
        'k8s/CiliumClusterwideNetworkPolicy/cw/specs/0',
        'cilium-clusterwide-network-policy',
        undefined,
        { kind: 'name', name: 'kube-system' },
      ],
      [
        'k8s/CiliumClusterwideNetworkPolicy/cw/specs/2',
        'cilium-clusterwide-network-policy',
        undefined,
        {
          kind: 'selector',
          selector: {
            matchLabels: {},
            matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['a'] }],
          },
        },
      ],
    ]);
    const [first, third] = e.all('pod-policy');
    expect(first?.rules[0]?.peers).toEqual([
      { kind: 'pods', namespaces: { kind: 'selector', selector: EMPTY }, pods: EMPTY },
    ]);
    expect(third?.rules[0]?.peers).toEqual([
      { kind: 'entity', entity: 'host' },
      { kind: 'unsupported', what: 'invalid endpoint selector' },
    ]);
    expect(codes(e.diagnostics)).toEqual([
      `unsupported IMPORT_K8S_UNSUPPORTED ${F}:11:17 /specs/1/nodeSelector`,
      `error IMPORT_K8S_SELECTOR ${F}:13:87 /specs/2/egressDeny/0/toEndpoints/1/matchLabels/x`,
    ]);
  });
});
