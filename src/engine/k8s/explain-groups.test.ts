/** Grouping a pair's connections by identical explanation (netpol-analyzer's explain blocks). */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { workloadPeer } from './connectivity.js';
import { bySystemDefault, explainGroups } from './explain-groups.js';
import { explainPair } from './pair-explanation.js';
import { K8S_PORTS, PodConns } from './pod-conns.js';
import { ClusterView } from './view.js';

const estate = importDocs({
  'app.yaml': `apiVersion: v1
kind: Pod
metadata: {name: a, namespace: app, labels: {app: a}}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: app, labels: {app: b}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: into-a, namespace: app}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: b}}}]
  - from: [{podSelector: {}}]
    ports: [{port: 8050}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-only, namespace: app}
spec:
  podSelector: {matchLabels: {app: b}}
  policyTypes: [Egress]
  egress: [{ports: [{port: 443}]}, {to: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]
`,
});
const view = new ClusterView(estate);
const pod = (n: string) => view.pods.find((p) => p.workload.name === n)!;
const pair = (s: string, d: string) =>
  explainPair(
    view,
    { kind: 'pod', pod: pod(s) },
    { kind: 'pod', pod: pod(d) },
    { src: workloadPeer(pod(s)), dst: workloadPeer(pod(d)) },
  );

describe('explainGroups', () => {
  it('names one allowing rule per policy, so two rules that both allow do not split a group', () => {
    const groups = explainGroups(pair('b', 'a'));
    const ingress = groups.map((g) => g.ingress!.reasons.map((r) => `${r.policyName} #${r.ruleNumber}`));
    expect(ingress.every((rs) => rs.length === 1 && rs[0] === 'app/into-a #1')).toBe(true);
    // Egress of b: TCP 443 and 80 allowed (rules #1 and #2), the rest refused by isolation.
    expect(groups.map((g) => [g.conns.tcp.toString(), g.allowed])).toEqual([
      ['443', true],
      ['80', true],
      ['1-79, 81-442, 444-65535', false],
    ]);
    const refused = groups[2]!.egress!.reasons[0]!;
    expect(refused.isolation).toEqual([
      {
        policyName: 'app/web-only',
        rules: 2,
        selecting: [
          { ruleNumber: 1, namedPortsUnmatched: false },
          { ruleNumber: 2, namedPortsUnmatched: false },
        ],
      },
    ]);
  });

  it('a pair nothing isolates is one group decided by the system default alone', () => {
    const [g, ...rest] = explainGroups(pair('a', 'b'));
    expect(rest).toEqual([]);
    expect(g!.conns.isAll() && g!.allowed).toBe(true);
    expect(bySystemDefault(g!.egress) && bySystemDefault(g!.ingress)).toBe(true);
  });

  it('explains only what the focus leaves', () => {
    const groups = explainGroups(pair('b', 'a'), PodConns.of('UDP', K8S_PORTS));
    expect(groups.map((g) => g.allowed)).toEqual([false]);
  });
});
