/**
 * DESIGN §5 for the Kubernetes importer and the YAML reader: random text and structural corruptions
 * of valid manifests never throw, never hit an internal error, and every diagnostic and element has a
 * real position.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { buildEstate } from '../../model/index.js';
import { importText } from '../registry.js';

const RUNS = Number(process.env.FC_CORRUPTION_RUNS ?? 300);

const MANIFESTS = [
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - namespaceSelector: {matchExpressions: [{key: team, operator: In, values: [a]}]}
      podSelector: {matchLabels: {app: web}}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports: [{port: 5432}, {protocol: UDP, port: 53, endPort: 60}, {port: pg}]
  egress: [{}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: web:1, ports: [{containerPort: 80, name: http}]}]
---
apiVersion: v1
kind: PodList
items:
- metadata: {name: p-1, namespace: shop, labels: {a: b}, ownerReferences: [{kind: ReplicaSet, name: rs, controller: true}]}
  spec: {containers: [{ports: [{containerPort: 8080}]}]}
  status: {podIP: 10.1.2.3}
`,
  `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: anp}
spec:
  priority: 10
  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: a}}}}
  ingress:
  - {name: r, action: Deny, from: [{namespaces: {}}], ports: [{portRange: {protocol: TCP, start: 1, end: 9}}]}
  egress:
  - {name: e, action: Allow, to: [{networks: [10.0.0.0/8]}, {pods: {namespaceSelector: {}, podSelector: {}}}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: c, namespace: shop}
spec:
  endpointSelector: {matchLabels: {"k8s:app": api}}
  ingress:
  - fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": ops}}]
    toPorts: [{ports: [{port: "80"}], rules: {http: [{method: GET}]}}]
  egressDeny: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.2.0.0/16]}]}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ap, namespace: shop}
spec: {selector: {matchLabels: {app: db}}, rules: [{from: [{source: {namespaces: [shop]}}]}]}
`,
];

function check(text: string): void {
  const fragments = importText('k8s/m.yaml', text);
  const estate = buildEstate(fragments);
  for (const d of estate.diagnostics) {
    expect(d.code.endsWith('_INTERNAL'), d.message).toBe(false);
    expect(d.source.line, `${d.code} ${d.source.pointer}`).toBeGreaterThanOrEqual(1);
    expect(d.source.column).toBeGreaterThanOrEqual(1);
  }
  for (const e of estate.elements) expect(e.source.line).toBeGreaterThanOrEqual(1);
}

/** A random path into a value, chosen by a list of random numbers. */
function pick(root: unknown, choices: number[]): (string | number)[] {
  const path: (string | number)[] = [];
  let v = root;
  for (const c of choices) {
    if (Array.isArray(v) && v.length > 0) {
      path.push(c % v.length);
      v = v[c % v.length];
    } else if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) {
      const keys = Object.keys(v);
      const k = keys[c % keys.length]!;
      path.push(k);
      v = (v as Record<string, unknown>)[k];
    } else break;
  }
  return path;
}

describe('corrupted Kubernetes manifests', () => {
  it('text edits never throw; every diagnostic is located', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MANIFESTS),
        fc.nat(),
        fc.nat({ max: 12 }),
        fc.oneof(
          fc.constantFrom('{', ']', ':', '- ', '\n  ', '\t', '&a ', '*a', '---\n', '"'),
          fc.string({ maxLength: 4 }),
        ),
        (text, at, del, ins) => {
          const i = at % (text.length + 1);
          check(text.slice(0, i) + ins + text.slice(i + del));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('structural edits never throw and are reported at located pointers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MANIFESTS),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 9 }),
        fc.jsonValue({ maxDepth: 2 }),
        (text, which, choices, value) => {
          const docs = parseAllDocuments(text).map((d) => d.toJS() as unknown);
          const doc = docs[which % docs.length];
          const path = pick(doc, choices);
          let parent = doc as Record<string | number, unknown>;
          for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
          const last = path[path.length - 1];
          if (last !== undefined) parent[last] = value;
          check(docs.map((d) => stringify(d)).join('---\n'));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
