import type { Element, Endpoint, Instance, OsHint } from '../../model/index.js';
import { type Json, NO_TAGS, NONE } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';
import { convertInterface } from './convert-interface.js';

const WINDOWS = /windows/i;
// describe-instances sets Platform only for Windows; PlatformDetails names Linux/UNIX, RHEL, SUSE...
const LINUX = /linux|unix|red hat|suse/i;

function osOf(o: Json): OsHint {
  const platform = o.Platform;
  const details = o.PlatformDetails;
  if (
    (typeof platform === 'string' && WINDOWS.test(platform)) ||
    (typeof details === 'string' && WINDOWS.test(details))
  )
    return 'windows';
  if (
    (typeof details === 'string' && LINUX.test(details)) ||
    (typeof platform === 'string' && LINUX.test(platform))
  )
    return 'linux';
  return 'unknown';
}

/**
 * Within a run, an interface inside an instance first contributes only what the instance knows beyond
 * the interface record (owner, OS); the ledger converts it in full at the end if no
 * describe-network-interfaces document lists it.
 */
function instanceView(
  ctx: AwsContext,
  n: Json,
  np: string,
  instanceId: string,
  osHint: OsHint,
): Endpoint | undefined {
  const id = ctx.r.string(n, 'NetworkInterfaceId', np, true);
  if (id === undefined) return undefined;
  ctx.ledger?.defer(ctx, id, n, np, { partial: true, osHint, instanceId });
  const e = {
    id,
    provider: 'aws',
    account: typeof n.OwnerId === 'string' ? n.OwnerId : ctx.hints.account,
    region: ctx.hints.region,
    name: undefined,
    tags: NO_TAGS,
    source: ctx.r.src(np),
    kind: 'endpoint',
    partial: true,
    endpointKind: 'nic',
    networkId: undefined,
    subnetId: undefined,
    zone: undefined,
    primaryPrivateIp: undefined,
    privateIps: NONE,
    publicIps: NONE,
    ipv6Ips: NONE,
    filterIds: NONE,
    ownerId: instanceId,
    osHint,
    sourceDestCheck: undefined,
    requesterManaged: undefined,
    interfaceType: undefined,
    description: undefined,
    state: undefined,
  };
  // Absent fields are explicit undefined (fast object shape); the type says optional.
  return e as unknown as Endpoint;
}

/** describe-instances `Reservations[].Instances[]`: the instance, plus its ENIs as partial endpoints. */
export function convertInstance(
  ctx: AwsContext,
  o: Json,
  p: string,
  reservationOwner: string | undefined,
): Element[] {
  const { r } = ctx;
  const id = r.string(o, 'InstanceId', p, true);
  if (id === undefined) return [];
  const osHint = osOf(o);
  const enis: Endpoint[] = [];
  const order: number[] = [];
  for (const [n, np] of r.objects(o, 'NetworkInterfaces', p)) {
    const e = ctx.ledger
      ? instanceView(ctx, n, np, id, osHint)
      : convertInterface(ctx, n, np, { partial: true, osHint, instanceId: id });
    if (!e) continue;
    const att = n.Attachment;
    const index = att !== null && typeof att === 'object' ? (att as Json).DeviceIndex : undefined;
    enis.push(e);
    order.push(typeof index === 'number' ? index : 99);
  }
  // Primary interface (device index 0) first; most instances have one interface.
  if (enis.length > 1) {
    const byIndex = enis.map((e, i) => [order[i]!, e] as const).sort((a, b) => a[0] - b[0]);
    enis.splice(0, enis.length, ...byIndex.map(([, e]) => e));
  }
  const state = r.object(o, 'State', p);
  const placement = r.object(o, 'Placement', p);
  const zone = placement ? r.string(placement, 'AvailabilityZone', `${p}/Placement`) : undefined;
  const profile = r.object(o, 'IamInstanceProfile', p);
  const b = base(ctx, id, p, o, { zone, account: reservationOwner });
  const instance = {
    id: b.id,
    provider: b.provider,
    account: b.account,
    region: b.region,
    name: b.name,
    tags: b.tags,
    source: b.source,
    kind: 'instance',
    state: state ? r.string(state, 'Name', `${p}/State`) : undefined,
    networkId: r.string(o, 'VpcId', p),
    subnetId: r.string(o, 'SubnetId', p),
    endpointIds: enis.map((e) => e.id),
    osHint,
    platform: r.string(o, 'PlatformDetails', p) ?? r.string(o, 'Platform', p),
    imageId: r.string(o, 'ImageId', p),
    // The profile name (what Terraform states), not the ARN.
    iamInstanceProfile: profile
      ? r.string(profile, 'Arn', `${p}/IamInstanceProfile`)?.split('/').pop()
      : undefined,
  } as Instance;
  if (enis.length === 0 && instance.subnetId !== undefined)
    r.report(
      'warning',
      'IMPORT_AWS_INSTANCE_NO_ENI',
      p,
      `instance ${id} lists no network interfaces; it cannot be placed in the network`,
      'Export describe-instances with a current AWS CLI, or add describe-network-interfaces.',
    );
  const out: Element[] = enis;
  out.push(instance);
  return out;
}
