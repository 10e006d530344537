/**
 * The ten cases of k8s-mesh §6 (T1-T10), on its common fixture: namespaces x, y, z (label ns=<name>),
 * pods a, b, c in each (label pod=<name>, IP 10.0.<ns#>.<pod#>, named ports serve-80-tcp/udp and
 * serve-81-tcp/udp), probed on TCP 80 unless stated. Each case runs under both ipBlock profiles
 * (k8s-mesh §1.6): only T8 differs between them.
 */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { IpSet, type PodProtocol } from '../../model/index.js';
import { admitted } from './decide.js';
import type { Party } from './peers.js';
import { ClusterView, DEFAULT_CNI } from './view.js';

const NS = ['x', 'y', 'z'] as const;
const PODS = ['a', 'b', 'c'] as const;

function fixture(): string {
  const docs: string[] = [];
  NS.forEach((ns) => {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}, labels: {ns: ${ns}}}`);
  });
  NS.forEach((ns, i) => {
    PODS.forEach((pod, j) => {
      docs.push(`apiVersion: v1
kind: Pod
metadata: {name: ${pod}, namespace: ${ns}, labels: {pod: ${pod}}}
spec:
  containers:
  - name: c
    image: server
    ports:
    - {name: serve-80-tcp, containerPort: 80, protocol: TCP}
    - {name: serve-80-udp, containerPort: 80, protocol: UDP}
    - {name: serve-81-tcp, containerPort: 81, protocol: TCP}
    - {name: serve-81-udp, containerPort: 81, protocol: UDP}
status: {podIP: 10.0.${i + 1}.${j + 1}}`);
    });
  });
  return docs.join('\n---\n');
}
const FIXTURE = fixture();

type Profile = 'external-only' | 'pods-too';
const PROFILES: Profile[] = ['external-only', 'pods-too'];

function cluster(policies: string, profile: Profile): ClusterView {
  const estate = importDocs({ 'fixture.yaml': FIXTURE, 'policies.yaml': policies });
  return new ClusterView(estate, { ...DEFAULT_CNI, ipBlockMatchesPods: profile === 'pods-too' });
}

function party(view: ClusterView, ref: string): Party {
  if (/^\d/.test(ref)) return { kind: 'external', range: IpSet.fromCidr(`${ref}/32`) };
  const pod = view.pods.find((p) => `${p.namespace}/${p.workload.name}` === ref);
  if (!pod) throw new Error(`no pod ${ref}`);
  return { kind: 'pod', pod };
}

/** Whether `from` may open `protocol/port` to `to`: egress of the source and ingress of the destination. */
function allows(
  view: ClusterView,
  from: string,
  to: string,
  port = 80,
  protocol: PodProtocol = 'TCP',
): boolean {
  const src = party(view, from);
  const dst = party(view, to);
  const out =
    src.kind === 'pod'
      ? admitted(view, { subject: src.pod, direction: 'egress', other: dst, dst })
      : undefined;
  const inn =
    dst.kind === 'pod'
      ? admitted(view, { subject: dst.pod, direction: 'ingress', other: src, dst })
      : undefined;
  const ok = (c: typeof out) => c === undefined || c.ports(protocol).contains(port);
  return ok(out) && ok(inn);
}

const all = NS.flatMap((ns) => PODS.map((p) => `${ns}/${p}`));

/** Every ordered pair of distinct pods with its verdict, as `src -> dst`. */
function allowedPairs(view: ClusterView, port = 80, protocol: PodProtocol = 'TCP'): string[] {
  return all.flatMap((s) =>
    all.filter((d) => d !== s && allows(view, s, d, port, protocol)).map((d) => `${s} -> ${d}`),
  );
}

describe.each(PROFILES)('k8s-mesh §6 tricky cases, ipBlock profile %s', (profile) => {
  it('T1 default-deny-ingress is per namespace and ingress only', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-ingress, namespace: x}
spec: {podSelector: {}, policyTypes: [Ingress]}`,
      profile,
    );
    for (const s of all)
      for (const d of ['x/a', 'x/b', 'x/c']) if (s !== d) expect(allows(v, s, d)).toBe(false);
    expect(allows(v, 'x/a', 'y/a')).toBe(true);
    expect(allows(v, 'x/b', 'z/c')).toBe(true);
    expect(allows(v, 'y/a', 'y/b')).toBe(true);
    expect(allows(v, '8.8.8.8', 'x/a')).toBe(false);
    expect(allows(v, 'x/a', '8.8.8.8')).toBe(true);
  });

  it('T2 one peer with both selectors is an AND', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-ns-y-z-pod-b-c, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Ingress]
  ingress:
  - from:
    - namespaceSelector: {matchExpressions: [{key: ns, operator: NotIn, values: [x]}]}
      podSelector: {matchExpressions: [{key: pod, operator: In, values: [b, c]}]}`,
      profile,
    );
    const into = all.filter((s) => s !== 'x/a' && allows(v, s, 'x/a'));
    expect(into).toEqual(['y/b', 'y/c', 'z/b', 'z/c']);
    expect(allows(v, '8.8.8.8', 'x/a')).toBe(false);
  });

  it('T3 the same selectors as two peers are an OR; a bare podSelector means the policy namespace', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: or-peers, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {ns: y}}
    - podSelector: {matchLabels: {pod: b}}`,
      profile,
    );
    expect(all.filter((s) => s !== 'x/a' && allows(v, s, 'x/a'))).toEqual(['x/b', 'y/a', 'y/b', 'y/c']);
  });

  it('T4 egress isolation on the client wins over an allow-all on the server (and blocks DNS)', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress-except-y, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  egress: [{to: [{namespaceSelector: {matchLabels: {ns: y}}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all-ingress, namespace: z}
spec: {podSelector: {}, ingress: [{}]}`,
      profile,
    );
    expect(all.filter((d) => d !== 'x/a' && allows(v, 'x/a', d))).toEqual(['y/a', 'y/b', 'y/c']);
    expect(allows(v, 'x/b', 'z/a')).toBe(true);
    expect(allows(v, 'x/a', 'z/a', 53, 'UDP')).toBe(false);
  });

  it('T5 a named port resolves on the destination and carries its protocol', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-named, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress: [{ports: [{port: serve-80-tcp}]}]`,
      profile,
    );
    expect(allows(v, 'y/b', 'x/a', 80, 'TCP')).toBe(true);
    expect(allows(v, 'y/b', 'x/a', 81, 'TCP')).toBe(false);
    expect(allows(v, 'y/b', 'x/a', 80, 'UDP')).toBe(false);
    expect(allows(v, 'y/b', 'x/a', 81, 'UDP')).toBe(false);
    const udp = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-named-udp, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress: [{ports: [{port: serve-80-tcp, protocol: UDP}]}]`,
      profile,
    );
    for (const [port, proto] of [
      [80, 'TCP'],
      [80, 'UDP'],
      [81, 'TCP'],
      [81, 'UDP'],
    ] as const)
      expect(allows(udp, 'y/b', 'x/a', port, proto)).toBe(false);
  });

  it('T6 the protocol defaults to TCP and UDP is not implied', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: tcp-80-only, namespace: x}
spec: {podSelector: {matchLabels: {pod: a}}, ingress: [{ports: [{port: 80}]}]}`,
      profile,
    );
    expect(allows(v, 'z/c', 'x/a', 80, 'TCP')).toBe(true);
    expect(allows(v, '8.8.8.8', 'x/a', 80, 'TCP')).toBe(true);
    expect(allows(v, 'z/c', 'x/a', 80, 'UDP')).toBe(false);
    expect(allows(v, 'z/c', 'x/a', 81, 'TCP')).toBe(false);
    expect(allows(v, 'z/c', 'x/a', 80, 'SCTP')).toBe(false);
  });

  it('T7 stacked policies are a union', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-from-y, namespace: x}
