import { egress } from '../../app/index.js';
import { renderEgressText } from '../../report/index.js';
import { reportingTo } from '../diagnostics.js';
import type { Output } from '../output.js';

export const egressFormats = ['text', 'json'] as const;

/** `rampart egress`: what reaches the internet and how; exit 0 whenever an answer is given. */
export async function runEgress(paths: readonly string[], format: string, io: Output): Promise<number> {
  const report = await egress(paths.length > 0 ? paths : ['.'], reportingTo(io));
  io.out(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderEgressText(report));
  return 0;
}
