import { ConnectionSet, type Endpoint, IcmpSet, type Interval, PortSet } from '../../model/index.js';
import { subnetsInScope } from './parties.js';
import type { AwsTopology } from './topology.js';

/**
 * Port ranges on which every filter in front of the given endpoints decides the same way (DESIGN §3
 * equivalence classes): cut at every bound of its security group rules and its subnet's NACL rules.
 * Egress rules are cut too, although they judge a reply by its destination (the client's ephemeral
 * port): cheap, and it keeps the classes right if an egress-side rule ever reads the service port.
 * With `wholeNetwork` the NACLs of every subnet of its network count (paths through a NAT gateway).
 * Judging one port per range is then exact for the whole range.
 */
export function portClasses(
  topo: AwsTopology,
  ends: readonly Endpoint[],
  protocol: 'tcp' | 'udp',
  wholeNetwork = false,
): Interval<number>[] {
  const cuts = new Set<number>([0, 65536]);
  for (const e of ends) for (const x of cutsOf(topo, e, protocol, wholeNetwork)) cuts.add(x);
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Interval<number>[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push({ lo: sorted[i]!, hi: sorted[i + 1]! - 1 });
  return out;
}

// Per topology and endpoint: the matrix asks for the same endpoint's cuts once per class pair.
const CUTS = new WeakMap<AwsTopology, Map<string, readonly number[]>>();

function cutsOf(
  topo: AwsTopology,
  e: Endpoint,
  protocol: 'tcp' | 'udp',
  wholeNetwork: boolean,
): readonly number[] {
  let memo = CUTS.get(topo);
  if (!memo) {
    memo = new Map();
    CUTS.set(topo, memo);
  }
  const key = `${e.id}|${protocol}|${wholeNetwork}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const cuts = new Set<number>();
  const filters = [
    ...e.filterIds.map((id) => topo.filter(id)),
    ...subnetsInScope(topo, e, wholeNetwork).map((s) => topo.naclOf(s)),
  ];
  for (const f of filters)
    for (const r of f?.rules ?? []) {
      const ports = protocol === 'tcp' ? r.connections.tcpPorts() : r.connections.udpPorts();
      for (const iv of ports.intervals()) {
        cuts.add(iv.lo);
        cuts.add(iv.hi + 1);
      }
    }
  const list = [...cuts];
  memo.set(key, list);
  return list;
}

/** One class of traffic and the single connection sent to judge it. */
export interface Probe {
  readonly connections: ConnectionSet;
  readonly sample: ConnectionSet;
}

const ECHO = ConnectionSet.icmp(IcmpSet.of(8, 0));

/** ICMP echo plus one probe per TCP and UDP port class of the endpoints (other protocols are not probed). */
export function probesFor(topo: AwsTopology, ends: readonly Endpoint[], wholeNetwork = false): Probe[] {
  const probes: Probe[] = [{ connections: ECHO, sample: ECHO }];
  for (const protocol of ['tcp', 'udp'] as const)
    for (const c of portClasses(topo, ends, protocol, wholeNetwork)) {
      const make = protocol === 'tcp' ? ConnectionSet.tcp : ConnectionSet.udp;
      probes.push({ connections: make(PortSet.range(c.lo, c.hi)), sample: make(PortSet.of(c.lo)) });
    }
  return probes;
}
