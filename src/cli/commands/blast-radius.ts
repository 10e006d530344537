import { blastRadius } from '../../app/index.js';
import { renderBlastRadiusText } from '../../report/index.js';
import { reportingTo } from '../diagnostics.js';
import type { Output } from '../output.js';

export const blastRadiusFormats = ['text', 'json'] as const;

/** `rampart blast-radius --from X`; exit 0 whenever an answer is given. */
export async function runBlastRadius(
  paths: readonly string[],
  from: string,
  format: string,
  io: Output,
): Promise<number> {
  const report = await blastRadius(paths.length > 0 ? paths : ['.'], from, reportingTo(io));
  io.out(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderBlastRadiusText(report));
  return 0;
}
