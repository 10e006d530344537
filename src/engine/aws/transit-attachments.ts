import type { ConnectionSet, IpAddress, Subnet, TransitAttachment } from '../../model/index.js';
import { naclVerdict } from './filters.js';
import type { Leg } from './leg.js';
import type { AwsTopology } from './topology.js';

/** The available attachment of a VPC on a transit gateway. */
export function attachmentOf(
  topo: AwsTopology,
  tgwId: string,
  networkId: string | undefined,
): TransitAttachment | undefined {
  return topo.estate
    .all('transit-attachment')
    .find(
      (a) =>
        a.gatewayId === tgwId &&
        a.networkId === networkId &&
        (a.state === undefined || a.state === 'available'),
    );
}

/** The attachment's subnet in a zone (cloud-semantics §1.5-1: one per enabled AZ). */
export function subnetInZone(
  topo: AwsTopology,
  att: TransitAttachment,
  zone: string | undefined,
): Subnet | undefined {
  return att.subnetIds.map((id) => topo.subnet(id)).find((s) => s !== undefined && s.zone === zone);
}

/**
 * NACLs between an instance's subnet and the attachment subnet (cloud-semantics §1.2-10). Instance to
 * gateway: the instance subnet's outbound rules on the destination and the attachment subnet's inbound
 * rules on the source (one NACL, both checks, when they share a subnet). Gateway to instance: the
 * attachment subnet's outbound and the instance subnet's inbound; none within one subnet. Forward, the
 * traffic is narrowed; on the return leg each NACL must pass the whole reply.
 */
export function naclsToward(
  topo: AwsTopology,
  leg: Leg,
  toGateway: boolean,
  instanceSubnet: Subnet,
  attachmentSubnet: Subnet,
  remote: IpAddress,
  local: IpAddress,
  conns: ConnectionSet,
): ConnectionSet | undefined {
  const same = instanceSubnet.id === attachmentSubnet.id;
  if (!toGateway && same) return conns;
  const steps: [Subnet, 'ingress' | 'egress', IpAddress][] = toGateway
    ? [
        [instanceSubnet, 'egress', remote],
        [attachmentSubnet, 'ingress', local],
      ]
    : [
        [attachmentSubnet, 'egress', local],
        [instanceSubnet, 'ingress', remote],
      ];
  let c: ConnectionSet | undefined = conns;
  for (const [subnet, dir, peer] of steps) {
    const acl = topo.naclOf(subnet);
    if (!acl || !c) continue;
    if (leg.direction === 'forward')
      c = leg.narrow(naclVerdict(topo, acl, dir, peer), 'network-acl', acl.id, c);
    else if (!leg.admits(naclVerdict(topo, acl, dir, peer), 'network-acl', acl.id, c)) return undefined;
  }
  return c;
}
