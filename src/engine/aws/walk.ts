import { type Endpoint, formatIp, type IpAddress, type Subnet } from '../../model/index.js';
import type { Leg } from './leg.js';
import type { AwsTopology } from './topology.js';

/** The state of one evaluation: both legs and what was met that is not modelled yet. */
export interface Walk {
  readonly topo: AwsTopology;
  readonly fwd: Leg;
  readonly ret: Leg;
  readonly notModelled: string[];
}

/** The step resource for an interface's security groups: the group, or the ENI when it has several. */
export function groupsOf(e: Endpoint): string {
  return e.filterIds.length === 1 ? e.filterIds[0]! : e.id;
}

/**
 * The subnet and interface that hold `dst` inside `network`, or a forward block saying which is
 * missing: the last step of every path into a VPC (local, peering, transit gateway, VPN gateway).
 */
export function landing(
  w: Walk,
  network: string,
  dst: IpAddress,
): { subnet: Subnet; eni: Endpoint } | undefined {
  const dstText = formatIp(dst.family, dst.value);
  const subnet = w.topo.subnetAt(network, dst);
  const eni = w.topo.endpointsAt(dstText, network)[0];
  if (subnet && eni) return { subnet, eni };
  return w.fwd.block({
    kind: 'dropped',
    decidedBy: 'endpoint',
    resource: dstText,
    action: 'no-route',
    note: subnet ? 'no interface owns this address' : 'no subnet holds this address',
  });
}
