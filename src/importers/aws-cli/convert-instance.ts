import type { Element, Endpoint, Instance, OsHint } from '../../model/index.js';
import type { Json } from '../_kit/index.js';
import { type AwsContext, base, type InterfaceOptions } from './context.js';
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

/** Hands the interface to the run's ledger; returns just its id for the instance's list. */
function deferred(ctx: AwsContext, n: Json, np: string, opts: InterfaceOptions): { id: string } | undefined {
  const id = ctx.r.string(n, 'NetworkInterfaceId', np, true);
  if (id === undefined) return undefined;
  ctx.ledger?.defer(ctx, id, n, np, opts);
  return { id };
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
  // Interfaces in device-index order (the primary, index 0, first); without a run they are emitted here.
  const ids: { id: string; index: number }[] = [];
  const emitted: Element[] = [];
  for (const [n, np] of r.objects(o, 'NetworkInterfaces', p)) {
    const opts = { partial: true, osHint, instanceId: id };
    // Within a run the session builds this endpoint once, from the interface record if there is one.
    const e = ctx.ledger ? deferred(ctx, n, np, opts) : convertInterface(ctx, n, np, opts);
    if (!e) continue;
    if (!ctx.ledger) emitted.push(e as Endpoint);
    const att = n.Attachment;
    const index = att !== null && typeof att === 'object' ? (att as Json).DeviceIndex : undefined;
    ids.push({ id: e.id, index: typeof index === 'number' ? index : 99 });
  }
  if (ids.length > 1) ids.sort((a, b) => a.index - b.index);
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
    endpointIds: ids.map((x) => x.id),
    osHint,
    platform: r.string(o, 'PlatformDetails', p) ?? r.string(o, 'Platform', p),
    imageId: r.string(o, 'ImageId', p),
    // The profile name (what Terraform states), not the ARN.
    iamInstanceProfile: profile
      ? r.string(profile, 'Arn', `${p}/IamInstanceProfile`)?.split('/').pop()
      : undefined,
  } as Instance;
  if (ids.length === 0 && instance.subnetId !== undefined)
    r.report(
      'warning',
      'IMPORT_AWS_INSTANCE_NO_ENI',
      p,
      `instance ${id} lists no network interfaces; it cannot be placed in the network`,
      'Export describe-instances with a current AWS CLI, or add describe-network-interfaces.',
    );
  emitted.push(instance);
  return emitted;
}
