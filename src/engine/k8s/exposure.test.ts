/**
 * The simple cases of netpol-analyzer's exposure analysis (its docs/exposure_analysis.md, restated
 * here on our own fixtures), plus the admin-policy cut-out, named ports and the focus connection.
 */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { connectivityOf } from './connectivity.js';
import type { ConnEdge, ExposureSection } from './connlist.js';
import { exposureSectionOf } from './exposure.js';
import type { Focus } from './focus.js';
import { POD_PROTOCOLS } from './pod-conns.js';
import { ClusterView } from './view.js';

/** hello-world/workload-a (app=a-app) with ports 8000 local-dns, 8050, 8090 http (all TCP). */
const WORKLOAD = `apiVersion: v1
kind: Namespace
metadata: {name: hello-world}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: workload-a, namespace: hello-world}
spec:
  selector: {matchLabels: {app: a-app}}
  template:
    metadata: {labels: {app: a-app}}
    spec:
      containers:
      - name: c
        image: i
        ports:
        - {name: local-dns, containerPort: 8000}
        - {containerPort: 8050}
        - {name: http, containerPort: 8090}`;

const A = 'hello-world/workload-a[Deployment]';

/** A NetworkPolicy selecting workload-a, with the given spec lines (indented by two). */
const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: hello-world}
spec:
  podSelector: {matchLabels: {app: a-app}}
