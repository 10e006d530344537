import { type ReachRequest, reach } from '../../app/index.js';
import { renderTraceText } from '../../report/index.js';
import { reportingTo } from '../diagnostics.js';
import type { Output } from '../output.js';

export const reachFormats = ['text', 'json'] as const;
export const reachProtocols = ['tcp', 'udp', 'icmp', 'all'] as const;

/** `rampart reach`: prints one verdict with its trace; exit 0 whenever a verdict is given. */
export async function runReach(
  paths: readonly string[],
  req: ReachRequest,
  format: string,
  io: Output,
): Promise<number> {
  const answer = await reach(paths.length > 0 ? paths : ['.'], req, reportingTo(io));
  io.out(format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : renderTraceText(answer));
  return 0;
}
