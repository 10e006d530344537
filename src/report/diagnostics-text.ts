import type { DiagnosticJson } from '../contract/index.js';

const ORDER = ['fatal', 'error', 'warning', 'unsupported'] as const;

function location(d: DiagnosticJson): string {
  const s = d.source;
  return s.line > 0 ? `${s.file}:${s.line}:${s.column}` : s.file;
}

/** `file:line:col severity CODE message` lines, then the hint indented; a summary line first. */
export function renderDiagnosticsText(
  diagnostics: readonly DiagnosticJson[],
  limit = Number.POSITIVE_INFINITY,
): string {
  if (diagnostics.length === 0) return 'Diagnostics: none\n';
  const counts = ORDER.map((s) => `${diagnostics.filter((d) => d.severity === s).length} ${s}`).join(', ');
  const lines = [`Diagnostics (${diagnostics.length}): ${counts}`];
  for (const d of diagnostics.slice(0, limit)) {
    lines.push(`  ${location(d)} ${d.severity} ${d.code} ${d.message}`);
    if (d.hint) lines.push(`      hint: ${d.hint}`);
  }
  if (diagnostics.length > limit)
    lines.push(`  ... ${diagnostics.length - limit} more (use --format json for all)`);
  return `${lines.join('\n')}\n`;
}
