/**
 * One engine measurement in a fresh process: load an estate, then time `exposure`, single `reach`
 * queries (p50 over a fixed sample), pair-by-pair evaluation on a sample (the naive baseline), and
 * `matrix` when `--matrix` is given. Prints one JSON line.
 */
import { loadEstate } from '../src/app/index.js';
import {
  AwsTopology,
  exposureOf,
  matrixOf,
  naivePair,
  reachBetween,
  resolveParty,
} from '../src/engine/index.js';
import { ConnectionSet, PortSet } from '../src/model/index.js';

const [dir, matrixFlag] = process.argv.slice(2);
const { estate } = await loadEstate([dir!]);
const t0 = performance.now();
const topo = new AwsTopology(estate);
const topoMs = performance.now() - t0;

let t = performance.now();
const exposure = exposureOf(topo);
const exposureMs = performance.now() - t;

const ends = estate.all('endpoint').filter((e) => e.primaryPrivateIp && e.endpointKind === 'nic');
let seed = 42;
const pick = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return ends[seed % ends.length]!;
};
const tcp443 = ConnectionSet.tcp(PortSet.of(443));
const reachMs: number[] = [];
for (let i = 0; i < 300; i++) {
  const a = resolveParty(topo, pick().id);
  const b = resolveParty(topo, pick().id);
  if ('error' in a || 'error' in b) continue;
  t = performance.now();
  reachBetween(topo, a, b, tcp443);
  reachMs.push(performance.now() - t);
}
reachMs.sort((x, y) => x - y);

// Naive baseline: every pair judged alone, all traffic classes, as the matrix would without classes.
const PAIRS = 200;
t = performance.now();
for (let i = 0; i < PAIRS; i++) naivePair(topo, pick(), pick());
const naivePairMs = (performance.now() - t) / PAIRS;

let matrix: { ms: number; classes: number; classPairs: number; cells: number } | undefined;
if (matrixFlag === '--matrix') {
  t = performance.now();
  const m = matrixOf(topo);
  matrix = {
    ms: performance.now() - t,
    classes: m.stats.classes,
    classPairs: m.stats.classPairs,
    cells: m.cells.length,
  };
}
const endpoints = estate.all('endpoint').filter((e) => e.primaryPrivateIp).length;
process.stdout.write(
  `${JSON.stringify({
    endpoints,
    topoMs,
    exposureMs,
    exposures: exposure.exposures.length,
    reachP50Ms: reachMs[Math.floor(reachMs.length / 2)],
    reachP95Ms: reachMs[Math.floor(reachMs.length * 0.95)],
    naivePairMs,
    matrix,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
