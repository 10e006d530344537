import { formatIpv4, IPV4_MAX, IpSet, parseCidr } from '../../model/index.js';
import type { ClusterView } from './view.js';

/** A piece of the external IPv4 space that every policy treats alike. */
export interface ExternalAtom {
  readonly range: IpSet;
  readonly text: string;
}

/**
 * The external IPv4 space cut at every boundary of every ipBlock CIDR and `except` (and ANP network)
 * of every policy, so each atom is wholly inside or outside each block (the netpol-analyzer reading:
 * each segment with some connectivity is its own line). IPv6 blocks are not cut here.
 */
export function externalAtoms(view: ClusterView): ExternalAtom[] {
  const cuts = new Set<bigint>([0n]);
  for (const p of [...view.admin, ...view.networkPolicies, ...view.baseline])
    for (const r of p.rules)
      for (const peer of r.peers)
        if (peer.kind === 'ip-block')
          for (const text of [peer.cidr, ...peer.except]) {
            const c = parseCidr(text);
            if (typeof c === 'string' || c.family !== 4) continue;
            cuts.add(c.network);
            const end = c.network + (1n << BigInt(32 - c.prefix));
            if (end <= IPV4_MAX) cuts.add(end);
          }
  const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return starts.map((lo, i) => {
    const hi = i + 1 < starts.length ? starts[i + 1]! - 1n : IPV4_MAX;
    return { range: IpSet.fromRange(4, lo, hi), text: `${formatIpv4(lo)}-${formatIpv4(hi)}` };
  });
}
