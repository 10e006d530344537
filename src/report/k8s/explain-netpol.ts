/**
 * `k8s connlist --explain --explain-style netpol`: np-guard/netpol-analyzer's `list --explain` layout.
 * Per pair, `Allowed connections:` / `Denied connections:` blocks that group the connections both
 * sides explain alike; pairs the system default alone allows entirely are listed at the end.
 */
import {
  bySystemDefault,
  type Connlist,
  type ExplainGroup,
  explainGroups,
  type PairExplanation,
  PodConns,
} from '../../engine/index.js';
import { PortSet } from '../../model/index.js';
import { exposurePart } from './connlist-txt.js';
import { byCodeUnit, type FocusConn } from './conns-text.js';
import { explainConnsText, SYSTEM_DEFAULT, sideLines } from './explain-netpol-lines.js';

export interface NetpolExplainOptions {
  /** `--explain-only`: keep only the allowed, or only the denied, connections. */
  readonly only?: 'allow' | 'deny';
  /** `--focus-conn`: explain this one connection. */
  readonly focusConn?: FocusConn;
  /** `--exposure`: the map whose exposure section follows the explanations. */
  readonly exposure?: Connlist;
}

const RULE = '-'.repeat(160);

function banner(title: string): string[] {
  const bar = '#'.repeat(title.length + 4);
  return [bar, `# ${title} #`, bar];
}

function groupLines(g: ExplainGroup, p: PairExplanation): string[] {
  const verdict = g.allowed ? 'Allowed' : 'Denied';
  const what = `\t${verdict} ${explainConnsText(g.conns)} due to`;
  if (g.allowed && bySystemDefault(g.egress) && bySystemDefault(g.ingress))
    return [`${what} ${SYSTEM_DEFAULT}`];
  return [
    `${what} the following policies and rules:`,
    ...sideLines(g.egress, 'egress', { subject: p.src.text, other: p.dst.text }),
    ...sideLines(g.ingress, 'ingress', { subject: p.dst.text, other: p.src.text }),
  ];
}

function pairBlock(p: PairExplanation, groups: readonly ExplainGroup[]): string[] {
  const out = [RULE, `Connections between ${p.src.text} => ${p.dst.text}:`, ''];
  for (const allowed of [true, false]) {
    const mine = groups.filter((g) => g.allowed === allowed);
    if (mine.length === 0) continue;
    out.push(`${allowed ? 'Allowed' : 'Denied'} connections:`);
    for (const g of mine) out.push(...groupLines(g, p), '');
  }
  return out;
}

/** Whether the system default alone allows every connection of `within` for the pair. */
function allDefault(groups: readonly ExplainGroup[], within: PodConns): boolean {
  const g = groups[0];
  return (
    groups.length === 1 &&
    g !== undefined &&
    g.allowed &&
    g.conns.equals(within) &&
    bySystemDefault(g.egress) &&
    bySystemDefault(g.ingress)
  );
}

/** The whole report, pairs sorted by source then destination. */
export function renderExplainNetpol(
  pairs: readonly PairExplanation[],
  opts: NetpolExplainOptions = {},
): string {
  const within = opts.focusConn
    ? PodConns.of(opts.focusConn.protocol, PortSet.of(opts.focusConn.port))
    : PodConns.all();
  const sorted = [...pairs].sort(
    (a, b) => byCodeUnit(a.src.text, b.src.text) || byCodeUnit(a.dst.text, b.dst.text),
  );
  const specific: string[] = [];
  const byDefault: string[] = [];
  for (const p of sorted) {
    const groups = explainGroups(p, within);
    if (groups.length === 0) continue;
    if (allDefault(groups, within)) {
      // These pairs are allowed: --explain-only deny leaves them out.
      if (opts.only !== 'deny') byDefault.push(`${p.src.text} => ${p.dst.text}`);
      continue;
    }
    const kept = groups.filter((g) => opts.only === undefined || g.allowed === (opts.only === 'allow'));
    if (kept.length > 0) specific.push(...pairBlock(p, kept));
  }
  const out: string[] = [];
  if (specific.length > 0) out.push('', ...banner('Specific connections and their reasons'), ...specific);
  if (byDefault.length > 0) out.push('', ...banner(`All Connections due to ${SYSTEM_DEFAULT}`), ...byDefault);
  const text = out.length === 0 ? '' : `${out.join('\n')}\n`;
  if (!opts.exposure) return text;
  const section = exposurePart(opts.exposure, {
    exposure: true,
    ...(opts.focusConn ? { focusConn: opts.focusConn } : {}),
  });
  return `${text}\n${section}`;
}
