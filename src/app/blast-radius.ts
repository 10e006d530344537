import { AwsTopology, type BlastRadius, blastRadius as closure } from '../engine/index.js';
import { UsageError } from './errors.js';
import { type LoadOptions, loadEstate } from './load-estate.js';
import { resolveOrExplain } from './resolve.js';

/** `rampart blast-radius --from X`: everything an attacker holding X reaches, hop after hop. */
export async function blastRadius(
  paths: readonly string[],
  from: string,
  opts: LoadOptions = {},
): Promise<BlastRadius> {
  const { estate } = await loadEstate(paths, opts);
  const topo = new AwsTopology(estate);
  const party = resolveOrExplain(topo, from, '--from');
  if (party.kind !== 'endpoint' || party.viaPublic)
    throw new UsageError(
      'APP_REACH_QUERY',
      `--from: ${from} is not an interface inside the inputs`,
      'Name the instance, network interface or private address the attacker holds; for the internet use `rampart exposure`.',
    );
  return closure(topo, party.endpoint);
}
