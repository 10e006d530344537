import { exposure } from '../../app/index.js';
import { renderExposureText } from '../../report/index.js';
import { reportingTo } from '../diagnostics.js';
import type { Output } from '../output.js';

export const exposureFormats = ['text', 'json'] as const;

/** `rampart exposure`: every endpoint the internet reaches; exit 0 whenever an answer is given. */
export async function runExposure(paths: readonly string[], format: string, io: Output): Promise<number> {
  const report = await exposure(paths.length > 0 ? paths : ['.'], reportingTo(io));
  io.out(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderExposureText(report));
  return 0;
}
