/**
 * The grouped computation of the connectivity map (SideMatrix/PodMap, issue #4 item 8) must give, for
 * every pair, exactly what asking `admitted` pair by pair gives: random clusters with NetworkPolicies
 * (selectors, named ports, ranges, ipBlocks, policyTypes present or not), AdminNetworkPolicies
 * (priorities, Allow/Deny/Pass) and a BaselineAdminNetworkPolicy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ConnsTable } from './conns-table.js';
import { naivePairs, PodMap } from './pod-map.js';
import { ClusterView, DEFAULT_CNI } from './view.js';

const RUNS = Number(process.env.FC_K8S_RUNS ?? 300);
const NS = ['n0', 'n1', 'n2'];
const labelArb = fc.record({
  app: fc.constantFrom('x', 'y', 'z'),
  tier: fc.option(fc.constantFrom('1', '2'), { nil: undefined }),
});
const selectorArb = fc.oneof(
  fc.constant({}),
  labelArb.map((l) => ({ matchLabels: { app: l.app } })),
  fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist').map((operator) => ({
    matchExpressions: [
      { key: 'tier', operator, ...(operator === 'In' || operator === 'NotIn' ? { values: ['1'] } : {}) },
    ],
  })),
);
const nsSelectorArb = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...NS).map((n) => ({ matchLabels: { 'kubernetes.io/metadata.name': n } })),
  fc.constant({ matchLabels: { env: 'prod' } }),
);
const portArb = fc.oneof(
  fc.constantFrom(80, 53, 8080).map((port) => ({ port })),
  fc.constantFrom('http', 'dns', 'web').map((port) => ({ port })),
  fc.constant({ port: 8000, endPort: 8100 }),
  fc.constantFrom('UDP', 'SCTP').map((protocol) => ({ protocol })),
  fc.constantFrom('http', 'dns').map((port) => ({ port, protocol: 'UDP' })),
);
const peerArb = fc.oneof(
  selectorArb.map((podSelector) => ({ podSelector })),
  nsSelectorArb.map((namespaceSelector) => ({ namespaceSelector })),
  fc
    .tuple(nsSelectorArb, selectorArb)
    .map(([namespaceSelector, podSelector]) => ({ namespaceSelector, podSelector })),
  fc.constant({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }),
);
const ruleArb = (dir: 'from' | 'to') =>
  fc
    .record(
      { peers: fc.array(peerArb, { maxLength: 2 }), ports: fc.array(portArb, { maxLength: 2 }) },
      { requiredKeys: [] },
    )
    .map((r) => ({
      ...(r.peers && r.peers.length > 0 ? { [dir]: r.peers } : {}),
      ...(r.ports && r.ports.length > 0 ? { ports: r.ports } : {}),
    }));
const npArb = fc.record({
  ns: fc.constantFrom(...NS),
  podSelector: selectorArb,
  types: fc.option(fc.subarray(['Ingress', 'Egress'] as const, { minLength: 1 }), { nil: undefined }),
  ingress: fc.array(ruleArb('from'), { maxLength: 2 }),
  egress: fc.array(ruleArb('to'), { maxLength: 2 }),
});
const anpPeerArb = fc.oneof(
  nsSelectorArb.map((s) => ({ namespaces: s })),
  fc
    .tuple(nsSelectorArb, selectorArb)
    .map(([namespaceSelector, podSelector]) => ({ pods: { namespaceSelector, podSelector } })),
);
const anpRuleArb = fc.record({
  action: fc.constantFrom('Allow', 'Deny', 'Pass'),
  peers: fc.array(anpPeerArb, { minLength: 1, maxLength: 2 }),
  ports: fc.option(
    fc.constantFrom(
      [{ portNumber: { protocol: 'TCP', port: 80 } }],
      [{ namedPort: 'http' }],
      [{ portRange: { protocol: 'UDP', start: 50, end: 60 } }],
    ),
    { nil: undefined },
  ),
});
const clusterArb = fc.record({
  nsProd: fc.subarray(NS),
  pods: fc.array(
    fc.record({
      ns: fc.constantFrom(...NS),
      labels: labelArb,
      http: fc.constantFrom(80, 8080),
      dns: fc.boolean(),
    }),
    { minLength: 2, maxLength: 6 },
  ),
  nps: fc.array(npArb, { maxLength: 5 }),
  anps: fc.array(
    fc.record({
      priority: fc.nat({ max: 3 }),
      subject: nsSelectorArb,
      ingress: fc.array(anpRuleArb, { maxLength: 2 }),
      egress: fc.array(anpRuleArb, { maxLength: 2 }),
    }),
    { maxLength: 2 },
  ),
  banp: fc.option(
    fc.record({
      subject: nsSelectorArb,
      ingress: fc.array(
        anpRuleArb.map((r) => ({ ...r, action: r.action === 'Pass' ? 'Deny' : r.action })),
        { maxLength: 2 },
      ),
    }),
    { nil: undefined },
  ),
});

type Spec = typeof clusterArb extends fc.Arbitrary<infer T> ? T : never;

function docs(s: Spec): Record<string, unknown> {
  const items: unknown[] = [
    ...NS.map((n) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: n, labels: s.nsProd.includes(n) ? { env: 'prod' } : {} },
    })),
    ...s.pods.map((p, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `p${i}`,
        namespace: p.ns,
        labels: Object.fromEntries(Object.entries(p.labels).filter(([, v]) => v !== undefined)),
      },
      spec: {
        containers: [
          {
            name: 'c',
            ports: [
              { name: 'http', containerPort: p.http },
              ...(p.dns ? [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] : []),
            ],
          },
        ],
      },
    })),
    ...s.nps.map((n, i) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np${i}`, namespace: n.ns },
      spec: {
        podSelector: n.podSelector,
        ...(n.types ? { policyTypes: n.types } : {}),
        ingress: n.ingress,
        egress: n.egress,
      },
    })),
    ...s.anps.map((a, i) => ({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: `anp${i}` },
      spec: {
        priority: a.priority * 10 + i,
        subject: { namespaces: a.subject },
        ingress: a.ingress.map((r, k) => ({
          name: `i${k}`,
          action: r.action,
          from: r.peers,
          ...(r.ports ? { ports: r.ports } : {}),
        })),
        egress: a.egress.map((r, k) => ({
          name: `e${k}`,
          action: r.action,
          to: r.peers,
          ...(r.ports ? { ports: r.ports } : {}),
        })),
      },
    })),
    ...(s.banp
      ? [
          {
            apiVersion: 'policy.networking.k8s.io/v1alpha1',
            kind: 'BaselineAdminNetworkPolicy',
            metadata: { name: 'default' },
            spec: {
              subject: { namespaces: s.banp.subject },
              ingress: s.banp.ingress.map((r, k) => ({
                name: `b${k}`,
                action: r.action,
                from: r.peers,
                ...(r.ports ? { ports: r.ports } : {}),
              })),
            },
          },
        ]
      : []),
  ];
  return { 'cluster.json': { apiVersion: 'v1', kind: 'List', items } };
}

describe('PodMap equals the pair-by-pair decision', () => {
  it('on random clusters, under both ipBlock profiles', () => {
    let nonTrivial = 0;
    fc.assert(
      fc.property(clusterArb, fc.boolean(), (spec, podsToo) => {
        const view = new ClusterView(importDocs(docs(spec)), { ...DEFAULT_CNI, ipBlockMatchesPods: podsToo });
        const map = new PodMap(view);
        const naive = naivePairs(view, map.table);
        for (const s of view.pods)
          for (const d of view.pods) {
            const got = map.table.get(map.conns(s.index, d.index));
            const want = map.table.get(naive[s.index]![d.index]!);
            expect(got.key(), `${s.workload.name} -> ${d.workload.name}`).toBe(want.key());
            if (!want.isAll() && !want.isEmpty()) nonTrivial++;
          }
      }),
      { numRuns: RUNS },
    );
    // Partial answers (some ports only) must be common, or the comparison proves little.
    expect(nonTrivial).toBeGreaterThan(RUNS);
    expect(ConnsTable.NONE).toBe(0);
  });
});
