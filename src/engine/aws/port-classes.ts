import type { Endpoint, Interval } from '../../model/index.js';
import { subnetsInScope } from './parties.js';
import type { AwsTopology } from './topology.js';

/**
 * Port ranges on which every filter in front of an endpoint decides the same way (DESIGN §3
 * equivalence classes): cut at every bound of its security group rules and its subnet's NACL rules.
 * Egress rules are cut too, although they judge a reply by its destination (the client's ephemeral
 * port): cheap, and it keeps the classes right if an egress-side rule ever reads the service port.
 * With `wholeNetwork` the NACLs of every subnet of its network count (paths through a NAT gateway).
 * Judging one port per range is then exact for the whole range.
 */
export function portClasses(
  topo: AwsTopology,
  e: Endpoint,
  protocol: 'tcp' | 'udp',
  wholeNetwork = false,
): Interval<number>[] {
  const cuts = new Set<number>([0, 65536]);
  const nacls = subnetsInScope(topo, e, wholeNetwork).map((s) => topo.naclOf(s));
  const filters = [...e.filterIds.map((id) => topo.filter(id)), ...nacls];
  for (const f of filters)
    for (const r of f?.rules ?? []) {
      const ports = protocol === 'tcp' ? r.connections.tcpPorts() : r.connections.udpPorts();
      for (const iv of ports.intervals()) {
        cuts.add(iv.lo);
        cuts.add(iv.hi + 1);
      }
    }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Interval<number>[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push({ lo: sorted[i]!, hi: sorted[i + 1]! - 1 });
  return out;
}
