/**
 * The pod-level matrices of np-guard/netpol-analyzer (cases.json `kind: pod-matrix`, README "Pod-level
 * matrices"): import the case folder, build the pod-level view (one engine pod per imported Pod, each
 * with its own labels), compute the map with the default (netpol-analyzer) profile, render every
 * ordered pair of the imported pods (self pairs always allowed) and compare with the expected file as
 * a multiset of lines (each trimmed, runs of whitespace collapsed). Only Pod objects are listed: the
 * Deployments of `onlineboutique_with_replicas` stay in the view as peers, as in the workload view,
 * but the expected files name pods only.
 *
 * The probe of each bool case (README): TCP 80 for the two replica folders; the plain `onlineboutique`
 * bool file was made with an empty protocol/port, which no connection matches, so only self pairs are
 * true. That case is kept (it checks pod enumeration, naming and the self-pair rule, and costs
 * nothing) but it tests no policy decision; `ENUMERATION_ONLY` names it in the summary.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterView, PodMap } from '../../src/engine/index.js';
import type { PodProtocol } from '../../src/model/index.js';
import { type PodMatrixMode, renderPodMatrix } from '../../src/report/index.js';
import { importFiles, sharedRoot } from '../support.js';

interface Case {
  readonly kind: string;
  readonly dir: string;
  readonly expected: readonly string[];
  readonly mode: 'all-connections' | 'bool';
  readonly protocol?: string;
  readonly port?: string;
}

const root = join(sharedRoot, 'conformance/k8s/netpol-analyzer');
const present = existsSync(join(root, 'cases.json'));
const cases: Case[] = present
  ? (JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8')) as { cases: Case[] }).cases.filter(
      (c) => c.kind === 'pod-matrix',
    )
  : [];

/** Cases whose expected matrix Rampart does not reproduce, with the reason (asserted exactly). */
const DEVIATIONS: Readonly<Record<string, string>> = {};

/** Cases that pass without testing a policy decision (see the header). */
const ENUMERATION_ONLY: Readonly<Record<string, string>> = {
  connections_map_output_bool: 'empty protocol/port probe: only self pairs are true',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => l !== '')
    .sort();

function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...manifests(p));
    else if (/\.(ya?ml|json)$/i.test(n)) out.push(p);
  }
  return out;
}

const nameOf = (c: Case) =>
  c.expected[0]!.split('/')
    .pop()!
    .replace(/\.txt$/, '');

function modeOf(c: Case): PodMatrixMode {
  if (c.mode === 'all-connections') return { kind: 'conns' };
  if (!c.protocol || !c.port) return { kind: 'bool' };
  return { kind: 'bool', probe: { protocol: c.protocol.toUpperCase() as PodProtocol, port: Number(c.port) } };
}

/** Missing and extra lines of `actual` against `expected`, as multisets. */
function diff(expected: string[], actual: string[]): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>();
  for (const l of actual) count.set(l, (count.get(l) ?? 0) + 1);
  const missing: string[] = [];
  for (const l of expected) {
    const n = count.get(l) ?? 0;
    if (n === 0) missing.push(l);
    else count.set(l, n - 1);
  }
  const extra = [...count].flatMap(([l, n]) => Array<string>(n).fill(l));
  return { missing, extra };
}

describe.skipIf(!present)('netpol-analyzer pod-level matrices', () => {
  it('has the four pod-matrix cases', () => {
    expect(cases.map(nameOf).sort()).toEqual([
      'connections_map_output',
      'connections_map_output_bool',
      'connections_map_with_replicas_and_variants_output',
      'connections_map_with_replicas_output',
    ]);
  });

  it('match the expected matrices, with exactly the listed deviations', () => {
    const failed: string[] = [];
    const report: string[] = [];
    for (const c of cases) {
      const estate = importFiles(manifests(join(root, c.dir)), root);
      const view = ClusterView.podLevel(estate);
      const pods = view.pods.filter((p) => p.podName !== undefined);
      const actual = lines(renderPodMatrix(new PodMap(view), { mode: modeOf(c), pods }));
      const expected = lines(readFileSync(join(root, c.expected[0]!), 'utf8'));
      const { missing, extra } = diff(expected, actual);
      if (missing.length === 0 && extra.length === 0) continue;
      failed.push(nameOf(c));
      report.push(`  ${nameOf(c)}: ${missing.length} missing, ${extra.length} extra`);
      for (const l of missing.slice(0, 5)) report.push(`    - ${l}`);
      for (const l of extra.slice(0, 5)) report.push(`    + ${l}`);
    }
    const notes = Object.entries(ENUMERATION_ONLY).map(([n, why]) => `  enumeration only: ${n} (${why})`);
    const listed = Object.entries(DEVIATIONS).map(([n, why]) => `  deviation: ${n} (${why})`);
    process.stdout.write(
      `netpol-analyzer pod-matrix: ${cases.length - failed.length} passed, ${failed.length} failed\n${[...report, ...listed, ...notes].join('\n')}\n`,
    );
    expect(failed.sort()).toEqual(Object.keys(DEVIATIONS).sort());
    const unprobed = cases.filter((c) => c.mode === 'bool' && !(c.protocol && c.port)).map(nameOf);
    expect(unprobed).toEqual(Object.keys(ENUMERATION_ONLY));
  });
});
