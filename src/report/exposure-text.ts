import type { ExposureReport } from '../engine/index.js';
import { stepLine } from './trace-text.js';

/** `exposure` as text: one block per exposed endpoint, the traffic and sources first, then the path. */
export function renderExposureText(r: ExposureReport): string {
  const out: string[] = [`${r.exposures.length} internet exposure(s)`];
  for (const x of r.exposures) {
    const owner = x.owner ? ` (${x.owner})` : '';
    const via = x.loadBalancer
      ? `through load balancer ${x.loadBalancer.id} listener ${x.loadBalancer.listenerPort} at ${x.address}`
      : `directly at ${x.address}`;
    out.push('', `${x.endpoint}${owner}: ${x.reaches || 'nothing decided'} ${via}`);
    out.push(`  from ${x.anySource ? 'any public address' : x.sources || 'no decided source'}`);
    if (x.unknown) out.push(`  undecided: ${x.unknown}`);
    for (const u of x.uncertain) out.push(`  uncertain: ${u}`);
    out.push('  path:', ...x.path.map(stepLine));
  }
  if (r.notes.length > 0) out.push('', 'not followed:', ...r.notes.map((n) => `  ${n}`));
  return `${out.join('\n')}\n`;
}
