/** `--explain --explain-style netpol`: netpol-analyzer's explain layout and wording, line by line. */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ClusterView, explainPair, type PairExplanation, workloadPeer } from '../../engine/index.js';
import { IpSet } from '../../model/index.js';
import { renderExplainNetpol } from './explain-netpol.js';

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
apiVersion: v1
kind: Pod
metadata: {name: cache, namespace: shop, labels: {app: cache}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: cache}}}]
    ports: [{port: redis}]
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: pg}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress, Egress]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: no-ssh}
spec:
  priority: 5
  subject: {namespaces: {}}
  ingress:
  - {name: pass-ssh, action: Pass, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 22}}]}
`,
});
const view = new ClusterView(estate);
const pod = (n: string) => view.pods.find((p) => p.workload.name === n)!;

function pair(src: string, dst: string): PairExplanation {
  const [s, d] = [pod(src), pod(dst)];
  return explainPair(
    view,
    { kind: 'pod', pod: s },
    { kind: 'pod', pod: d },
    { src: workloadPeer(s), dst: workloadPeer(d) },
  );
}

const outside: PairExplanation = explainPair(
  view,
  { kind: 'external', range: IpSet.fromCidr('0.0.0.0/0') },
  { kind: 'pod', pod: pod('web') },
  {
    src: { kind: 'external', text: '0.0.0.0-255.255.255.255[External]', name: '0.0.0.0-255.255.255.255' },
    dst: workloadPeer(pod('web')),
  },
);

const RULE = '-'.repeat(160);
const SPECIFIC = [
  '',
  '##########################################',
  '# Specific connections and their reasons #',
  '##########################################',
];

describe('renderExplainNetpol', () => {
  it('groups the connections both sides explain alike, with the rule numbers and isolation wording', () => {
    expect(renderExplainNetpol([pair('web', 'db')]).split('\n')).toEqual([
      ...SPECIFIC,
      RULE,
      'Connections between shop/web[Pod] => shop/db[Pod]:',
      '',
      'Allowed connections:',
      '\tAllowed TCP:[5432] due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Allowed)',
      "\t\t\tNetworkPolicy 'shop/db-from-web' allows connections by Ingress rule #2",
      '',
      'Denied connections:',
      '\tDenied TCP:[22] due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Denied)',
      "\t\t\tAdminNetworkPolicy 'no-ssh' passes connections by Ingress rule pass-ssh",
      '\t\t\tNetworkPolicy list:',
      "\t\t\t\t- NetworkPolicy 'shop/db-from-web' selects shop/db[Pod], and Ingress rule #2 selects shop/web[Pod], but the protocols and ports do not match",
      "\t\t\t\t- NetworkPolicy 'shop/deny-all' selects shop/db[Pod], but shop/web[Pod] is not allowed by any Ingress rule (no rules defined)",
      '',
      '',
      '\tDenied TCP:[1-21,23-5431,5433-65535], UDP, SCTP due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Denied)',
      '\t\t\tNetworkPolicy list:',
      "\t\t\t\t- NetworkPolicy 'shop/db-from-web' selects shop/db[Pod], and Ingress rule #2 selects shop/web[Pod], but the protocols and ports do not match",
      "\t\t\t\t- NetworkPolicy 'shop/deny-all' selects shop/db[Pod], but shop/web[Pod] is not allowed by any Ingress rule (no rules defined)",
      '',
      '',
      '',
    ]);
  });

  it('says when the named ports of the selecting rule name nothing on the destination', () => {
    const lines = renderExplainNetpol([pair('cache', 'db')]).split('\n');
    expect(lines).toContain(
      "\t\t\t\t- NetworkPolicy 'shop/db-from-web' selects shop/db[Pod], and Ingress rule #1 selects shop/cache[Pod], but named ports of the rule have no match in the configuration of the destination peer",
    );
    expect(lines).toContain(
      "\t\t\t\t- NetworkPolicy 'shop/deny-all' selects shop/db[Pod], but shop/cache[Pod] is not allowed by any Ingress rule (no rules defined)",
    );
  });

  it('lists the pairs only the system default allows at the end, after a pass that falls through', () => {
    expect(renderExplainNetpol([pair('web', 'cache'), outside]).split('\n')).toEqual([
      ...SPECIFIC,
      RULE,
      'Connections between shop/web[Pod] => shop/cache[Pod]:',
      '',
      'Allowed connections:',
      '\tAllowed TCP:[22] due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Allowed)',
      "\t\t\tAdminNetworkPolicy 'no-ssh' passes connections by Ingress rule pass-ssh",
      '\t\t\tthe system default (Allow all)',
      '',
      '\tAllowed TCP:[1-21,23-65535], UDP, SCTP due to the system default (Allow all)',
      '',
      '',
      '#########################################################',
      '# All Connections due to the system default (Allow all) #',
      '#########################################################',
      '0.0.0.0-255.255.255.255[External] => shop/web[Pod]',
      '',
    ]);
  });

  it('keeps only the allowed or the denied blocks, and narrows to a focus connection', () => {
    const denied = renderExplainNetpol([pair('web', 'db')], {
      only: 'deny',
      focusConn: { protocol: 'UDP', port: 53 },
    });
    expect(denied.split('\n')).toEqual([
      ...SPECIFIC,
      RULE,
      'Connections between shop/web[Pod] => shop/db[Pod]:',
      '',
      'Denied connections:',
      '\tDenied UDP:[53] due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Denied)',
      '\t\t\tNetworkPolicy list:',
      "\t\t\t\t- NetworkPolicy 'shop/db-from-web' selects shop/db[Pod], and Ingress rule #2 selects shop/web[Pod], but the protocols and ports do not match",
      "\t\t\t\t- NetworkPolicy 'shop/deny-all' selects shop/db[Pod], but shop/web[Pod] is not allowed by any Ingress rule (no rules defined)",
      '',
      '',
      '',
    ]);
    expect(
      renderExplainNetpol([pair('web', 'db')], { only: 'allow', focusConn: { protocol: 'UDP', port: 53 } }),
    ).toBe('');
  });
});
