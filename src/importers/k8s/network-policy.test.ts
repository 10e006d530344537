import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';
import type { PodPolicy } from '../../model/index.js';

const F = 'k8s/np.yaml';

function policies(yaml: string): { list: readonly PodPolicy[]; diags: string[] } {
  const e = importDocs({ [F]: yaml });
  return { list: e.all('pod-policy'), diags: codes(e.diagnostics) };
}

function np(spec: string, name = 'p', ns = 'shop'): string {
  const body = spec
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${body}\n`;
}

describe('NetworkPolicy isolation (k8s-mesh §1.2)', () => {
  it.each([
    ['no policyTypes, no egress', 'podSelector: {}', ['ingress']],
    ['no policyTypes, empty egress list', 'podSelector: {}\negress: []', ['ingress']],
    ['no policyTypes, one egress rule', 'podSelector: {}\negress:\n- {}', ['ingress', 'egress']],
    ['policyTypes Egress only', 'podSelector: {}\npolicyTypes: [Egress]', ['egress']],
    ['policyTypes both, no rules', 'podSelector: {}\npolicyTypes: [Egress, Ingress]', ['ingress', 'egress']],
    ['empty policyTypes: defaulted', 'podSelector: {}\npolicyTypes: []', ['ingress']],
  ])('%s', (_t, spec, isolates) => {
    expect(policies(np(spec)).list[0]?.isolates).toEqual(isolates);
  });

  it('drops the rules of a direction policyTypes leaves out, with a warning', () => {
    const r = policies(np('podSelector: {}\npolicyTypes: [Egress]\ningress:\n- {}\negress:\n- {}'));
    expect(r.list[0]?.rules.map((x) => x.id)).toEqual(['k8s/shop/NetworkPolicy/p/egress/0']);
    expect(r.diags).toEqual([`warning IMPORT_K8S_RULES_IGNORED ${F}:9:3 /spec/ingress`]);
  });
});

describe('NetworkPolicy rules and peers (k8s-mesh §1.4, §1.5)', () => {
  const yaml = np(`
podSelector:
  matchLabels: {app: db}
ingress:
- {}
- from:
  - podSelector: {matchLabels: {app: web}}
  - namespaceSelector: {matchLabels: {team: a}}
  - namespaceSelector: {}
    podSelector:
      matchExpressions: [{key: tier, operator: In, values: [x, y]}]
  - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
  ports:
  - port: 5432
  - {protocol: UDP, port: 53, endPort: 54}
  - {port: pg}
  - protocol: SCTP
egress:
- to: []
  ports: []
`);
  it('maps every peer kind and port form', () => {
    const p = policies(yaml).list[0]!;
    expect(p).toMatchObject({
      id: 'k8s/shop/NetworkPolicy/p',
      name: 'p',
      provider: 'kubernetes',
      policyKind: 'network-policy',
      clusterId: 'default',
      namespace: 'shop',
      subject: { namespaces: { kind: 'name', name: 'shop' }, pods: { matchLabels: { app: 'db' } } },
      isolates: ['ingress', 'egress'],
    });
    expect(p.source.line).toBe(1);
    const [any, listed, out] = p.rules;
    expect(any).toMatchObject({
      id: 'k8s/shop/NetworkPolicy/p/ingress/0',
      direction: 'ingress',
      action: 'allow',
      peers: [{ kind: 'any' }],
      ports: 'all',
    });
    expect(any?.source.line).toBe(10);
    expect(listed?.peers).toEqual([
      {
        kind: 'pods',
        namespaces: { kind: 'name', name: 'shop' },
        pods: { matchLabels: { app: 'web' }, matchExpressions: [] },
      },
      {
        kind: 'pods',
        namespaces: { kind: 'selector', selector: { matchLabels: { team: 'a' }, matchExpressions: [] } },
        pods: { matchLabels: {}, matchExpressions: [] },
      },
      {
        kind: 'pods',
        namespaces: { kind: 'selector', selector: { matchLabels: {}, matchExpressions: [] } },
        pods: { matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'In', values: ['x', 'y'] }] },
      },
      { kind: 'ip-block', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'], matchesPods: false },
    ]);
    expect(listed?.ports).toEqual([
      { protocol: 'TCP', port: 5432 },
      { protocol: 'UDP', port: 53, endPort: 54 },
      { protocol: 'TCP', name: 'pg' },
      { protocol: 'SCTP' },
    ]);
    expect(out).toMatchObject({
      id: 'k8s/shop/NetworkPolicy/p/egress/0',
      peers: [{ kind: 'any' }],
      ports: 'all',
    });
  });

  it('puts a policy without namespace in default, which is then synthesised', () => {
    const e = importDocs({
      [F]: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d}\nspec: {podSelector: {}}\n',
    });
    expect(e.get('pod-policy', 'k8s/default/NetworkPolicy/d')?.namespace).toBe('default');
    expect(e.get('namespace', 'k8s/default')).toMatchObject({
      partial: true,
      labels: { 'kubernetes.io/metadata.name': 'default' },
    });
  });
});

describe('invalid NetworkPolicy parts: located errors, dropped, never widened', () => {
  it('reports each at its pointer and keeps the valid rest', () => {
    const r = policies(
      np(`
podSelector: {}
ingress:
- from:
  - ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}
  - ipBlock: {cidr: 10.0.0.0/40}
  - podSelector: {matchExpressions: [{key: a, operator: Equals, values: [b]}]}
  - podSelector: {matchExpressions: [{key: a, operator: In}]}
  - namespaceSelector: {matchExpressions: [{key: a, operator: Exists, values: [b]}]}
  - podSelector: {matchLabels: {version: 1}}
  - ipBlock: {cidr: 10.0.0.0/8}
    podSelector: {}
  - {}
  - podSelector: {app: web}
  - podSelector: {}
  ports:
  - {port: 80, endPort: 79}
  - {port: http, endPort: 90}
  - {protocol: ICMP, port: 1}
  - {port: 70000}
  - {port: 8080}
