/**
 * Issue #4 item 5: the `k8s connlist` reporters against netpol-analyzer's golden files
 * (shared/conformance/k8s/netpol-analyzer/test_outputs/connlist). Each case's `.txt` is parsed
 * back into a Connlist, every format the case has on disk is rendered from it and compared as a
 * string (trailing newlines normalised), and the txt itself must round-trip. Prints
 * `N passed, M failed` per format; where a format needs data the txt does not carry, the missing
 * data is taken from the expected file, and the case is listed as a deviation with its reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Connlist, PodConns } from '../../src/engine/index.js';
import {
  type ConnlistRenderOptions,
  renderConnlistCsv,
  renderConnlistDot,
  renderConnlistJson,
  renderConnlistMd,
  renderConnlistTxt,
} from '../../src/report/index.js';
import { parseConnlistTxt, parseFocusConn, parsePeer } from './netpol-connlist-parse.js';

interface Case {
  readonly kind: string;
  readonly dir: string;
  readonly expected: readonly string[];
  readonly focusConn: string;
  readonly exposure: boolean;
}

// shared/ lies beside the checkout (as in test/support.ts, which this file avoids: it loads the importers).
const root = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/conformance/k8s/netpol-analyzer');
const present = existsSync(join(root, 'cases.json'));
const cases = present
  ? (JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8')) as { cases: Case[] }).cases.filter(
      (c) => c.kind === 'connlist',
    )
  : [];

const FORMATS = ['txt', 'json', 'csv', 'md', 'dot'] as const;
type Format = (typeof FORMATS)[number];
const RENDER: Record<Format, (c: Connlist, o: ConnlistRenderOptions) => string> = {
  txt: renderConnlistTxt,
  json: renderConnlistJson,
  csv: renderConnlistCsv,
  md: renderConnlistMd,
  dot: renderConnlistDot,
};

interface Outcome {
  readonly name: string;
  readonly format: Format;
  readonly status: 'passed' | 'deviation' | 'failed' | 'not comparable';
  readonly reason?: string;
}

const trimEnd = (s: string) => s.replace(/\n+$/, '');

/** The first line where two texts differ, for the failure message. */
function firstDiff(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i]) return `line ${i + 1}: want ${JSON.stringify(a[i])}, got ${JSON.stringify(b[i])}`;
  return 'texts differ only in trailing newlines';
}

/**
 * What the dot needs beyond the txt, taken from the expected dot: (1) workloads with no edge (dot
 * draws every workload of the input), (2) in focus-conn output the label of exposure edges to
 * `entire-cluster`, which netpol-analyzer writes as `All Connections` for a workload that no
 * policy selects in that direction while the txt prints no conns at all.
 */
function dotSupplement(c: Connlist, want: string): { connlist: Connlist; reasons: string[] } {
  const reasons: string[] = [];
  const known = new Set(c.peers.map((p) => p.text));
  for (const e of c.edges) known.add(e.src.text).add(e.dst.text);
  const isolated = [...want.matchAll(/^\t\t"([^"]+)" \[label="[^"]*" color="blue"/gm)]
    .map((m) => m[1]!)
    .filter((t) => !known.has(t));
  if (isolated.length > 0)
    reasons.push(`workloads without an edge, not named by the txt: ${isolated.join(', ')}`);
  const allLabelled = new Set(
    [...want.matchAll(/^\t"([^"]+)" -> "([^"]+)" \[label="All Connections" color="darkorange[24]"/gm)].map(
      (m) => `${m[1]}\u0000${m[2]}`,
    ),
  );
  let relabelled = 0;
  const relabel = (e: Connlist['edges'][number]) => {
    if (!allLabelled.has(`${e.src.text}\u0000${e.dst.text}`) || e.conns.isAll()) return e;
    relabelled++;
    return { ...e, conns: PodConns.all() };
  };
  const exposure = c.exposure && {
    egress: c.exposure.egress.map(relabel),
    ingress: c.exposure.ingress.map(relabel),
  };
  if (relabelled > 0)
    reasons.push(
      `${relabelled} entire-cluster exposure edge(s) labelled All Connections (workload not protected in that direction; focus-conn txt prints no conns)`,
    );
  return {
    connlist: { ...c, peers: [...c.peers, ...isolated.map(parsePeer)], ...(exposure ? { exposure } : {}) },
    reasons,
  };
}

function runCase(c: Case): Outcome[] {
  const files = new Map(c.expected.map((p) => [p.slice(p.lastIndexOf('.') + 1) as Format, join(root, p)]));
  const base = c.expected[0]!.replace(/^.*\//, '').replace(/\.\w+$/, '');
  const txtPath = files.get('txt');
  if (!txtPath)
    return [...files.keys()].map((format) => ({
      name: base,
      format,
      status: 'not comparable',
      reason: 'the case has no .txt to derive the Connlist from',
    }));
  const parsed = parseConnlistTxt(readFileSync(txtPath, 'utf8'));
  const opts: ConnlistRenderOptions = {
    exposure: c.exposure,
    unprotected: parsed.unprotected,
    ...(c.focusConn ? { focusConn: parseFocusConn(c.focusConn) } : {}),
  };
  return FORMATS.filter((f) => files.has(f)).map((format): Outcome => {
    const want = trimEnd(readFileSync(files.get(format)!, 'utf8'));
    const got = trimEnd(RENDER[format](parsed.connlist, opts));
    if (got === want) return { name: base, format, status: 'passed' };
    if (format === 'dot') {
      const more = dotSupplement(parsed.connlist, want);
      if (more.reasons.length > 0 && trimEnd(renderConnlistDot(more.connlist, opts)) === want)
        return { name: base, format, status: 'deviation', reason: more.reasons.join('; ') };
    }
    return { name: base, format, status: 'failed', reason: firstDiff(want, got) };
  });
}

describe.runIf(present)('netpol-analyzer connlist golden files, every format from the txt', () => {
  const outcomes = cases.flatMap(runCase);
  for (const format of FORMATS) {
    const of = outcomes.filter((o) => o.format === format);
    const n = (s: Outcome['status']) => of.filter((o) => o.status === s).length;
    process.stdout.write(
      `netpol connlist ${format}: ${n('passed') + n('deviation')} passed, ${n('failed')} failed` +
        ` (${n('deviation')} only with data the txt lacks, ${n('not comparable')} not comparable)\n`,
    );
  }
  for (const o of outcomes)
    if (o.status !== 'passed') process.stdout.write(`  ${o.status}: ${o.name}.${o.format}: ${o.reason}\n`);

  it.each(outcomes.map((o) => [`${o.name}.${o.format}`, o] as const))('%s', (_name, o) => {
    expect(o.status === 'failed' ? o.reason : 'ok').toBe('ok');
  });

  it('covers every connlist case of cases.json with at least one format', () => {
    expect(new Set(outcomes.map((o) => o.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThan(150);
  });
});
