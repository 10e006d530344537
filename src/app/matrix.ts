import { AwsTopology, type Matrix, matrixOf } from '../engine/index.js';
import { type LoadOptions, loadEstate } from './load-estate.js';

/** `rampart matrix`: which endpoints (or subnets) open which connections to which. */
export async function matrix(
  paths: readonly string[],
  by: 'endpoint' | 'subnet',
  opts: LoadOptions = {},
): Promise<Matrix> {
  const { estate } = await loadEstate(paths, opts);
  return matrixOf(new AwsTopology(estate), by);
}
