import { ConnectionSet, type Endpoint, parseIp } from '../../model/index.js';
import type { Step, Verdict } from '../trace.js';
import { evaluateFlow } from './flow.js';
import { probesFor } from './port-classes.js';
import type { AwsTopology } from './topology.js';

// Decided by routing alone: the same for every port and protocol, so no other probe can pass either.
const PORT_BLIND = new Set(['route', 'peering', 'transit-gateway', 'internet-gateway', 'no-public-address']);

/** True when a blocked verdict was decided where ports play no part, so probing more classes is moot. */
function blockedForAllTraffic(v: Verdict): boolean {
  return v.verdict === 'blocked' && v.blockedAt !== null && PORT_BLIND.has(v.blockedAt.kind);
}

export interface PairJudgement {
  /** Traffic `src` opens to `dst`'s primary private address with the reply coming back. */
  readonly allowed: ConnectionSet;
  /** Traffic the engine could not decide. */
  readonly unknown: ConnectionSet;
  /** Forward hops of the first allowed probe; empty when nothing is allowed. */
  readonly path: readonly Step[];
}

/**
 * Everything one interface can open to another: one probe per traffic class of both ends' filters
 * (exact, see `probesFor`), stopping as soon as routing alone has decided the pair.
 */
export function judgePair(topo: AwsTopology, src: Endpoint, dst: Endpoint): PairJudgement {
  const address = parseIp(dst.primaryPrivateIp!)!;
  let allowed = ConnectionSet.empty();
  let unknown = ConnectionSet.empty();
  let path: readonly Step[] = [];
  for (const p of probesFor(topo, [src, dst], true)) {
    const v = evaluateFlow(topo, {
      source: { kind: 'endpoint', endpoint: src },
      destination: address,
      connections: p.sample,
    });
    if (blockedForAllTraffic(v)) break;
    if (v.verdict === 'allowed') {
      if (allowed.isEmpty()) path = v.forward;
      allowed = allowed.union(p.connections);
    } else if (v.verdict === 'unknown') unknown = unknown.union(p.connections);
  }
  return { allowed, unknown, path };
}
