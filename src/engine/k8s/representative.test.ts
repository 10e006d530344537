import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { peerNamesRepresentative, representatives } from './representative.js';
import { ClusterView } from './view.js';

const NS = `apiVersion: v1
kind: Namespace
metadata: {name: ns1, labels: {team: blue}}`;

const deployment = (ns: string, name: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec: {containers: [{name: c, image: i}]}`;

/** One NetworkPolicy in ns1 selecting app=a with the given ingress `from` list. */
const ingressFrom = (from: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: ns1}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress: [{from: ${from}}]`;

function names(...docs: string[]): string[] {
  const view = new ClusterView(
    importDocs({ 'x.yaml': [NS, deployment('ns1', 'a', '{app: a}'), ...docs].join('\n---\n') }),
  );
  return representatives(view)
    .map((r) => r.peer.text)
    .sort();
}

describe('representatives', () => {
  it('names one per distinct selector pair, in the namespace of the policy without namespaceSelector', () => {
    expect(
      names(
        ingressFrom(
          '[{podSelector: {matchLabels: {app: foo}}}, {namespaceSelector: {matchLabels: {env: prod}}}, ' +
            '{namespaceSelector: {}, podSelector: {matchLabels: {role: mon}}}, ' +
            '{namespaceSelector: {matchExpressions: [{key: app, operator: In, values: [foo]}]}}]',
        ),
      ),
    ).toEqual([
      '[all namespaces]/[pod with {role=mon}]',
      '[namespace with {env=prod}]/[all pods]',
      '[namespace with {{Key:app,Operator:In,Values:[foo],}}]/[all pods]',
      'ns1/[pod with {app=foo}]',
    ]);
  });

  it('gives one representative for selectors with the same requirements', () => {
    expect(
      names(
        ingressFrom(
          '[{namespaceSelector: {matchLabels: {env: prod}}}, ' +
            '{namespaceSelector: {matchExpressions: [{key: env, operator: In, values: [prod]}]}}]',
        ),
      ),
    ).toEqual(['[namespace with {env=prod}]/[all pods]']);
  });

  it('gives none for a NetworkPolicy rule that also names the entire cluster', () => {
    expect(
      names(ingressFrom('[{namespaceSelector: {matchLabels: {env: prod}}}, {namespaceSelector: {}}]')),
    ).toEqual([]);
  });

  it('keeps the other peers of an admin policy rule that names the entire cluster', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: anp}
spec:
  priority: 5
  subject: {namespaces: {}}
  ingress:
  - name: r
    action: Allow
    from: [{namespaces: {matchLabels: {env: prod}}}, {namespaces: {}}]`;
    expect(names(anp)).toEqual(['[namespace with {env=prod}]/[all pods]']);
  });

  it('drops a label-only representative a real workload realises, and keeps the others', () => {
    const policy = ingressFrom(
      '[{podSelector: {matchLabels: {app: foo}}}, {namespaceSelector: {matchLabels: {team: blue}}}, ' +
        '{podSelector: {matchExpressions: [{key: app, operator: In, values: [foo, bar]}]}}]',
    );
    expect(names(policy, deployment('ns1', 'foo', '{app: foo}'))).toEqual([
      '[namespace with {team=blue}]/[all pods]',
      'ns1/[pod with {{Key:app,Operator:In,Values:[foo bar],}}]',
    ]);
  });
});

describe('peerNamesRepresentative', () => {
  it('needs the same namespace for a peer without namespaceSelector', () => {
    const view = new ClusterView(
      importDocs({
        'x.yaml': [NS, ingressFrom('[{podSelector: {matchLabels: {app: foo}}}]')].join('\n---\n'),
      }),
    );
    const [rep] = representatives(view);
    const pods = { matchLabels: { app: 'foo' }, matchExpressions: [] };
    expect(
      peerNamesRepresentative({ kind: 'pods', namespaces: { kind: 'name', name: 'ns1' }, pods }, rep!),
    ).toBe(true);
    expect(
      peerNamesRepresentative({ kind: 'pods', namespaces: { kind: 'name', name: 'ns2' }, pods }, rep!),
    ).toBe(false);
    const any = { matchLabels: {}, matchExpressions: [] };
    expect(
      peerNamesRepresentative(
        { kind: 'pods', namespaces: { kind: 'selector', selector: any }, pods: any },
        rep!,
      ),
    ).toBe(true);
    expect(
      peerNamesRepresentative({ kind: 'ip-block', cidr: '0.0.0.0/0', except: [], matchesPods: false }, rep!),
    ).toBe(false);
  });
});
