import { AwsTopology, type EgressReport, egressOf } from '../engine/index.js';
import { type LoadOptions, loadEstate } from './load-estate.js';

/** `rampart egress`: which endpoints reach public addresses, and through which gateways. */
export async function egress(paths: readonly string[], opts: LoadOptions = {}): Promise<EgressReport> {
  const { estate } = await loadEstate(paths, opts);
  return egressOf(new AwsTopology(estate));
}