spec: {podSelector: {matchLabels: {pod: a}}, ingress: [{from: [{namespaceSelector: {matchLabels: {ns: y}}}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-from-z-on-81, namespace: x}
spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {ns: z}}}], ports: [{port: 81}]}]}`,
      profile,
    );
    expect(allows(v, 'y/c', 'x/a', 80)).toBe(true);
    expect(allows(v, 'y/c', 'x/a', 81)).toBe(true);
    expect(allows(v, 'z/a', 'x/a', 80)).toBe(false);
    expect(allows(v, 'z/a', 'x/a', 81)).toBe(true);
    expect(allows(v, 'x/b', 'x/a', 81)).toBe(false);
    expect(all.filter((s) => s !== 'x/b' && allows(v, s, 'x/b', 81))).toEqual(['z/a', 'z/b', 'z/c']);
    expect(all.filter((s) => s !== 'x/b' && allows(v, s, 'x/b', 80))).toEqual([]);
  });

  it('T8 ipBlock except and pod addresses depend on the profile', () => {
    const policy = (second: boolean) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-cidr, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 10.0.2.0/24, except: [10.0.2.2/32]}}]
${second ? '  - to: [{ipBlock: {cidr: 10.0.2.2/32}}]' : ''}`;
    const v = cluster(policy(true), profile);
    const reached = all.filter((d) => d !== 'x/a' && allows(v, 'x/a', d));
    expect(reached).toEqual(profile === 'pods-too' ? ['y/a', 'y/b', 'y/c'] : []);
    const without = cluster(policy(false), profile);
    expect(all.filter((d) => d !== 'x/a' && allows(without, 'x/a', d))).toEqual(
      profile === 'pods-too' ? ['y/a', 'y/c'] : [],
    );
    // An external address inside the block, outside the except, is allowed under both.
    expect(allows(v, 'x/a', '10.0.2.200')).toBe(true);
    expect(allows(without, 'x/a', '10.0.2.2')).toBe(false);
    expect(allows(v, 'x/a', '10.0.3.1')).toBe(false);
  });

  it('T9 empty and missing lists differ', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p1, namespace: x}
