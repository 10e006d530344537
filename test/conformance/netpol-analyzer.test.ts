/**
 * Issue #4 item 6: `k8s connlist` against np-guard/netpol-analyzer's golden outputs
 * (shared/conformance/k8s/netpol-analyzer, cases.json). For every connlist case: import the case
 * folder, compute the map with the netpol-analyzer ipBlock profile (the default), apply the focus
 * options, render txt and compare with the expected `.txt` as a multiset of lines (each trimmed, runs
 * of whitespace collapsed). Prints `N passed, M failed`, and each failure with its missing and extra
 * lines; every deviation is listed with its reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sConnlist } from '../../src/app/index.js';
import { DEFAULT_CNI, type Focus } from '../../src/engine/index.js';
import type { PodProtocol } from '../../src/model/index.js';
import { renderConnlistTxt } from '../../src/report/index.js';
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

/** Lines that only exist because of inputs Rampart does not model yet (OpenShift Routes, Ingress). */
const ingressController = (l: string) => l.startsWith('{ingress-controller}');

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
      let want = lines(readFileSync(join(root, txt), 'utf8'));
      if (want.some(ingressController)) {
        want = want.filter((l) => !ingressController(l));
        deviations.push(
          `${name}: {ingress-controller} lines left out (OpenShift Routes / Ingress not modelled yet)`,
        );
      }
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
});
