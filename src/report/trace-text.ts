import type { Step, Verdict } from '../engine/index.js';

export function stepLine(s: Step): string {
  const rule = s.rule ? ` [${s.rule}]` : '';
  const nat = s.kind === 'nat' ? ` ${s.from} -> ${s.to}` : '';
  const passes =
    s.passes && s.passes !== 'none' && s.action === 'allowed'
      ? ` (passes ${s.passes})`
      : s.passes && s.action === 'denied'
        ? ` (passes ${s.passes})`
        : '';
  const note = s.note ? ` - ${s.note}` : '';
  return `    ${s.action.padEnd(9)} ${s.kind.padEnd(9)} ${s.resource}${rule}${nat}${passes}${note}`;
}

/** A readable trace: the verdict, where it was decided, then each leg step by step. */
export function renderTraceText(
  v: Verdict & {
    query?: { from: string; to: string; connections: string };
    internet?: { admitted: string; refused: string };
  },
): string {
  const out: string[] = [];
  if (v.query) out.push(`reach ${v.query.from} -> ${v.query.to} (${v.query.connections})`);
  const at = v.blockedAt
    ? ` at ${v.blockedAt.kind} ${v.blockedAt.resource}${v.blockedAt.rule ? ` [${v.blockedAt.rule}]` : ''} on the ${v.blockedAt.direction} leg`
    : '';
  out.push(`verdict: ${v.verdict.toUpperCase()}${at}`);
  if (v.internet)
    out.push(
      `internet addresses that get through: ${v.internet.admitted}`,
      `internet addresses that do not: ${v.internet.refused}`,
    );
  out.push('  forward:', ...v.forward.map(stepLine));
  if (v.return.length > 0) out.push('  return:', ...v.return.map(stepLine));
  if (v.uncertain.length > 0) out.push('  not settled by the inputs:', ...v.uncertain.map((u) => `    ${u}`));
  return `${out.join('\n')}\n`;
}
