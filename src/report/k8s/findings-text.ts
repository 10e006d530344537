/** `k8s findings --format text`: a count line, then per finding one line and its location. */
import { FINDING_SEVERITIES, type K8sFinding } from '../../engine/index.js';

const WIDTH = Math.max(...FINDING_SEVERITIES.map((s) => s.length));

/**
 * `Findings (N): 0 critical, 1 high, ...`, then per finding `severity id (resources): message` and,
 * when known, `  at file:line` below it. No findings: `Findings: none`.
 */
export function renderK8sFindingsText(findings: readonly K8sFinding[]): string {
  if (findings.length === 0) return 'Findings: none\n';
  const counts = FINDING_SEVERITIES.map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`);
  const lines = [`Findings (${findings.length}): ${counts.join(', ')}`];
  for (const f of findings) {
    lines.push(`${f.severity.padEnd(WIDTH)} ${f.id} (${f.resources.join(', ')}): ${f.message}`);
    if (f.location) lines.push(`  at ${f.location.file}${f.location.line > 0 ? `:${f.location.line}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
