import { AwsTopology, type ExposureReport, exposureOf } from '../engine/index.js';
import { type LoadOptions, loadEstate } from './load-estate.js';

/** `rampart exposure`: what the internet reaches, directly or through a load balancer, with paths. */
export async function exposure(paths: readonly string[], opts: LoadOptions = {}): Promise<ExposureReport> {
  const { estate } = await loadEstate(paths, opts);
  return exposureOf(new AwsTopology(estate));
}
