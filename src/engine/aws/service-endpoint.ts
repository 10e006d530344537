import {
  type ConnectionSet,
  type Endpoint,
  formatIp,
  type IpAddress,
  type Subnet,
} from '../../model/index.js';
import { naclVerdict } from './filters.js';
import { ephemeralPorts, replyOf } from './reply.js';
import type { Walk } from './walk.js';

/**
 * To an AWS service through a gateway endpoint (S3, DynamoDB; cloud-semantics §1.6-1): the route to the
 * service's prefix list names the endpoint; no security group of its own, the subnet's NACL both ways.
 * The endpoint policy is an L7 authorization annotation, not a packet filter.
 */
export function viaGatewayEndpoint(
  w: Walk,
  src: Endpoint,
  srcSubnet: Subnet,
  vpceId: string,
  dst: IpAddress,
  conns: ConnectionSet,
): undefined {
  const { topo, fwd, ret } = w;
  const vpce = topo.estate.get('service-endpoint', vpceId);
  if (!vpce) {
    w.notModelled.push(`VPC endpoint ${vpceId} is not in the inputs`);
    return;
  }
  if (
    vpce.networkId !== srcSubnet.networkId ||
    (vpce.state !== undefined && vpce.state.toLowerCase() !== 'available')
  )
    return fwd.block({
      kind: 'gateway',
      decidedBy: 'endpoint',
      resource: vpce.id,
      action: 'denied',
      note: vpce.state ? `state ${vpce.state}` : 'endpoint of another VPC',
    });
  const acl = topo.naclOf(srcSubnet);
  const c = acl ? fwd.narrow(naclVerdict(topo, acl, 'egress', dst), 'network-acl', acl.id, conns) : conns;
  if (!c) return;
  fwd.add({
    kind: 'gateway',
    decidedBy: 'endpoint',
    resource: vpce.id,
    action: 'forwarded',
    note: vpce.serviceName,
  });
  fwd.add({
    kind: 'delivered',
    decidedBy: 'endpoint',
    resource: formatIp(dst.family, dst.value),
    action: 'allowed',
    note: `AWS service ${vpce.serviceName}`,
  });
  const reply = replyOf(c, ephemeralPorts(src.osHint));
  if (acl && !ret.admits(naclVerdict(topo, acl, 'ingress', dst), 'network-acl', acl.id, reply)) return;
  ret.add({ kind: 'delivered', decidedBy: 'endpoint', resource: src.id, action: 'allowed' });
  return;
}
