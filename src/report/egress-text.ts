import type { EgressReport } from '../engine/index.js';
import { stepLine } from './trace-text.js';

const route = (via: readonly string[]) => (via.length > 0 ? via.join(' -> ') : 'no gateway');

/** `egress` as text: the working ways out with their path, then the broken and the undecided ones. */
export function renderEgressText(r: EgressReport): string {
  const out: string[] = [`${r.paths.length} way(s) out to public addresses`];
  for (const p of r.paths) {
    const owner = p.owner ? ` (${p.owner})` : '';
    out.push('', `${p.endpoint}${owner}: ${p.reaches} through ${route(p.via)}`);
    out.push(`  to ${p.anyDestination ? 'any public address' : p.destinations}`);
    out.push('  path:', ...p.path.map(stepLine));
  }
  if (r.repliesDropped.length > 0) {
    out.push('', 'replies dropped (the connection gets out, the answer does not come back):');
    for (const d of r.repliesDropped) {
      const rule = d.blockedAt.rule ? ` [${d.blockedAt.rule}]` : '';
      out.push(
        `  ${d.endpoint}: ${d.traffic} through ${route(d.via)}, at ${d.blockedAt.kind} ${d.blockedAt.resource}${rule}`,
      );
    }
  }
  if (r.undecided.length > 0) {
    out.push('', 'undecided:');
    for (const u of r.undecided) out.push(`  ${u.endpoint}: ${u.traffic} - ${u.why.join('; ')}`);
  }
  return `${out.join('\n')}\n`;
}