- from:
  - {}
`),
    );
    expect(r.diags).toEqual([
      `error IMPORT_K8S_EXCEPT_OUTSIDE_CIDR ${F}:10:45 /spec/ingress/0/from/0/ipBlock/except/0`,
      `error IMPORT_INVALID_CIDR ${F}:11:23 /spec/ingress/0/from/1/ipBlock/cidr`,
      `error IMPORT_K8S_SELECTOR ${F}:12:59 /spec/ingress/0/from/2/podSelector/matchExpressions/0/operator`,
      `error IMPORT_K8S_SELECTOR ${F}:13:40 /spec/ingress/0/from/3/podSelector/matchExpressions/0`,
      `error IMPORT_K8S_SELECTOR ${F}:14:81 /spec/ingress/0/from/4/namespaceSelector/matchExpressions/0/values`,
      `error IMPORT_K8S_SELECTOR ${F}:15:44 /spec/ingress/0/from/5/podSelector/matchLabels/version`,
      `error IMPORT_K8S_PEER ${F}:16:7 /spec/ingress/0/from/6`,
      `error IMPORT_K8S_PEER ${F}:18:7 /spec/ingress/0/from/7`,
      `error IMPORT_K8S_SELECTOR ${F}:19:26 /spec/ingress/0/from/8/podSelector/app`,
      `error IMPORT_K8S_PORT ${F}:22:27 /spec/ingress/0/ports/0/endPort`,
      `error IMPORT_K8S_PORT ${F}:23:29 /spec/ingress/0/ports/1/endPort`,
      `error IMPORT_K8S_PROTOCOL ${F}:24:18 /spec/ingress/0/ports/2/protocol`,
      `error IMPORT_K8S_PORT ${F}:25:14 /spec/ingress/0/ports/3/port`,
      `error IMPORT_K8S_PEER ${F}:28:7 /spec/ingress/1/from/0`,
    ]);
    const [first, second] = r.list[0]!.rules;
    expect(first?.peers).toEqual([
      {
        kind: 'pods',
        namespaces: { kind: 'name', name: 'shop' },
        pods: { matchLabels: {}, matchExpressions: [] },
      },
    ]);
    expect(first?.ports).toEqual([{ protocol: 'TCP', port: 8080 }]);
    // Its only peer was invalid: the rule matches nothing, it does not become "any".
    expect(second?.peers).toEqual([]);
  });

  it('skips a policy whose podSelector is invalid, and an object without a name', () => {
    const r = policies(
      `${np('podSelector: {matchLabels: {a: [x]}}')}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {namespace: x}\nspec: {}\n`,
    );
    expect(r.list).toEqual([]);
    expect(r.diags).toEqual([
      `error IMPORT_K8S_SELECTOR ${F}:7:34 /spec/podSelector/matchLabels/a`,
      `error IMPORT_K8S_NO_NAME ${F}:11:11 /metadata`,
    ]);
  });
});
