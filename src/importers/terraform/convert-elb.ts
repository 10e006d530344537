import type { Listener, LoadBalancer, Target, TargetGroup } from '../../model/index.js';
import { elbId, own } from '../_kit/aws/index.js';
import { opt } from '../_kit/index.js';
import type { ResourceView, Unknowns } from './view.js';

const LB_TYPES = { application: 'application', network: 'network', gateway: 'gateway' } as const;
const TARGET_TYPES = { instance: 'instance', ip: 'ip', lambda: 'lambda', alb: 'alb' } as const;

/** An ARN-valued reference as an ELBv2 id (an address stays as it is while the ARN is unknown). */
function elbRef(v: ResourceView, attr: string, u?: Unknowns, ...fields: string[]): string | undefined {
  const x = v.ref(attr, u, ...fields);
  return x === undefined ? undefined : elbId(x);
}

/** aws_lb / aws_alb. The VPC (computed) comes from the subnets when unknown. */
export function convertLoadBalancer(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const mapped = v.list('subnet_mapping').flatMap((m) => m.ref('subnet_id') ?? []);
  const subnetIds = [...new Set([...v.refs('subnets', u, 'subnetIds'), ...mapped])];
  const type = v.str('load_balancer_type') ?? 'application';
  const lb: LoadBalancer = {
    ...v.base(id, { name: v.str('name') }),
    kind: 'load-balancer',
    lbType: own<LoadBalancer['lbType']>(LB_TYPES, type) ?? 'application',
    scheme: v.bool('internal') === true ? 'internal' : 'internet-facing',
    ...opt('networkId', v.str('vpc_id')),
    subnetIds,
    filterIds: v.refs('security_groups', u, 'filterIds'),
    ...opt('dnsName', v.str('dns_name')),
    ...opt('crossZone', v.bool('enable_cross_zone_load_balancing')),
  };
  v.ctx.out.add(lb, u);
}

/** aws_lb_listener / aws_alb_listener: default actions (forward, redirect...) in their `order`. */
export function convertListener(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const ownerId = elbRef(v, 'load_balancer_arn', u, 'ownerId');
  const port = v.num('port');
  if (port === undefined) {
    v.ctx.r.missing(v.res.valuesPointer, 'port');
    return;
  }
  const actions = v.list('default_action').sort((a, b) => (a.num('order') ?? 0) - (b.num('order') ?? 0));
  const targetGroupIds = new Set<string>();
  const actionTypes: string[] = [];
  let redirect: Listener['redirect'];
  for (const a of actions) {
    const t = a.str('type');
    if (t) actionTypes.push(t);
    const tg = elbRef(a, 'target_group_arn', u, 'targetGroupIds');
    if (tg) targetGroupIds.add(tg);
    for (const f of a.list('forward'))
      for (const g of f.list('target_group')) {
        const x = elbRef(g, 'arn', u, 'targetGroupIds');
        if (x) targetGroupIds.add(x);
      }
    const rc = a.list('redirect')[0];
    if (rc) redirect = { ...opt('port', rc.str('port')), ...opt('protocol', rc.str('protocol')) };
  }
  const cert = v.ref('certificate_arn', u, 'certificateIds');
  const listener: Listener = {
    ...v.base(id),
    kind: 'listener',
    ownerId: ownerId ?? '',
    port,
    protocol: v.str('protocol') ?? 'TCP',
    ...opt('tlsPolicy', v.str('ssl_policy')),
    certificateIds: cert ? [cert] : [],
    targetGroupIds: [...targetGroupIds],
    actionTypes,
    ...opt('redirect', redirect),
  };
  v.ctx.out.add(listener, u);
}

/** aws_lb_listener_certificate: an extra certificate on a listener of this file. */
export function convertListenerCertificate(v: ResourceView): void {
  const listenerId = elbRef(v, 'listener_arn', [], 'certificateIds');
  const cert = v.ref('certificate_arn', [], 'certificateIds');
  if (listenerId === undefined || cert === undefined) return;
  v.ctx.out.contribute(
    'listener',
    listenerId,
    (l) => {
      if (!l.certificateIds.includes(cert)) l.certificateIds = [...l.certificateIds, cert];
    },
    { missing: () => v.ctx.notInInput(v.res, 'listener', listenerId) },
  );
}

/** aws_lb_target_group / aws_alb_target_group. Targets come from attachments (or are not known). */
export function convertTargetGroup(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const tg: TargetGroup = {
    ...v.base(id, { name: v.str('name') }),
    kind: 'target-group',
    ...opt('protocol', v.str('protocol')),
    ...opt('port', v.num('port')),
    targetType:
      own<TargetGroup['targetType']>(TARGET_TYPES, v.str('target_type') ?? 'instance') ?? 'instance',
    ...opt('networkId', v.ref('vpc_id', u, 'networkId')),
    loadBalancerIds: v.strs('load_balancer_arns').map(elbId),
    targets: [],
    targetsKnown: false,
  };
  v.ctx.out.add(tg, u);
}

/** aws_lb_target_group_attachment: one registered target; the group's targets are then known. */
export function convertTargetAttachment(v: ResourceView): void {
  const u: Unknowns = [];
  const groupId = elbRef(v, 'target_group_arn', u, 'targets');
  const targetId = v.ref('target_id', u, 'targets');
  if (groupId === undefined) {
    if (u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'target_group_arn');
    return;
  }
  const target: Target | undefined = targetId
    ? { id: targetId, ...opt('port', v.num('port')), ...opt('zone', v.str('availability_zone')) }
    : undefined;
  v.ctx.out.contribute(
    'target-group',
    groupId,
    (g) => {
      if (target) g.targets = [...g.targets, target];
      g.targetsKnown = true;
      if (u.length > 0) g.unknown = [...new Set([...(g.unknown ?? []), 'targets'])].sort();
    },
    {
      skeleton: () => ({
        ...v.base(groupId, { tags: {} }),
        kind: 'target-group',
        partial: true,
        targetType: 'instance',
        loadBalancerIds: [],
        targets: [],
        targetsKnown: true,
      }),
    },
  );
}
