/** `rampart k8s connlist` (DESIGN §6; issue #4 items 3 and 5) on examples/shop-k8s. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

const SHOP = 'examples/shop-k8s';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-k8s-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('rampart k8s connlist', () => {
  it('txt: the netpol-analyzer grammar, sorted, with the CNI profile on stderr', async () => {
    const r = await runCli('k8s', 'connlist', SHOP);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(29);
    expect(lines).toContain('0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 8080');
    expect(lines).toContain('shop/api[Deployment] => kube-system/coredns[Deployment] : UDP 53');
    expect(lines).toContain('shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432');
    // The OR of two peer entries lets every monitoring pod reach the api on 9090.
    expect(lines).toContain('monitoring/prometheus[Deployment] => shop/api[Deployment] : TCP 9090');
    expect(lines.some((l) => l.startsWith('shop/web[Deployment] => shop/db'))).toBe(false);
    expect([...lines].sort()).toEqual(lines);
    expect(r.err).toBe(
      'rampart: CNI profile default (nothing given, declared or detected): policies enforced; ipBlocks do not match pod addresses\n',
    );
  });

  it('focus on a workload and a direction; json and csv formats', async () => {
    const r = await runCli(
      'k8s',
      'connlist',
      SHOP,
      '--focus-workload',
      'shop/api',
      '--focus-direction',
      'ingress',
      '-f',
      'json',
    );
    expect(r.code).toBe(0);
    // The example has an Istio namespace, but neither end here runs a proxy: no mesh keys.
    expect(JSON.parse(r.out)).toEqual([
      { src: 'monitoring/prometheus[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 9090' },
      { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 9090' },
    ]);
    const csv = await runCli('k8s', 'connlist', SHOP, '--focus-workload', 'db', '-f', 'csv');
    expect(csv.out.trimEnd().split('\n')).toEqual([
      'src,dst,conn',
      'shop/api[Deployment],shop/db[StatefulSet],TCP 5432',
      'shop/db[StatefulSet],0.0.0.0-255.255.255.255[External],All Connections',
      'shop/db[StatefulSet],kube-system/coredns[Deployment],All Connections',
      'shop/db[StatefulSet],monitoring/prometheus[Deployment],All Connections',
      'shop/db[StatefulSet],payments/checkout[Deployment],All Connections',
      'shop/db[StatefulSet],shop/web[Deployment],TCP 8080',
    ]);
  });

  it('--focus-conn lists the pairs that allow one connection', async () => {
    const r = await runCli(
      'k8s',
      'connlist',
      SHOP,
      '--focus-conn',
      'tcp-5432',
      '--focus-workload',
      'shop/db',
    );
    // Into the database only the api; out of it everything, as its egress is not isolated.
    expect(r.out.trimEnd().split('\n')).toEqual([
      'Permitted connections on TCP 5432:',
      'shop/api[Deployment] => shop/db[StatefulSet]',
      'shop/db[StatefulSet] => 0.0.0.0-255.255.255.255[External]',
      'shop/db[StatefulSet] => kube-system/coredns[Deployment]',
      'shop/db[StatefulSet] => monitoring/prometheus[Deployment]',
      'shop/db[StatefulSet] => payments/checkout[Deployment]',
    ]);
  });

  it('under a CNI that does not enforce policies every pair is reachable, and stderr says so', async () => {
    const r = await runCli('k8s', 'connlist', SHOP, '--cni', 'flannel');
    expect(r.code).toBe(0);
    expect(r.out).toContain('shop/web[Deployment] => shop/db[StatefulSet] : All Connections');
    expect(r.err).toMatch(/NetworkPolicies are NOT enforced, every pair is reachable/);
  });

  it('rampart.yaml declares the CNI; a calico-node DaemonSet is detected', async () => {
    const dir = tempDir({
      'rampart.yaml': 'clusters:\n  - name: prod\n    cni: flannel\n',
      'pods.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n',
    });
    const declared = await runCli('k8s', 'connlist', dir);
    expect(declared.err).toMatch(/CNI profile flannel \(declared in .*rampart\.yaml\)/);
    const detected = tempDir({
      'ds.yaml':
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: calico-node, namespace: kube-system}\nspec:\n  template:\n    metadata: {labels: {k8s-app: calico-node}}\n    spec: {containers: [{name: n, image: calico/node:v3.27}]}\n',
    });
    expect((await runCli('k8s', 'connlist', detected)).err).toMatch(
      /CNI profile calico \(detected from kube-system\/calico-node\[DaemonSet\]\): policies enforced; ipBlocks also match pod addresses/,
    );
  });

  it('--explain names the policy and rule behind each allowed and denied part of a pair', async () => {
    const r = await runCli(
      'k8s',
      'connlist',
      SHOP,
      '--explain',
      '--focus-workload',
      'shop/db',
      '--focus-workload-peer',
      'shop/api',
    );
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'Connections between shop/api[Deployment] => shop/db[StatefulSet]:',
      '  Allowed: TCP 5432',
      '  Egress of shop/api[Deployment]:',
      '    TCP 5432: allowed by k8s/shop/NetworkPolicy/api-egress rule egress/0',
      '    SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535: denied, isolated for egress by k8s/shop/NetworkPolicy/api-egress and no rule allows it',
      '  Ingress of shop/db[StatefulSet]:',
      '    TCP 5432: allowed by k8s/shop/NetworkPolicy/db-from-api rule ingress/0',
      '    SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535: denied, isolated for ingress by k8s/shop/NetworkPolicy/db-from-api, k8s/shop/NetworkPolicy/default-deny-ingress and no rule allows it',
      // The example has an Istio namespace (reviews), so edges carry their mTLS status; shop has no sidecars.
      '',
      'Connections between shop/db[StatefulSet] => shop/api[Deployment]:',
      '  Allowed: No Connections',
      '  Egress of shop/db[StatefulSet]:',
      '    All Connections: allowed by the system default (nothing isolates it for egress)',
      '  Ingress of shop/api[Deployment]:',
      '    All Connections: denied, isolated for ingress by k8s/shop/NetworkPolicy/api-from-web, k8s/shop/NetworkPolicy/default-deny-ingress and no rule allows it',
      '',
    ]);
    const json = await runCli('k8s', 'connlist', SHOP, '--explain', '-f', 'json');
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/--explain prints text only, not json/);
  });

  it('--explain-style netpol prints the netpol-analyzer explain layout, --explain-only keeps one side', async () => {
    const args = ['k8s', 'connlist', SHOP, '--explain', '--explain-style', 'netpol'];
    const focus = ['--focus-workload', 'shop/db', '--focus-workload-peer', 'shop/api'];
    const r = await runCli(...args, ...focus, '--explain-only', 'allow');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      '',
      '##########################################',
      '# Specific connections and their reasons #',
      '##########################################',
      '-'.repeat(160),
      'Connections between shop/api[Deployment] => shop/db[StatefulSet]:',
      '',
      'Allowed connections:',
      '\tAllowed TCP:[5432] due to the following policies and rules:',
      '\t\tEgress (Allowed)',
      "\t\t\tNetworkPolicy 'shop/api-egress' allows connections by Egress rule #1",
      '\t\tIngress (Allowed)',
      "\t\t\tNetworkPolicy 'shop/db-from-api' allows connections by Ingress rule #1",
      '',
      '',
    ]);
    const denied = await runCli(...args, ...focus, '--explain-only', 'deny', '--focus-conn', 'udp-53');
    expect(denied.out).toContain(
      "\t\t\t\t- NetworkPolicy 'shop/api-from-web' selects shop/api[Deployment], but shop/db[StatefulSet] is not allowed by any Ingress rule",
    );
    expect(denied.out).toContain('\tDenied UDP:[53] due to the following policies and rules:');
    const bad = await runCli('k8s', 'connlist', SHOP, '--explain', '--explain-only', 'deny');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--explain-only needs --explain --explain-style netpol/);
  });

  it('--pods keeps replicas apart: a replica labelled out of its policy is judged on its own', async () => {
    const rs = (name: string, extra: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: n\n  labels: {app: web${extra}}\n  ownerReferences: [{kind: ReplicaSet, name: web-7d9, controller: true}]\n`;
    const dir = tempDir({
      'pods.yaml': [
        rs('web-7d9-a', ''),
        rs('web-7d9-b', ', quarantine: "true"'),
        'apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: n, labels: {app: db}}\n',
      ].join('---\n'),
      'np.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: q, namespace: n}\nspec:\n  podSelector: {matchLabels: {quarantine: "true"}}\n  policyTypes: [Egress]\n',
    });
    const byWorkload = await runCli(
      'k8s',
      'connlist',
      dir,
      '--focus-workload',
      'db',
      '--focus-direction',
      'ingress',
    );
    expect(byWorkload.out).toContain('n/web-7d9[ReplicaSet] => n/db[Pod] : All Connections');
    const byPod = await runCli(
      'k8s',
      'connlist',
      dir,
      '--pods',
      '--focus-workload',
      'db',
      '--focus-direction',
      'ingress',
    );
    expect(byPod.out.trimEnd().split('\n')).toEqual([
      '0.0.0.0-255.255.255.255[External] => n/db[Pod] : All Connections',
      'n/web-7d9-a[Pod] => n/db[Pod] : All Connections',
    ]);
  });

  it('--explain over more than 300 workloads asks for a focus instead of printing every pair', async () => {
    const pods = Array.from(
      { length: 301 },
      (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: n}\n`,
    );
    const dir = tempDir({ 'pods.yaml': pods.join('---\n') });
    const r = await runCli('k8s', 'connlist', dir, '--explain');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--explain on 301 workloads would explain 90300 pairs[\s\S]*--focus-workload/);
    const one = await runCli(
      'k8s',
      'connlist',
      dir,
      '--explain',
      '--focus-workload',
      'p7',
      '--focus-workload-peer',
      'p8',
    );
    expect(one.code).toBe(0);
    expect(one.out).toContain('Connections between n/p7[Pod] => n/p8[Pod]:');
  });

  it('usage errors exit 2 without a stack trace', async () => {
    const cni = await runCli('k8s', 'connlist', SHOP, '--cni', 'nope');
    expect(cni.code).toBe(2);
    expect(cni.err).toMatch(/unknown CNI "nope"/);
    const conn = await runCli('k8s', 'connlist', SHOP, '--focus-conn', 'http-80');
    expect(conn.code).toBe(2);
    expect(conn.err).toMatch(/--focus-conn "http-80" is not <protocol>-<port>/);
    const config = tempDir({ 'rampart.yaml': 'clusters:\n  - cni: 42\n' });
    const bad = await runCli('k8s', 'connlist', config);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/rampart\.yaml: clusters\[0\]\.cni must be a string/);
  });

  it('a broken manifest is reported with file and line, and the rest is still analysed (exit 2)', async () => {
    const dir = tempDir({
      'good.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: n}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: n}\n',
      'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: c\n',
    });
    const r = await runCli('k8s', 'connlist', dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain('n/a[Pod] => n/b[Pod] : All Connections');
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+ fatal/);
  });
});
