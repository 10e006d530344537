import { type Direction, formatIpv4, IPV4_MAX, IpSet } from '../../model/index.js';
import type { K8sPeer } from './connlist.js';
import { blockOf } from './peers.js';
import type { ClusterView } from './view.js';

/** A piece of the external IPv4 space that every policy treats alike. */
export interface ExternalAtom {
  readonly range: IpSet;
  readonly text: string;
}

/**
 * The external IPv4 space cut at every boundary of every ipBlock (its CIDR minus its excepts, so
 * adjacent excepts make one hole) and ANP network in the rules of one direction, over all policies, so each atom is wholly inside or outside each
 * block of that direction. This is the netpol-analyzer reading: each segment with some connectivity is
 * its own line, egress lines cut by egress blocks, ingress lines by ingress blocks. IPv6 blocks are not
 * cut here.
 */
export function externalAtoms(view: ClusterView, direction: Direction): ExternalAtom[] {
  const cuts = new Set<bigint>([0n]);
  for (const p of [...view.admin, ...view.networkPolicies, ...view.baseline])
    for (const r of p.rules)
      if (r.direction === direction)
        for (const peer of r.peers)
          if (peer.kind === 'ip-block')
            for (const iv of blockOf(peer).v4Intervals()) {
              cuts.add(iv.lo);
              if (iv.hi < IPV4_MAX) cuts.add(iv.hi + 1n);
            }
  const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return starts.map((lo, i) => {
    const hi = i + 1 < starts.length ? starts[i + 1]! - 1n : IPV4_MAX;
    return { range: IpSet.fromRange(4, lo, hi), text: `${formatIpv4(lo)}-${formatIpv4(hi)}` };
  });
}

/** An atom as a peer of the map: `first-last[External]`. */
export function externalPeer(atom: ExternalAtom): K8sPeer {
  return { kind: 'external', text: `${atom.text}[External]`, name: atom.text };
}