spec: {podSelector: {matchLabels: {pod: a}}, ingress: [{}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p2, namespace: x}
spec: {podSelector: {matchLabels: {pod: b}}, ingress: []}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p3, namespace: x}
spec: {podSelector: {matchLabels: {pod: c}}, egress: [{to: [{podSelector: {}}]}]}`,
      profile,
    );
    expect(all.filter((s) => s !== 'x/a' && !allows(v, s, 'x/a'))).toEqual([]);
    expect(allows(v, '8.8.8.8', 'x/a')).toBe(true);
    expect(all.filter((s) => s !== 'x/b' && allows(v, s, 'x/b'))).toEqual([]);
    expect(all.filter((s) => s !== 'x/c' && allows(v, s, 'x/c'))).toEqual([]);
    // x/c egress admits only x/* pods; x/b then refuses it at its own (empty) ingress.
    expect(all.filter((d) => d !== 'x/c' && allows(v, 'x/c', d))).toEqual(['x/a']);
    expect(allows(v, 'x/c', '8.8.8.8')).toBe(false);
  });

  it('T10 namespaceSelector {} vs podSelector {} vs the name label', () => {
    const v = cluster(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-all-ns, namespace: x}
spec: {podSelector: {matchLabels: {pod: a}}, ingress: [{from: [{namespaceSelector: {}}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-own-ns, namespace: x}
spec: {podSelector: {matchLabels: {pod: b}}, ingress: [{from: [{podSelector: {}}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-y-by-name, namespace: x}
spec: {podSelector: {matchLabels: {pod: c}}, ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}}]}]}`,
      profile,
    );
    expect(all.filter((s) => s !== 'x/a' && allows(v, s, 'x/a'))).toHaveLength(8);
    expect(allows(v, '8.8.8.8', 'x/a')).toBe(false);
    expect(all.filter((s) => s !== 'x/b' && allows(v, s, 'x/b'))).toEqual(['x/a', 'x/c']);
    expect(all.filter((s) => s !== 'x/c' && allows(v, s, 'x/c'))).toEqual(['y/a', 'y/b', 'y/c']);
  });

  it('with no policy at all every pair is allowed', () => {
    expect(allowedPairs(cluster('', profile))).toHaveLength(72);
  });
});
