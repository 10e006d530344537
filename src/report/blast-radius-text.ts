import type { BlastRadius } from '../engine/index.js';
import { stepLine } from './trace-text.js';

/** `blast-radius` as text: sensitive targets first, each with the chain of footholds and the path. */
export function renderBlastRadiusText(r: BlastRadius): string {
  const out: string[] = [`holding ${r.from}, an attacker reaches ${r.reached.length} endpoint(s)`];
  for (const f of r.reached) {
    const owner = f.owner ? ` (${f.owner})` : '';
    const flag = f.sensitive ? `SENSITIVE (${f.sensitive}) ` : '';
    out.push('', `${flag}${f.endpoint}${owner} ${f.address}: ${f.reaches} in ${f.hops} hop(s)`);
    out.push(`  chain: ${[...f.chain, f.endpoint].join(' -> ')}`);
    out.push('  last hop:', ...f.path.map(stepLine));
  }
  if (r.undecided.length > 0) {
    out.push('', 'undecided (not modelled or missing inputs; not safe):');
    for (const u of r.undecided) out.push(`  ${u.from} -> ${u.to}: ${u.traffic}`);
  }
  return `${out.join('\n')}\n`;
}
