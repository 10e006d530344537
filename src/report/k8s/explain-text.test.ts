/** `--explain` text; explanations come from the same decision as the map (issue #4 item 5; k8s-mesh §1.3, §1.9). */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ClusterView, explainPair, workloadPeer } from '../../engine/index.js';
import { renderExplainText } from './explain-text.js';

const estate = importDocs({
  'shop.yaml': `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, ports: [{name: pg, containerPort: 5432}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: pg}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: no-ssh}
spec:
  priority: 5
  subject: {namespaces: {}}
  ingress: [{name: deny-ssh, action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 22}}]}]
`,
});
const view = new ClusterView(estate);
const [web, db] = ['web', 'db'].map((n) => view.pods.find((p) => p.workload.name === n)!);

describe('explainPair', () => {
  it('names the tier, policy and rule behind each part of the answer', () => {
    const e = explainPair(
      view,
      { kind: 'pod', pod: web! },
      { kind: 'pod', pod: db! },
      { src: workloadPeer(web!), dst: workloadPeer(db!) },
    );
    expect(renderExplainText([e]).split('\n')).toEqual([
      'Connections between shop/web[Pod] => shop/db[Pod]:',
      '  Allowed: TCP 5432',
      '  Egress of shop/web[Pod]:',
      '    All Connections: allowed by the system default (nothing isolates it for egress)',
      '  Ingress of shop/db[Pod]:',
      '    TCP 22: denied by k8s/AdminNetworkPolicy/no-ssh rule deny-ssh (admin tier)',
      '    TCP 5432: allowed by k8s/shop/NetworkPolicy/db-from-web rule ingress/0',
      '    SCTP 1-65535,TCP 1-21,23-5431,5433-65535,UDP 1-65535: denied, isolated for ingress by k8s/shop/NetworkPolicy/db-from-web and no rule allows it',
      '',
    ]);
    expect(e.allowed.tcp.toString()).toBe('5432');
  });

  it('an admin deny takes its port out even where no NetworkPolicy isolates', () => {
    const e = explainPair(
      view,
      { kind: 'pod', pod: db! },
      { kind: 'pod', pod: web! },
      { src: workloadPeer(db!), dst: workloadPeer(web!) },
    );
    expect(renderExplainText([e])).toContain('  Allowed: SCTP 1-65535,TCP 1-21,23-65535,UDP 1-65535');
  });
});
