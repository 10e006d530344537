/**
 * Issue #4 item 6: `k8s connlist` against np-guard/netpol-analyzer's golden outputs
 * (shared/conformance/k8s/netpol-analyzer, cases.json). For every connlist case: import the case
 * folder, compute the map with the netpol-analyzer ipBlock profile (the default), apply the focus
 * options, render txt and compare with the expected `.txt` as a multiset of lines (each trimmed, runs
 * of whitespace collapsed). Prints `N passed, M failed`, and each failure with its missing and extra
 * lines; every deviation is listed with its reason.
 *
 * Issue #4 items 5 and 6: the exposure cases (`list --exposure`) the same way, with the exposure
 * section rendered; known deviations are listed in `EXPOSURE_DEVIATIONS` and asserted to be exactly
 * the failing cases.
 *
 * The explain cases (`list --explain`, with `--explain-only`, focus options and `--exposure`) the
 * same way, rendered with `--explain-style netpol`; deviations in `EXPLAIN_DEVIATIONS`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sConnlist } from '../../src/app/index.js';
import { DEFAULT_CNI, type Focus } from '../../src/engine/index.js';
import type { PodProtocol } from '../../src/model/index.js';
import { renderConnlistDot, renderConnlistTxt, renderExplainNetpol } from '../../src/report/index.js';
import { sharedRoot } from '../support.js';

interface Case {
  readonly kind: string;
  readonly dir: string;
  readonly expected: readonly string[];
  readonly focusWorkloads: readonly string[];
  readonly focusWorkloadPeers: readonly string[];
  readonly focusDirection: string;
  readonly focusConn: string;
  readonly exposure: boolean;
  readonly explainOnly?: string;
  readonly features?: readonly string[];
}

const root = join(sharedRoot, 'conformance/k8s/netpol-analyzer');
const present = existsSync(join(root, 'cases.json'));
const all: Case[] = present
  ? (JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8')) as { cases: Case[] }).cases
  : [];

/** Cases whose expected output Rampart does not aim to reproduce, with the reason. */
const OUT_OF_SCOPE: Readonly<Record<string, string>> = {};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => l !== '');

function focusOf(c: Case): Focus {
  const conn = /^(tcp|udp|sctp)-(\d+)$/i.exec(c.focusConn);
  return {
    ...(c.focusWorkloads.length > 0 ? { workloads: c.focusWorkloads } : {}),
    ...(c.focusWorkloadPeers.length > 0 ? { peers: c.focusWorkloadPeers } : {}),
    ...(c.focusDirection === 'ingress' || c.focusDirection === 'egress'
      ? { direction: c.focusDirection }
      : {}),
    ...(conn ? { conn: { protocol: conn[1]!.toUpperCase() as PodProtocol, port: Number(conn[2]) } } : {}),
  };
}

function nameOf(c: Case): string {
  const txt = c.expected.find((e) => e.endsWith('.txt')) ?? c.dir;
  return txt
    .split('/')
    .pop()!
    .replace(/_output\.txt$/, '');
}

/**
 * Exposure cases (`list --exposure`) whose expected output Rampart does not reproduce, with the
 * reason. The test asserts that exactly these fail: a listed case that starts to pass, or an
 * unlisted one that fails, fails the test.
 */
const EXPOSURE_DEVIATIONS: Readonly<Record<string, string>> = {};

/**
 * Explain cases (`list --explain`) whose expected output Rampart does not reproduce, with the
 * reason; asserted like `EXPOSURE_DEVIATIONS`.
 */
const EXPLAIN_DEVIATIONS: Readonly<Record<string, string>> = {
  // netpol-analyzer prints only the allowing side of the denied block between workload-a and
  // workload-b (the ANP allows TCP 80 both ways, NetworkPolicy deny-all-app-a isolates workload-a in
  // both directions); Rampart names the denying side too, which is what decides those connections.
  exposure_test_with_anp_4_entire_cluster_example_explain_exposure:
    'netpol-analyzer omits the denying side (deny-all-app-a) of the denied workload-a/workload-b blocks',
};

/** Missing and extra lines of `got` against `want`, as multisets. */
function compare(got: readonly string[], want: readonly string[]): { missing: string[]; extra: string[] } {
  const left = [...got];
  const missing: string[] = [];
  for (const l of want) {
    const i = left.indexOf(l);
    if (i < 0) missing.push(l);
    else left.splice(i, 1);
  }
  return { missing, extra: left };
}

