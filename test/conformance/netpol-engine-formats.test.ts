/**
 * Issue #4 items 5 and 6: what the engine computes, rendered in every other format netpol-analyzer
 * has a golden file for (json, csv, md, dot), compared byte for byte (trailing newlines aside) for
 * every connlist case, exposure included. The txt lines are compared in netpol-analyzer.test.ts; this
 * adds what only the other formats show (the nodes dot draws, focus-conn labels, json nesting).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sConnlist } from '../../src/app/index.js';
import { DEFAULT_CNI, type Focus } from '../../src/engine/index.js';
import type { PodProtocol } from '../../src/model/index.js';
import {
  type ConnlistRenderOptions,
  renderConnlistCsv,
  renderConnlistDot,
  renderConnlistJson,
  renderConnlistMd,
} from '../../src/report/index.js';
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
}

const root = join(sharedRoot, 'conformance/k8s/netpol-analyzer');
const present = existsSync(join(root, 'cases.json'));
const cases: Case[] = present
  ? (JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8')) as { cases: Case[] }).cases.filter(
      (c) => c.kind === 'connlist',
    )
  : [];
const RENDER = {
  json: renderConnlistJson,
  csv: renderConnlistCsv,
  md: renderConnlistMd,
  dot: renderConnlistDot,
};
type Format = keyof typeof RENDER;
const trimEnd = (s: string) => s.replace(/\n+$/, '');

describe.skipIf(!present)('netpol-analyzer connlist cases in json, csv, md and dot', () => {
  it('match the golden files', async () => {
    const tally: Record<Format, { passed: number; failed: string[] }> = {
      json: { passed: 0, failed: [] },
      csv: { passed: 0, failed: [] },
      md: { passed: 0, failed: [] },
      dot: { passed: 0, failed: [] },
    };
    for (const c of cases) {
      const conn = /^(tcp|udp|sctp)-(\d+)$/i.exec(c.focusConn);
      const focus: Focus = {
        ...(c.focusWorkloads.length > 0 ? { workloads: c.focusWorkloads } : {}),
        ...(c.focusWorkloadPeers.length > 0 ? { peers: c.focusWorkloadPeers } : {}),
        ...(c.focusDirection === 'ingress' || c.focusDirection === 'egress'
          ? { direction: c.focusDirection }
          : {}),
        ...(conn ? { conn: { protocol: conn[1]!.toUpperCase() as PodProtocol, port: Number(conn[2]) } } : {}),
      };
      // As the CLI: exposure says nothing about a pair of named workloads.
      const exposure = c.exposure && !(focus.workloads && focus.peers);
      const answer = await k8sConnlist([join(root, c.dir)], {
        focus,
        cni: DEFAULT_CNI,
        ...(exposure ? { exposure } : {}),
      });
      const opts: ConnlistRenderOptions = {
        ...(focus.conn ? { focusConn: focus.conn } : {}),
        ...(exposure ? { exposure } : {}),
      };
      for (const file of c.expected) {
        const format = file.split('.').pop() as Format;
        if (!(format in RENDER)) continue;
        const want = trimEnd(readFileSync(join(root, file), 'utf8'));
        if (trimEnd(RENDER[format](answer.connlist, opts)) === want) tally[format].passed++;
        else tally[format].failed.push(file);
      }
    }
    for (const [format, t] of Object.entries(tally))
      process.stdout.write(
        `netpol-analyzer engine ${format}: ${t.passed} passed, ${t.failed.length} failed${t.failed.map((f) => `\n  FAILED ${f}`).join('')}\n`,
      );
    expect(Object.values(tally).flatMap((t) => t.failed)).toEqual([]);
    expect(Object.values(tally).reduce((n, t) => n + t.passed, 0)).toBeGreaterThan(400);
  }, 120_000);
});
