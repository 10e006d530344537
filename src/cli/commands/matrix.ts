import { matrix } from '../../app/index.js';
import { renderMatrixCsv } from '../../report/index.js';
import { reportingTo } from '../diagnostics.js';
import type { Output } from '../output.js';

export const matrixFormats = ['csv', 'json'] as const;
export const matrixGroupings = ['endpoint', 'subnet'] as const;

/** `rampart matrix`; exit 0 whenever an answer is given. */
export async function runMatrix(
  paths: readonly string[],
  by: 'endpoint' | 'subnet',
  format: string,
  io: Output,
): Promise<number> {
  const m = await matrix(paths.length > 0 ? paths : ['.'], by, reportingTo(io));
  io.out(format === 'json' ? `${JSON.stringify(m, null, 2)}\n` : renderMatrixCsv(m));
  return 0;
}
