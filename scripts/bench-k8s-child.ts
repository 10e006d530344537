/**
 * One Kubernetes connectivity-map measurement in a fresh process (issue #4 item 8), so the peak RSS is
 * this size's own. Phases, each timed apart:
 * 1. import: read the manifests, `createImportRun` over every file, `buildEstate`;
 * 2. map: `new ClusterView` + `new PodMap` + the `conns` id of every ordered pair of distinct pods;
 * 3. connlist: `connectivityOf` on a fresh view (edge objects, external-address edges);
 * 4. naive: a fresh view with every pod's applying policies computed, then `naivePair` on a fixed
 *    random sample of pairs, scaled to all pairs; the sample is checked against the map.
 * Prints one JSON line. `--no-connlist` skips phase 3.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterView, connectivityOf } from '../src/engine/index.js';
import { ConnsTable } from '../src/engine/k8s/conns-table.js';
import { naivePair, PodMap } from '../src/engine/k8s/pod-map.js';
import { createImportRun } from '../src/importers/index.js';
import { buildEstate } from '../src/model/index.js';

const [dir, ...flags] = process.argv.slice(2);
const SAMPLE = Number(process.env.BENCH_K8S_SAMPLE ?? 20_000);
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// 1. Import.
let t = performance.now();
const run = createImportRun();
const files = readdirSync(dir!)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const fragments = files.flatMap((f) => run.importText(f, readFileSync(join(dir!, f), 'utf8')));
const estate = buildEstate([...fragments, ...run.finish()]);
const importMs = performance.now() - t;
const problems = estate.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'fatal').length;
gc();
const importRssMb = rssMb();

// 2. The map: every ordered pair's id, really computed.
t = performance.now();
const view = new ClusterView(estate);
const map = new PodMap(view);
const buildMs = performance.now() - t;
const n = view.pods.length;
let allowed = 0;
for (let s = 0; s < n; s++)
  for (let d = 0; d < n; d++) if (s !== d && map.conns(s, d) !== ConnsTable.NONE) allowed++;
const mapMs = performance.now() - t;
const distinct = map.table.size;
const groups = map.groups;

// The sample for the baseline (fixed seed), with the map's answers to check the baseline against.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
};
const sample: [number, number][] = [];
while (sample.length < Math.min(SAMPLE, n * (n - 1))) {
  const s = rand() % n;
  const d = rand() % n;
  if (s !== d) sample.push([s, d]);
}
const expected = sample.map(([s, d]) => map.table.get(map.conns(s, d)).key());
const policies = view.admin.length + view.networkPolicies.length + view.baseline.length;
const namespaces = view.namespaceNames().length;
gc();
const mapRssMb = rssMb();

// 3. The full connectivity map with edge objects.
let connlist: { ms: number; edges: number } | undefined;
if (!flags.includes('--no-connlist')) {
  t = performance.now();
  const cl = connectivityOf(new ClusterView(estate));
  connlist = { ms: performance.now() - t, edges: cl.edges.length };
}
gc();
const connlistRssMb = rssMb();

// 4. The baseline: pair by pair through `admitted`.
t = performance.now();
const naiveView = new ClusterView(estate);
for (const p of naiveView.pods) naiveView.applying(p);
const naiveSetupMs = performance.now() - t;
const table = new ConnsTable();
const got = new Int32Array(sample.length);
t = performance.now();
for (let i = 0; i < sample.length; i++) {
  const [s, d] = sample[i]!;
  got[i] = naivePair(naiveView, table, naiveView.pods[s]!, naiveView.pods[d]!);
}
const naiveSampleMs = performance.now() - t;
let disagree = 0;
for (let i = 0; i < sample.length; i++) if (table.get(got[i]!).key() !== expected[i]) disagree++;

process.stdout.write(
  `${JSON.stringify({
    pods: n,
    namespaces,
    policies,
    files: files.length,
    problems,
    importMs,
    buildMs,
    mapMs,
    pairs: n * (n - 1),
    allowed,
    distinct,
    groups,
    connlist,
    naiveSetupMs,
    naiveSample: sample.length,
    naiveSampleMs,
    naivePairUs: (naiveSampleMs * 1000) / sample.length,
    disagree,
    importRssMb,
    mapRssMb,
    connlistRssMb,
    maxRssMb: rssMb(),
  })}\n`,
);