${spec}`;

/** Our own short conns text for these tests: `All`, `None`, or `TCP 80-81,http UDP 53`. */
function conns(e: ConnEdge): string {
  if (e.conns.isAll() && !e.named?.length) return 'All';
  const items = POD_PROTOCOLS.flatMap((p) => {
    const parts = [
      ...e.conns
        .ports(p)
        .intervals()
        .map(({ lo, hi }) => (lo === hi ? `${lo}` : `${lo}-${hi}`)),
      ...(e.named ?? []).filter((n) => n.protocol === p).map((n) => n.name),
    ];
    return parts.length > 0 ? [`${p} ${parts.join(',')}`] : [];
  });
  const bare = (e.named ?? []).filter((n) => n.protocol === '').map((n) => n.name);
  return [...(bare.length > 0 ? [bare.join(',')] : []), ...items].join(' ') || 'None';
}

function lines(s: ExposureSection): string[] {
  return [
    ...s.egress.map((e) => `${e.src.text} => ${e.dst.text} : ${conns(e)}`),
    ...s.ingress.map((e) => `${e.dst.text} <= ${e.src.text} : ${conns(e)}`),
    ...(s.unprotected ?? []).map((u) => `${u.workload.text} not protected on ${u.direction}`),
  ].sort();
}

function exposure(docs: string, focus?: Focus): string[] {
  const view = new ClusterView(importDocs({ 'x.yaml': `${WORKLOAD}\n---\n${docs}` }));
  return lines(exposureSectionOf(view, connectivityOf(view), focus));
}

describe('exposure, the documented simple cases', () => {
  it('exposes a workload no policy selects to everything, both ways', () => {
    expect(exposure('')).toEqual([
      `${A} <= 0.0.0.0-255.255.255.255[External] : All`,
      `${A} <= entire-cluster : All`,
      `${A} => 0.0.0.0-255.255.255.255[External] : All`,
      `${A} => entire-cluster : All`,
      `${A} not protected on egress`,
      `${A} not protected on ingress`,
    ]);
  });

  it('exposes the direction a policy does not isolate', () => {
    expect(exposure(policy('  policyTypes: [Ingress]'))).toEqual([
      `${A} => 0.0.0.0-255.255.255.255[External] : All`,
      `${A} => entire-cluster : All`,
      `${A} not protected on egress`,
    ]);
  });

  it('exposes to everything through a rule without peers', () => {
    expect(exposure(policy('  policyTypes: [Ingress, Egress]\n  ingress: [{}]'))).toEqual([
      `${A} <= 0.0.0.0-255.255.255.255[External] : All`,
      `${A} <= entire-cluster : All`,
    ]);
  });

  it('exposes to entire-cluster through an empty namespaceSelector, on the rule ports', () => {
    expect(
      exposure(
        policy(
          '  ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 8050}]}]\n  policyTypes: [Ingress]',
        ),
      ),
    ).toContain(`${A} <= entire-cluster : TCP 8050`);
  });

  it('exposes to entire-cluster through empty namespace and pod selectors', () => {
    expect(
      exposure(
        policy('  policyTypes: [Egress]\n  egress: [{to: [{namespaceSelector: {}, podSelector: {}}]}]'),
      ),
    ).toContain(`${A} => entire-cluster : All`);
  });

  it('exposes to pods with the labels in any namespace for an empty namespaceSelector and a podSelector', () => {
    expect(
      exposure(
        policy(
          '  policyTypes: [Ingress]\n  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {role: monitoring}}}], ports: [{port: 8050}]}]',
        ),
      ),
    ).toContain(`${A} <= [all namespaces]/[pod with {role=monitoring}] : TCP 8050`);
  });

  it('exposes to pods with the labels in the policy namespace for a podSelector alone', () => {
    expect(
      exposure(
        policy('  policyTypes: [Ingress]\n  ingress: [{from: [{podSelector: {matchLabels: {app: b-app}}}]}]'),
      ),
    ).toContain(`${A} <= hello-world/[pod with {app=b-app}] : All`);
  });

  it('exposes to all pods of matching namespaces for a namespaceSelector alone', () => {
    expect(
      exposure(
        policy(
          '  policyTypes: [Ingress]\n  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: backend}}}], ports: [{port: 8050}]}]',
        ),
      ),
    ).toEqual([
      `${A} <= backend/[all pods] : TCP 8050`,
      `${A} => 0.0.0.0-255.255.255.255[External] : All`,
      `${A} => entire-cluster : All`,
      `${A} not protected on egress`,
    ]);
  });

  it('exposes to pods with the labels in namespaces with the labels for both selectors', () => {
    expect(
      exposure(
        policy(
          '  policyTypes: [Ingress]\n  ingress: [{from: [{namespaceSelector: {matchLabels: {effect: NoSchedule}}, podSelector: {matchLabels: {role: monitoring}}}]}]',
        ),
      ),
    ).toContain(`${A} <= [namespace with {effect=NoSchedule}]/[pod with {role=monitoring}] : All`);
  });
});

describe('exposure, beyond the simple cases', () => {
  it('leaves out a representative that entire-cluster already covers', () => {
    expect(
      exposure(
        policy(
          '  policyTypes: [Ingress]\n  ingress:\n  - from: [{namespaceSelector: {}}]\n  - from: [{namespaceSelector: {matchLabels: {env: prod}}}]',
        ),
      ),
    ).toEqual([
      `${A} <= entire-cluster : All`,
      `${A} => 0.0.0.0-255.255.255.255[External] : All`,
      `${A} => entire-cluster : All`,
      `${A} not protected on egress`,
    ]);
  });

  it('prints No Connections for a representative an admin Deny cuts out of entire-cluster', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: cut}
spec:
  priority: 10
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: hello-world}}}
  egress:
  - {name: deny-prod, action: Deny, to: [{namespaces: {matchLabels: {env: prod}}}]}
  - {name: allow-all, action: Allow, to: [{namespaces: {}}]}`;
    expect(exposure(anp).filter((l) => l.includes(' => '))).toEqual([
      `${A} => 0.0.0.0-255.255.255.255[External] : All`,
      `${A} => [namespace with {env=prod}]/[all pods] : None`,
      `${A} => entire-cluster : All`,
    ]);
  });

  it('keeps named ports as names toward peers beyond the input and resolves them on the workload', () => {
    expect(
      exposure(
        policy(
          '  ingress: [{from: [{namespaceSelector: {}}], ports: [{port: local-dns}, {port: http}]}]\n' +
            '  egress: [{to: [{namespaceSelector: {matchLabels: {env: prod}}}], ports: [{port: http}]}]',
        ),
      ),
    ).toEqual([
      `${A} <= entire-cluster : TCP 8000,8090`,
      `${A} => [namespace with {env=prod}]/[all pods] : TCP http`,
    ]);
  });

  it('keeps only the focus connection: a representative shows when entire-cluster lacks it', () => {
    const spec =
      '  policyTypes: [Ingress]\n  ingress:\n  - {from: [{namespaceSelector: {}}], ports: [{port: 80}]}\n' +
      '  - {from: [{namespaceSelector: {matchLabels: {env: prod}}}], ports: [{port: 80}, {port: 53, protocol: UDP}]}';
    expect(
      exposure(policy(spec), { conn: { protocol: 'UDP', port: 53 } }).filter((l) => l.includes(' <= ')),
    ).toEqual([`${A} <= [namespace with {env=prod}]/[all pods] : UDP 53`]);
    expect(
      exposure(policy(spec), { conn: { protocol: 'TCP', port: 80 } }).filter((l) => l.includes(' <= ')),
    ).toEqual([`${A} <= entire-cluster : TCP 80`]);
  });
});
