import { type AwsTopology, type Party, resolveParty } from '../engine/index.js';
import { UsageError } from './errors.js';

/** Resolve a `--from`/`--to` argument, or fail with one line and the close matches (DESIGN §6). */
export function resolveOrExplain(topo: AwsTopology, text: string, flag: string): Party {
  const p = resolveParty(topo, text);
  if ('error' in p)
    throw new UsageError(
      'APP_REACH_UNKNOWN_RESOURCE',
      `${flag}: ${p.error}`,
      p.suggestions.length > 0
        ? `Close matches: ${p.suggestions.join(', ')}`
        : 'Give an instance or ENI id, an IP address, or internet.',
    );
  return p;
}