describe.skipIf(!present)('netpol-analyzer connlist conformance', () => {
  const connlist = all.filter((c) => c.kind === 'connlist' && !c.exposure);
  it(`connlist cases (${connlist.length})`, async () => {
    const failed: string[] = [];
    const deviations: string[] = [];
    let passed = 0;
    for (const c of connlist) {
      const name = nameOf(c);
      if (OUT_OF_SCOPE[name]) {
        deviations.push(`${name}: ${OUT_OF_SCOPE[name]}`);
        continue;
      }
      const txt = c.expected.find((e) => e.endsWith('.txt'));
      if (!txt) continue;
      const focus = focusOf(c);
      // The netpol-analyzer ipBlock profile, whatever CNI the manifests show (some hold calico-node).
      const answer = await k8sConnlist([join(root, c.dir)], { focus, cni: DEFAULT_CNI });
      const got = lines(renderConnlistTxt(answer.connlist, focus.conn ? { focusConn: focus.conn } : {}));
      const want = lines(readFileSync(join(root, txt), 'utf8'));
      const missing = want.filter((l) => !got.includes(l));
      const extra = got.filter((l) => !want.includes(l));
      if (missing.length === 0 && extra.length === 0 && got.length === want.length) passed++;
      else
        failed.push(
          `${name}\n${missing.map((l) => `    missing: ${l}`).join('\n')}\n${extra.map((l) => `    extra:   ${l}`).join('\n')}`,
        );
    }
    process.stdout.write(
      `netpol-analyzer connlist: ${passed} passed, ${failed.length} failed, ${Object.keys(OUT_OF_SCOPE).length} out of scope\n${deviations.map((d) => `  deviation: ${d}\n`).join('')}${failed.map((f) => `  FAILED ${f}\n`).join('')}`,
    );
    expect(failed).toEqual([]);
  }, 120_000);

  // One exposure case has only a `.dot` golden file: it is compared in that format.
  const goldenOf = (c: Case) =>
    c.expected.find((e) => e.endsWith('.txt')) ?? c.expected.find((e) => e.endsWith('.dot'));
  const exposure = all.filter((c) => c.kind === 'connlist' && c.exposure && goldenOf(c));
  it(`exposure cases (${exposure.length})`, async () => {
    const failed: string[] = [];
    const deviated: string[] = [];
    let passed = 0;
    for (const c of exposure) {
      const name = nameOf(c);
      const focus = focusOf(c);
      const answer = await k8sConnlist([join(root, c.dir)], { focus, cni: DEFAULT_CNI, exposure: true });
      const golden = goldenOf(c)!;
      const render = golden.endsWith('.dot') ? renderConnlistDot : renderConnlistTxt;
      const got = lines(
        render(answer.connlist, { exposure: true, ...(focus.conn ? { focusConn: focus.conn } : {}) }),
      );
      const want = lines(readFileSync(join(root, golden), 'utf8'));
      const { missing, extra } = compare(got, want);
      if (missing.length === 0 && extra.length === 0) {
        passed++;
        if (EXPOSURE_DEVIATIONS[name])
          failed.push(`${name}\n    listed as a deviation but passes: remove it from the list`);
        continue;
      }
      const detail = `${name}\n${missing.map((l) => `    missing: ${l}`).join('\n')}\n${extra.map((l) => `    extra:   ${l}`).join('\n')}`;
      if (EXPOSURE_DEVIATIONS[name]) deviated.push(`${name}: ${EXPOSURE_DEVIATIONS[name]}`);
      else failed.push(detail);
    }
    const stale = Object.keys(EXPOSURE_DEVIATIONS).filter((n) => !exposure.some((c) => nameOf(c) === n));
    for (const n of stale) failed.push(`${n}\n    listed as a deviation but no such case`);
    process.stdout.write(
      `netpol-analyzer exposure: ${passed} passed, ${failed.length} failed, ${deviated.length} listed deviations\n${deviated.map((d) => `  deviation: ${d}\n`).join('')}${failed.map((f) => `  FAILED ${f}\n`).join('')}`,
    );
    expect(failed).toEqual([]);
  }, 120_000);

  const explain = all.filter((c) => c.kind === 'explain');
  it(`explain cases (${explain.length})`, async () => {
    const failed: string[] = [];
    const deviated: string[] = [];
    let passed = 0;
    for (const c of explain) {
      const name = nameOf(c);
      const focus = focusOf(c);
      const answer = await k8sConnlist([join(root, c.dir)], {
        focus,
        cni: DEFAULT_CNI,
        explain: true,
        explainStyle: 'netpol',
        ...(c.exposure ? { exposure: true } : {}),
      });
      const only = c.explainOnly === 'allow' || c.explainOnly === 'deny' ? c.explainOnly : undefined;
      const got = lines(
        renderExplainNetpol(answer.explanations ?? [], {
          ...(only ? { only } : {}),
          ...(focus.conn ? { focusConn: focus.conn } : {}),
          ...(c.exposure ? { exposure: answer.connlist } : {}),
        }),
      );
      const want = lines(readFileSync(join(root, c.expected[0]!), 'utf8'));
      const { missing, extra } = compare(got, want);
      if (missing.length === 0 && extra.length === 0) {
        passed++;
        if (EXPLAIN_DEVIATIONS[name])
          failed.push(`${name}\n    listed as a deviation but passes: remove it from the list`);
        continue;
      }
      const detail = `${name}\n${missing.map((l) => `    missing: ${l}`).join('\n')}\n${extra.map((l) => `    extra:   ${l}`).join('\n')}`;
      if (EXPLAIN_DEVIATIONS[name]) deviated.push(`${name}: ${EXPLAIN_DEVIATIONS[name]}`);
      else failed.push(detail);
    }
    const stale = Object.keys(EXPLAIN_DEVIATIONS).filter((n) => !explain.some((c) => nameOf(c) === n));
    for (const n of stale) failed.push(`${n}\n    listed as a deviation but no such case`);
    process.stdout.write(
      `netpol-analyzer explain: ${passed} passed, ${failed.length} failed, ${deviated.length} listed deviations\n${deviated.map((d) => `  deviation: ${d}\n`).join('')}${failed.map((f) => `  FAILED ${f}\n`).join('')}`,
    );
    expect(failed).toEqual([]);
  }, 300_000);
});
