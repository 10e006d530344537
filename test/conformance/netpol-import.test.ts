/**
 * Issue #4 item 1: every file of shared/conformance/k8s/netpol-analyzer/tests imports without an
 * internal error, and without a fatal diagnostic unless it is not YAML/JSON (stray .md/.txt/.dot
 * outputs). Element counts of a few directories are checked against their YAML, and every workload an
 * expected connlist output names exists under the conformance README's naming rule.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImportRun, importText } from '../../src/importers/index.js';
import { buildEstate, type Estate } from '../../src/model/index.js';
import { codes, sharedRoot } from '../support.js';

const suite = join(sharedRoot, 'conformance', 'k8s', 'netpol-analyzer');
const tests = join(suite, 'tests');
const MANIFEST = /\.(ya?ml|json)$/i;

function walk(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** One directory's manifests as one run, like `rampart scan tests/<dir>`. */
function importDir(dir: string): Estate {
  const run = createImportRun();
  const files = walk(join(tests, dir)).filter((f) => MANIFEST.test(f));
  const fragments = files.flatMap((f) => run.importText(relative(tests, f), readFileSync(f, 'utf8')));
  return buildEstate([...fragments, ...run.finish()]);
}

const files = walk(tests);

describe('shared/conformance/k8s/netpol-analyzer imports', () => {
  it('has the suite beside the checkout', () => {
    expect(files.length).toBeGreaterThan(400);
  });

  it.each(files.map((f) => [relative(tests, f), f]))(
    '%s: no internal error, fatal only if not a manifest',
    (name, file) => {
      const ds = importText(name, readFileSync(file, 'utf8')).flatMap((f) => f.diagnostics);
      expect(ds.filter((d) => d.code.endsWith('_INTERNAL')).map((d) => d.message)).toEqual([]);
      const fatal = ds.filter((d) => d.severity === 'fatal').map((d) => `${d.code} ${d.message}`);
      if (MANIFEST.test(name)) expect(fatal).toEqual([]);
    },
  );

  it('acs-security-demos: 11 Deployments, 11 Services, 2 Routes, 14 NetworkPolicies in 3 undeclared namespaces', () => {
    const e = importDir('acs-security-demos');
    expect(e.counts()).toEqual({
      namespace: 3,
      workload: 11,
      service: 11,
      'ingress-route': 2,
      'pod-policy': 14,
    });
    expect(e.all('namespace').map((n) => `${n.id} ${n.partial}`)).toEqual([
      'k8s/backend true',
      'k8s/frontend true',
      'k8s/payments true',
    ]);
    expect(e.all('workload').every((w) => w.workloadKind === 'Deployment')).toBe(true);
    expect(e.get('workload', 'k8s/backend/Deployment/catalog')).toMatchObject({
      podLabels: { app: 'catalog' },
      ports: [{ port: 8080, protocol: 'TCP' }],
      images: ['quay.io/vuln/rce-webapp:latest'],
    });
    expect(e.get('ingress-route', 'k8s/frontend/Route/webapp')).toMatchObject({
      routeKind: 'Route',
      backends: [{ service: 'webapp-service', port: 'http' }],
    });
    // The stray expected output (unrecognised): nothing else.
    expect(codes(e.diagnostics)).toEqual([
      'unsupported IMPORT_UNRECOGNIZED acs-security-demos/connlist_output.json:1:1 ',
    ]);
  });

  it('anp_banp_core_test: 4 namespaces, 4 StatefulSets, one ANP and one BANP', () => {
    const e = importDir('anp_banp_core_test');
    expect(e.counts()).toEqual({ namespace: 4, workload: 4, 'pod-policy': 2 });
    expect(e.all('namespace').some((n) => n.partial)).toBe(false);
    expect(e.all('pod-policy').map((p) => p.policyKind)).toEqual([
      'admin-network-policy',
      'baseline-admin-network-policy',
    ]);
    expect(e.diagnostics).toEqual([]);
  });

  it('onlineboutique_with_replicas: 14 pods of 12 ReplicaSets beside 12 Deployments, replicas merged', () => {
    const e = importDir('onlineboutique_with_replicas');
    expect(e.counts()).toEqual({ namespace: 5, workload: 24, 'pod-policy': 11 });
    const kinds = e.all('workload').map((w) => w.workloadKind);
    expect(kinds.filter((k) => k === 'ReplicaSet')).toHaveLength(12);
    expect(kinds.filter((k) => k === 'Deployment')).toHaveLength(12);
    expect(e.get('workload', 'k8s/default/ReplicaSet/loadgenerator-555fbdc87d')?.addresses).toEqual([
      '10.244.120.83',
      '10.244.120.76',
      '10.244.120.82',
    ]);
    expect(e.diagnostics).toEqual([]);
  });

  it('minikube_resources: static pods stay pods, controllers name the others', () => {
    const e = importDir('minikube_resources');
    expect(e.counts()).toEqual({ namespace: 5, workload: 12 });
    expect(
      e
        .all('workload')
        .filter((w) => w.workloadKind === 'Pod')
        .map((w) => w.name),
    ).toEqual([
      'etcd-minikube',
      'kube-apiserver-minikube',
      'kube-controller-manager-minikube',
      'kube-scheduler-minikube',
      'storage-provisioner',
    ]);
  });

  it('every workload an expected connlist output names is imported under that name', () => {
    const cases = (
      JSON.parse(readFileSync(join(suite, 'cases.json'), 'utf8')) as {
        cases: { kind: string; dir: string; expected: string[] }[];
      }
    ).cases;
    const byDir = new Map<string, Set<string>>();
    let checked = 0;
    const missing: string[] = [];
    for (const c of cases) {
      const txt = c.expected.find((x) => x.endsWith('.txt'));
      if (c.kind !== 'connlist' || txt === undefined) continue;
      const dir = c.dir.replace(/^tests\//, '');
      let ids = byDir.get(dir);
      if (ids === undefined) {
        ids = new Set(
          importDir(dir)
            .all('workload')
            .map((w) => w.id),
        );
        byDir.set(dir, ids);
      }
      for (const m of readFileSync(join(suite, txt), 'utf8').matchAll(/([\w.-]+)\/([\w.-]+)\[(\w+)\]/g)) {
        checked++;
        const id = `k8s/${m[1]}/${m[3]}/${m[2]}`;
        if (!ids.has(id)) missing.push(`${dir}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });
});
