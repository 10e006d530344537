/** `rampart k8s findings` (issue #4 item 7; DESIGN §6 exit codes) on examples/shop-k8s. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

const SHOP = 'examples/shop-k8s';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-k8s-findings-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('rampart k8s findings', () => {
  it('text: a count line, then each finding and where it points; exit 0 with nothing high', async () => {
    const r = await runCli('k8s', 'findings', SHOP);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'Findings (13): 0 critical, 0 high, 4 medium, 8 low, 1 info',
      'medium   k8s-dns-egress-blocked (reviews/reviews[Deployment], k8s/reviews/NetworkPolicy/default-deny): reviews/reviews[Deployment] is egress-restricted by NetworkPolicy reviews/default-deny and cannot reach the cluster DNS (kube-system/coredns[Deployment]) on UDP 53 or TCP 53: name resolution fails',
      '  at examples/shop-k8s/policies.yaml:66',
      'medium   k8s-istio-mtls-permissive (k8s/reviews/PeerAuthentication/permissive, reviews/reviews[Deployment]): PeerAuthentication reviews/permissive sets mTLS PERMISSIVE for namespace reviews: reviews/reviews[Deployment] accepts plaintext as well as mTLS, so clients without a sidecar connect unencrypted and unauthenticated',
      '  at examples/shop-k8s/mesh.yaml:4',
      'medium   k8s-namespace-no-default-deny-ingress (monitoring, monitoring/prometheus[Deployment]): monitoring has no default-deny ingress policy and no policy selects its workloads for ingress: monitoring/prometheus[Deployment] accepts connections from every pod and address',
      '  at examples/shop-k8s/namespaces.yaml:14',
      'medium   k8s-namespace-no-default-deny-ingress (payments, payments/checkout[Deployment]): payments has no default-deny ingress policy and no policy selects its workloads for ingress: payments/checkout[Deployment] accepts connections from every pod and address',
      '  at examples/shop-k8s/namespaces.yaml:8',
      'low      k8s-dns-egress-tcp-missing (shop/api[Deployment], k8s/shop/NetworkPolicy/api-egress): shop/api[Deployment] reaches the cluster DNS (kube-system/coredns[Deployment]) on UDP 53 but not on TCP 53, restricted by NetworkPolicy shop/api-egress: answers too large for UDP, retried over TCP, fail',
      '  at examples/shop-k8s/policies.yaml:33',
      'low      k8s-namespace-no-default-deny-egress (monitoring, monitoring/prometheus[Deployment]): monitoring has no default-deny egress policy and no policy selects its workloads for egress: monitoring/prometheus[Deployment] can connect to every pod and address',
      '  at examples/shop-k8s/namespaces.yaml:14',
      'low      k8s-namespace-no-default-deny-egress (payments, payments/checkout[Deployment]): payments has no default-deny egress policy and no policy selects its workloads for egress: payments/checkout[Deployment] can connect to every pod and address',
      '  at examples/shop-k8s/namespaces.yaml:8',
      'low      k8s-namespace-no-default-deny-egress (shop): shop has no default-deny egress policy: 2 of its 3 workloads are selected by no egress policy (reported apart), and workloads added later will be open too',
      '  at examples/shop-k8s/namespaces.yaml:2',
      'low      k8s-policy-selects-nothing (k8s/shop/NetworkPolicy/admin-from-ops): NetworkPolicy shop/admin-from-ops selects no workload: podSelector {app=admin} matches none of the 3 workloads in shop',
      '  at examples/shop-k8s/policies.yaml:57',
      'low      k8s-policy-split-peer-selectors (k8s/shop/NetworkPolicy/api-from-web): NetworkPolicy shop/api-from-web spec.ingress[1] lists a namespaceSelector and a podSelector as separate entries, an OR: it admits every pod in namespace monitoring, and every pod matching {app=prometheus} in shop',
      '  at examples/shop-k8s/policies.yaml:27',
      'low      k8s-workload-unprotected-egress (shop/db[StatefulSet]): shop/db[StatefulSet] is selected by no egress policy, while 1 other workload in shop is (shop/api[Deployment]): it can connect to every pod and address',
      '  at examples/shop-k8s/workloads.yaml:28',
      'low      k8s-workload-unprotected-egress (shop/web[Deployment]): shop/web[Deployment] is selected by no egress policy, while 1 other workload in shop is (shop/api[Deployment]): it can connect to every pod and address',
      '  at examples/shop-k8s/workloads.yaml:1',
      "info     k8s-istio-authz-allow-nothing (k8s/reviews/AuthorizationPolicy/allow-nothing, reviews/reviews[Deployment]): ALLOW AuthorizationPolicy reviews/allow-nothing has no rules, so it allows nothing: every request to reviews/reviews[Deployment] is denied (Istio's allow-nothing pattern; fine if a deny-all was meant)",
      '  at examples/shop-k8s/mesh.yaml:10',
      '',
    ]);
    expect(r.err).toBe(
      'rampart: CNI profile default (nothing given, declared or detected): policies enforced; ipBlocks do not match pod addresses\n',
    );
  });

  it('--fail-on sets the severity that fails: medium and info give 1, critical and none give 0', async () => {
    expect((await runCli('k8s', 'findings', SHOP, '--fail-on', 'medium')).code).toBe(1);
    expect((await runCli('k8s', 'findings', SHOP, '--fail-on', 'info')).code).toBe(1);
    expect((await runCli('k8s', 'findings', SHOP, '--fail-on', 'none')).code).toBe(0);
    expect((await runCli('k8s', 'findings', SHOP, '--fail-on', 'critical')).code).toBe(0);
  });

  it('under flannel the policies are not enforced: a high finding, exit 1 with the default --fail-on', async () => {
    const r = await runCli('k8s', 'findings', SHOP, '--cni', 'flannel');
    expect(r.code).toBe(1);
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      'Findings (12): 0 critical, 1 high, 3 medium, 7 low, 1 info',
      'high     k8s-policies-not-enforced (k8s/reviews/NetworkPolicy/default-deny, k8s/reviews/NetworkPolicy/reviews-from-web, k8s/shop/NetworkPolicy/admin-from-ops, k8s/shop/NetworkPolicy/api-egress, k8s/shop/NetworkPolicy/api-from-web, k8s/shop/NetworkPolicy/db-from-api, k8s/shop/NetworkPolicy/default-deny-ingress, k8s/shop/NetworkPolicy/web-from-anywhere): The flannel CNI does not enforce network policies: 8 policies in the inputs have no effect and no workload is isolated',
      '  at examples/shop-k8s/policies.yaml:66',
    ]);
    // Nothing is enforced, so DNS gets through: no DNS finding.
    expect(r.out).not.toContain('k8s-dns-egress');
    expect(r.err).toMatch(/CNI profile flannel \(given with --cni\): NetworkPolicies are NOT enforced/);
  });

  it('json: findings with locations, the CNI profile and the diagnostics in one object', async () => {
    const r = await runCli('k8s', 'findings', SHOP, '-f', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out) as {
      findings: {
        id: string;
        severity: string;
        resources: string[];
        location?: { file: string; line: number };
      }[];
      cni: Record<string, unknown>;
      diagnostics: unknown[];
    };
    expect(doc.findings).toHaveLength(13);
    expect(doc.findings[0]).toEqual({
      id: 'k8s-dns-egress-blocked',
      title: 'Egress-restricted workload cannot reach the cluster DNS',
      severity: 'medium',
      resources: ['reviews/reviews[Deployment]', 'k8s/reviews/NetworkPolicy/default-deny'],
      message:
        'reviews/reviews[Deployment] is egress-restricted by NetworkPolicy reviews/default-deny and cannot reach the cluster DNS (kube-system/coredns[Deployment]) on UDP 53 or TCP 53: name resolution fails',
      location: { file: 'examples/shop-k8s/policies.yaml', pointer: '', line: 66, column: 1 },
      evidence: { dns: 'kube-system/coredns[Deployment]', port: 53, udp: false, tcp: false },
    });
    expect(doc.cni).toEqual({
      name: 'default',
      enforcesNetworkPolicy: true,
      ipBlockMatchesPods: false,
      supportsAdminNetworkPolicy: true,
      evidence: 'nothing given, declared or detected',
    });
    expect(doc.diagnostics).toEqual([]);
  });

  it('Cilium HTTP rules cancelled by a NetworkPolicy on the same port', async () => {
    const dir = tempDir({
      'app.yaml': `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: api, ports: [{containerPort: 8080}]}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api-l7, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
    toPorts: [{ports: [{port: "8080", protocol: TCP}], rules: {http: [{method: GET}]}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-8080, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{ports: [{port: 8080}]}]
`,
    });
    const r = await runCli('k8s', 'findings', dir, '--fail-on', 'medium');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `medium   k8s-cilium-l7-cancelled (k8s/shop/CiliumNetworkPolicy/api-l7, shop/api[Pod], k8s/shop/NetworkPolicy/api-8080): CiliumNetworkPolicy shop/api-l7 limits ingress to shop/api[Pod] on TCP 8080 to its HTTP rules, but an L4-only allow (NetworkPolicy shop/api-8080) opens TCP 8080 too, so the HTTP rules have no effect for 1 peer: shop/web[Pod]\n  at ${dir}/app.yaml:10\n`,
    );
    expect(r.err).toMatch(/CNI profile cilium \(detected from k8s\/shop\/CiliumNetworkPolicy\/api-l7\)/);
  });

  it('no findings: a namespace fully locked down', async () => {
    const dir = tempDir({
      'ns.yaml': `apiVersion: v1
kind: Pod
metadata: {name: batch, namespace: jobs}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: jobs}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  egress: [{ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]}]
`,
    });
    const r = await runCli('k8s', 'findings', dir, '--fail-on', 'info');
    expect(r.out).toBe('Findings: none\n');
    expect(r.code).toBe(0);
  });

  it('usage errors and unreadable input exit 2', async () => {
    const bad = await runCli('k8s', 'findings', SHOP, '--fail-on', 'severe');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/argument 'severe' is invalid/);
    const cni = await runCli('k8s', 'findings', SHOP, '--cni', 'nope');
    expect(cni.code).toBe(2);
    expect(cni.err).toMatch(/unknown CNI "nope"/);
    const dir = tempDir({ 'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: c\n' });
    const broken = await runCli('k8s', 'findings', dir, '--fail-on', 'none');
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/bad\.yaml:\d+:\d+ fatal/);
  });
});
