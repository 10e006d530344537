/** Mapping our connection verdicts to Batfish's single-packet dispositions, for the conformance runner. */
import type { AwsTopology, Verdict } from '../../src/engine/index.js';
import type { Endpoint } from '../../src/model/index.js';

/**
 * Batfish dispositions (shared/conformance/cloud/batfish-aws-snapshots/README.md). They describe the
 * forward packet only, so the return leg is not compared. NULL_ROUTED and NO_ROUTE both mean "routing
 * drops it"; which one Batfish says depends on its internal node model (a subnet "router" with a null
 * route vs a VPC with none), so they compare as one class.
 */
export type Disposition =
  | 'ACCEPTED'
  | 'DENIED_IN'
  | 'DENIED_OUT'
  | 'NO_ROUTE'
  | 'NEIGHBOR_UNREACHABLE'
  | 'EXITS_NETWORK'
  | 'UNKNOWN';

export function normalize(d: string): string {
  return d === 'NULL_ROUTED' ? 'NO_ROUTE' : d;
}

/** The forward leg of a verdict as a Batfish disposition. */
export function dispositionOf(v: Verdict, topo: AwsTopology, src: Endpoint | undefined): Disposition {
  const blocked = v.blockedAt?.direction === 'forward' ? v.blockedAt : undefined;
  if (!blocked) {
    const last = v.forward[v.forward.length - 1];
    if (last?.kind !== 'delivered') return 'UNKNOWN';
    return last.decidedBy === 'internet-gateway' ? 'EXITS_NETWORK' : 'ACCEPTED';
  }
  switch (blocked.kind) {
    case 'security-group':
    case 'network-acl': {
      const srcSubnet = topo.subnet(src?.subnetId);
      const srcSide =
        src !== undefined &&
        (src.filterIds.includes(blocked.resource) ||
          blocked.resource === src.id ||
          (srcSubnet && topo.naclOf(srcSubnet)?.id === blocked.resource));
      return srcSide ? 'DENIED_OUT' : 'DENIED_IN';
    }
    case 'endpoint': {
      const step = v.forward[v.forward.length - 1];
      return step?.note === 'no interface owns this address' ? 'NEIGHBOR_UNREACHABLE' : 'NO_ROUTE';
    }
    default:
      return 'NO_ROUTE';
  }
}
