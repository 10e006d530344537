import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';

const F = 'k8s/anp.yaml';

// Shapes as in shared/conformance/k8s/netpol-analyzer/tests/anp_* and banp_*.
const ANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: gryffindor
spec:
  priority: 20
  subject:
    pods:
      namespaceSelector:
        matchLabels: {conformance-house: gryffindor}
      podSelector:
        matchLabels: {app: a}
  ingress:
  - name: "deny-slytherin"
    action: "Deny"
    from:
    - namespaces:
        matchLabels: {conformance-house: slytherin}
    ports:
    - portNumber: {protocol: UDP, port: 53}
    - namedPort: web
    - portRange: {protocol: SCTP, start: 9000, end: 9005}
  - name: "pass-pods"
    action: "Pass"
    from:
    - pods:
        namespaceSelector: {}
        podSelector: {matchLabels: {app: b}}
  egress:
  - name: "allow-networks"
    action: "Allow"
    to:
    - networks: [10.0.0.0/8, "fd00::/8", 192.168.1.0/24]
    - nodes:
        matchLabels: {role: infra}
`;

describe('AdminNetworkPolicy and BaselineAdminNetworkPolicy (k8s-mesh §1.9)', () => {
  it('reads subject, priority, rules in order with actions, names, peers and port forms', () => {
    const e = importDocs({ [F]: ANP });
    const p = e.get('pod-policy', 'k8s/AdminNetworkPolicy/gryffindor');
    expect(p).toMatchObject({
      policyKind: 'admin-network-policy',
      priority: 20,
      isolates: [],
      subject: {
        namespaces: { kind: 'selector', selector: { matchLabels: { 'conformance-house': 'gryffindor' } } },
        pods: { matchLabels: { app: 'a' } },
      },
    });
    expect(p?.namespace).toBeUndefined();
    expect(p?.rules.map((r) => `${r.id} ${r.name} ${r.direction} ${r.action}`)).toEqual([
      'k8s/AdminNetworkPolicy/gryffindor/ingress/0 deny-slytherin ingress deny',
      'k8s/AdminNetworkPolicy/gryffindor/ingress/1 pass-pods ingress pass',
      'k8s/AdminNetworkPolicy/gryffindor/egress/0 allow-networks egress allow',
    ]);
    const [deny, pass, allow] = p!.rules;
    expect(deny?.peers).toEqual([
      {
        kind: 'pods',
        namespaces: {
          kind: 'selector',
          selector: { matchLabels: { 'conformance-house': 'slytherin' }, matchExpressions: [] },
        },
        pods: { matchLabels: {}, matchExpressions: [] },
      },
    ]);
    expect(deny?.ports).toEqual([
      { protocol: 'UDP', port: 53 },
      { protocol: 'ANY', name: 'web' },
      { protocol: 'SCTP', port: 9000, endPort: 9005 },
    ]);
    expect(pass?.peers).toEqual([
      {
        kind: 'pods',
        namespaces: { kind: 'selector', selector: { matchLabels: {}, matchExpressions: [] } },
        pods: { matchLabels: { app: 'b' }, matchExpressions: [] },
      },
    ]);
    expect(pass?.ports).toBe('all');
    expect(allow?.peers).toEqual([
      { kind: 'ip-block', cidr: '10.0.0.0/8', except: [], matchesPods: true },
      { kind: 'ip-block', cidr: '192.168.1.0/24', except: [], matchesPods: true },
    ]);
    expect(codes(e.diagnostics)).toEqual([
      `warning IMPORT_K8S_IPV6_NETWORK ${F}:33:30 /spec/egress/0/to/0/networks/1`,
      `unsupported IMPORT_K8S_UNSUPPORTED ${F}:34:7 /spec/egress/0/to/1/nodes`,
    ]);
  });

  it('reads a BANP with a namespaces subject', () => {
    const e = importDocs({
      [F]: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject:
    namespaces: {}
  egress:
  - {name: deny-all, action: Deny, to: [{networks: [0.0.0.0/0]}]}
`,
    });
    expect(e.get('pod-policy', 'k8s/BaselineAdminNetworkPolicy/default')).toMatchObject({
      policyKind: 'baseline-admin-network-policy',
      subject: { namespaces: { kind: 'selector', selector: { matchLabels: {} } }, pods: { matchLabels: {} } },
      rules: [
        {
          name: 'deny-all',
          action: 'deny',
          peers: [{ kind: 'ip-block', cidr: '0.0.0.0/0', except: [], matchesPods: true }],
        },
      ],
    });
    expect(e.get('pod-policy', 'k8s/BaselineAdminNetworkPolicy/default')?.priority).toBeUndefined();
    expect(e.diagnostics).toEqual([]);
  });

  it('invalid parts: reported, allow rules lose them, deny and pass rules fail closed', () => {
    const e = importDocs({
      [F]: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: bad}
spec:
  priority: 5
  subject: {namespaces: {}}
  ingress:
  - {name: a, action: Allow, from: [{namespaces: {matchLabels: {x: [1]}}}]}
  - {name: d, action: Deny, from: [{networks: [10.0.0.0/8]}]}
  - {name: x, action: Reject, from: [{namespaces: {}}]}
  - {name: b, action: Pass, from: [{namespaces: {}}], ports: [{portRange: {start: 9, end: 1}}, {portNumber: {port: 0}}]}
  egress:
  - {name: n, action: Deny, to: [{networks: [300.0.0.0/8]}]}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: nopriority}
spec: {subject: {namespaces: {}}}
`,
    });
    const rules = e.get('pod-policy', 'k8s/AdminNetworkPolicy/bad')?.rules ?? [];
    expect(rules.map((r) => [r.name, r.peers, r.ports])).toEqual([
      ['a', [], 'all'],
      ['d', [{ kind: 'unsupported', what: 'invalid peer' }], 'all'],
      ['b', [{ kind: 'pods', namespaces: expect.anything(), pods: expect.anything() }], []],
      ['n', [{ kind: 'unsupported', what: 'invalid network' }], 'all'],
    ]);
    expect(e.get('pod-policy', 'k8s/AdminNetworkPolicy/nopriority')).toBeUndefined();
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_K8S_SELECTOR ${F}:8:68 /spec/ingress/0/from/0/namespaces/matchLabels/x`,
      `error IMPORT_K8S_PEER ${F}:9:36 /spec/ingress/1/from/0`,
      `error IMPORT_K8S_INVALID_VALUE ${F}:10:23 /spec/ingress/2/action`,
      `error IMPORT_K8S_PORT ${F}:11:91 /spec/ingress/3/ports/0/portRange/end`,
      `error IMPORT_K8S_PORT ${F}:11:116 /spec/ingress/3/ports/1/portNumber/port`,
      `error IMPORT_INVALID_CIDR ${F}:13:46 /spec/egress/0/to/0/networks/0`,
      `error IMPORT_MISSING_FIELD ${F}:18:7 /spec`,
    ]);
  });
});
