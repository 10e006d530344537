import type { Endpoint, EndpointKind } from '../../model/index.js';
import { endpointKindOfType } from '../_kit/aws/index.js';
import { type Json, orNone } from '../_kit/index.js';
import { type AwsContext, base, type InterfaceOptions } from './context.js';

/** What kind of interface this is, from type and description (attached ENIs are `nic`). */
function kindOf(type: string | undefined, description: string): EndpointKind {
  if (description.startsWith('ELB ')) return 'load-balancer-node';
  if (description === 'RDSNetworkInterface') return 'database';
  return endpointKindOfType(type) ?? 'other';
}

const OWNER = /\b(nat-[0-9a-f]+|tgw-attach-[0-9a-f]+|vpce-[0-9a-f]+)\b/;

/** Which resource owns a requester-managed interface, from its description. */
function ownerOf(kind: EndpointKind, description: string): string | undefined {
  if (kind === 'load-balancer-node' && description.startsWith('ELB ')) {
    const lb = description.slice(4);
    return lb.includes('/') ? lb : `classic/${lb}`;
  }
  if (kind === 'database') return undefined;
  return OWNER.exec(description)?.[1];
}

/** describe-network-interfaces `NetworkInterfaces[]`, and the same shape inside describe-instances. */
export function convertInterface(
  ctx: AwsContext,
  o: Json,
  p: string,
  opts: InterfaceOptions = {},
): Endpoint | undefined {
  const { r } = ctx;
  const id = r.string(o, 'NetworkInterfaceId', p, true);
  if (id === undefined) return undefined;
  const primary = r.ipField(o, 'PrivateIpAddress', p);
  const privateIps: string[] = primary ? [primary] : [];
  const publicIps: string[] = [];
  const assoc = r.object(o, 'Association', p);
  const pub = assoc ? r.ipField(assoc, 'PublicIp', `${p}/Association`) : undefined;
  if (pub) publicIps.push(pub);
  for (const [a, ap] of r.objects(o, 'PrivateIpAddresses', p)) {
    const ip = r.ipField(a, 'PrivateIpAddress', ap);
    if (ip && !privateIps.includes(ip)) privateIps.push(ip);
    const as = r.object(a, 'Association', ap);
    const pip = as ? r.ipField(as, 'PublicIp', `${ap}/Association`) : undefined;
    if (pip && !publicIps.includes(pip)) publicIps.push(pip);
  }
  const ipv6Ips: string[] = [];
  for (const [a, ap] of r.objects(o, 'Ipv6Addresses', p)) {
    const ip = r.ipField(a, 'Ipv6Address', ap);
    if (ip) ipv6Ips.push(ip);
  }
  const filterIds = r.ids(o, 'Groups', 'GroupId', p);
  const attachment = r.object(o, 'Attachment', p);
  const instanceId =
    opts.instanceId ?? (attachment ? r.string(attachment, 'InstanceId', `${p}/Attachment`) : undefined);
  const description = r.string(o, 'Description', p) ?? '';
  const type = r.string(o, 'InterfaceType', p);
  const endpointKind: EndpointKind = instanceId ? 'nic' : kindOf(type, description);
  const ownerId = instanceId ?? ownerOf(endpointKind, description);
  const zone = r.string(o, 'AvailabilityZone', p);
  // One literal with every field (absent ones undefined): V8 keeps such objects in fast mode, while
  // adding optional fields one by one pushed 10k-ENI estates into slow dictionary objects.
  const b = base(ctx, id, p, o, { zone, name: undefined });
  const e = {
    id: b.id,
    provider: b.provider,
    account: b.account,
    region: b.region,
    name: b.name,
    tags: b.tags,
    source: b.source,
    kind: 'endpoint',
    partial: opts.partial ? true : undefined,
    endpointKind,
    networkId: r.string(o, 'VpcId', p),
    subnetId: r.string(o, 'SubnetId', p),
    zone,
    primaryPrivateIp: primary,
    privateIps,
    publicIps: orNone(publicIps),
    ipv6Ips: orNone(ipv6Ips),
    filterIds,
    ownerId,
    osHint: opts.osHint ?? 'unknown',
    sourceDestCheck: r.boolean(o, 'SourceDestCheck', p),
    requesterManaged: r.boolean(o, 'RequesterManaged', p),
    interfaceType: type,
    description: description === '' ? undefined : description,
    state: r.string(o, 'Status', p),
  };
  return e as Endpoint;
}
