import { type ConnectionSet, IpSet, parseIp } from '../../model/index.js';
import type { Verdict } from '../trace.js';
import { evaluateFlow } from './flow.js';
import { internetPieces, type Party } from './parties.js';
import type { AwsTopology } from './topology.js';

export interface ReachOutcome extends Verdict {
  /** For `internet`: the public addresses that get through, and those that do not. */
  readonly internet?: { readonly admitted: string; readonly refused: string };
}

/**
 * `reach` between two resolved parties (DESIGN §6). With `internet` as one end every piece of the public
 * address space the rules distinguish is tried; the verdict is `allowed` when some piece gets through,
 * and the outcome names the ranges that do and do not.
 */
export function reachBetween(
  topo: AwsTopology,
  from: Party,
  to: Party,
  connections: ConnectionSet,
): ReachOutcome | { error: string } {
  if (from.kind === 'internet' && to.kind === 'internet')
    return { error: 'both ends are on the internet; name an instance, interface or address in the inputs' };
  if (to.kind === 'vpn')
    return { error: 'a VPN gateway is a source only; give the customer-side address as --to' };
  if (from.kind === 'vpn')
    return evaluateFlow(topo, {
      source: { kind: 'vpn', gatewayId: from.gatewayId, address: from.address },
      destination: to.kind === 'endpoint' ? to.address : (to.address ?? from.address),
      connections,
    });
  if (from.kind === 'endpoint') {
    if (to.kind === 'endpoint' || to.address) {
      const destination = to.kind === 'endpoint' ? to.address : to.address!;
      return evaluateFlow(topo, {
        source: { kind: 'endpoint', endpoint: from.endpoint },
        destination,
        connections,
      });
    }
    return overInternet(topo, from.endpoint, (address) =>
      evaluateFlow(topo, {
        source: { kind: 'endpoint', endpoint: from.endpoint },
        destination: address,
        connections,
      }),
    );
  }
  // From the internet to an interface: through its public address.
  if (to.kind !== 'endpoint') return { error: 'both ends are on the internet' };
  const publicText = to.viaPublic ? undefined : to.endpoint.publicIps[0];
  if (!to.viaPublic && publicText === undefined)
    return {
      verdict: 'blocked',
      blockedAt: { kind: 'no-public-address', resource: to.endpoint.id, direction: 'forward' },
      forward: [
        {
          kind: 'dropped',
          decidedBy: 'no-public-address',
          resource: to.endpoint.id,
          action: 'denied',
          note: 'no public address: the internet cannot address it',
        },
      ],
      return: [],
      uncertain: [],
    };
  const dst = to.viaPublic ? to.address : parseIp(publicText!)!;
  if (from.address)
    return evaluateFlow(topo, {
      source: { kind: 'internet', address: from.address },
      destination: dst,
      connections,
    });
  return overInternet(topo, to.endpoint, (address) =>
    evaluateFlow(topo, { source: { kind: 'internet', address }, destination: dst, connections }),
  );
}

function overInternet(
  topo: AwsTopology,
  e: Parameters<typeof internetPieces>[1],
  run: (a: { family: 4 | 6; value: bigint }) => Verdict,
): ReachOutcome {
  let admitted = IpSet.empty();
  let refused = IpSet.empty();
  let first: Verdict | undefined;
  let firstBlocked: Verdict | undefined;
  let firstUnknown: Verdict | undefined;
  const uncertain = new Set<string>();
  for (const piece of internetPieces(topo, e)) {
    const v = run(piece.address);
    for (const u of v.uncertain) uncertain.add(u);
    if (v.verdict === 'allowed') {
      admitted = admitted.union(piece.set);
      first ??= v;
    } else {
      refused = refused.union(piece.set);
      if (v.verdict === 'unknown') firstUnknown ??= v;
      else firstBlocked ??= v;
    }
  }
  // Some piece gets through: allowed. Otherwise a piece we could not judge makes it unknown, not blocked.
  const chosen = first ?? firstUnknown ?? firstBlocked!;
  return {
    ...chosen,
    uncertain: [...uncertain],
    internet: { admitted: admitted.toString(), refused: refused.toString() },
  };
}
