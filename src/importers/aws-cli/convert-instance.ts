import type { Element, Endpoint, Instance, OsHint } from '../../model/index.js';
import type { Json } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';
import { convertInterface } from './convert-interface.js';

function osOf(o: Json): OsHint {
  const platform =
    `${typeof o.Platform === 'string' ? o.Platform : ''} ${typeof o.PlatformDetails === 'string' ? o.PlatformDetails : ''}`.toLowerCase();
  if (platform.includes('windows')) return 'windows';
  // describe-instances sets Platform only for Windows; PlatformDetails names Linux/UNIX and RHEL etc.
  if (
    platform.includes('linux') ||
    platform.includes('unix') ||
    platform.includes('red hat') ||
    platform.includes('suse')
  )
    return 'linux';
  return 'unknown';
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
  const enis: [number, Endpoint][] = [];
  for (const [n, np] of r.objects(o, 'NetworkInterfaces', p)) {
    const e = convertInterface(ctx, n, np, { partial: true, osHint, instanceId: id });
    if (!e) continue;
    const att = r.object(n, 'Attachment', np);
    enis.push([att && typeof att.DeviceIndex === 'number' ? att.DeviceIndex : 99, e]);
  }
  enis.sort((a, b) => a[0] - b[0]);
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
    endpointIds: enis.map(([, e]) => e.id),
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
  return [instance, ...enis.map(([, e]) => e)];
}
