import type { Listener, LoadBalancer, Target, TargetGroup } from '../../model/index.js';
import { elbId, own } from '../_kit/aws/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

const LB_TYPES = { application: 'application', network: 'network', gateway: 'gateway' } as const;

/** elbv2 describe-load-balancers `LoadBalancers[]`. */
export function convertLoadBalancer(ctx: AwsContext, o: Json, p: string): LoadBalancer | undefined {
  const { r } = ctx;
  const arn = r.string(o, 'LoadBalancerArn', p, true);
  if (arn === undefined) return undefined;
  const subnetIds: string[] = [];
  for (const [z, zp] of r.objects(o, 'AvailabilityZones', p)) {
    const s = r.string(z, 'SubnetId', zp);
    if (s) subnetIds.push(s);
  }
  const type = r.string(o, 'Type', p) ?? 'application';
  const state = r.object(o, 'State', p);
  return {
    ...base(ctx, elbId(arn), p, o, { arn, name: r.string(o, 'LoadBalancerName', p) }),
    kind: 'load-balancer',
    lbType: own(LB_TYPES, type) ?? 'application',
    scheme: r.string(o, 'Scheme', p) === 'internal' ? 'internal' : 'internet-facing',
    ...opt('networkId', r.string(o, 'VpcId', p)),
    subnetIds,
    filterIds: r.strings(o, 'SecurityGroups', p),
    ...opt('dnsName', r.string(o, 'DNSName', p)),
    ...opt('state', state ? r.string(state, 'Code', `${p}/State`) : undefined),
  };
}

/** elbv2 describe-load-balancer-attributes, as Batfish stores it (`LoadBalancerAttributes[]`). */
export function convertLoadBalancerAttributes(ctx: AwsContext, o: Json, p: string): LoadBalancer | undefined {
  const { r } = ctx;
  const arn = r.string(o, 'LoadBalancerArn', p, true);
  if (arn === undefined) return undefined;
  let crossZone: boolean | undefined;
  for (const [a, ap] of r.objects(o, 'Attributes', p)) {
    if (r.string(a, 'Key', ap) === 'load_balancing.cross_zone.enabled')
      crossZone = r.string(a, 'Value', ap) === 'true';
  }
  return {
    ...base(ctx, elbId(arn), p, o, { arn, tags: {} }),
    kind: 'load-balancer',
    partial: true,
    lbType: 'application',
    scheme: 'internet-facing',
    subnetIds: [],
    filterIds: [],
    ...opt('crossZone', crossZone),
  };
}

/** elbv2 describe-listeners `Listeners[]`. */
export function convertListener(ctx: AwsContext, o: Json, p: string): Listener | undefined {
  const { r } = ctx;
  const arn = r.string(o, 'ListenerArn', p, true);
  const lbArn = r.string(o, 'LoadBalancerArn', p, true);
  const port = r.number(o, 'Port', p);
  if (arn === undefined || lbArn === undefined) return undefined;
  if (port === undefined) {
    r.missing(p, 'Port');
    return undefined;
  }
  const targetGroupIds = new Set<string>();
  const actionTypes: string[] = [];
  let redirect: Listener['redirect'];
  for (const [a, ap] of r.objects(o, 'DefaultActions', p)) {
    const t = r.string(a, 'Type', ap);
    if (t) actionTypes.push(t);
    const tg = r.string(a, 'TargetGroupArn', ap);
    if (tg) targetGroupIds.add(elbId(tg));
    const fwd = r.object(a, 'ForwardConfig', ap);
    if (fwd)
      for (const [g, gp] of r.objects(fwd, 'TargetGroups', `${ap}/ForwardConfig`)) {
        const x = r.string(g, 'TargetGroupArn', gp);
        if (x) targetGroupIds.add(elbId(x));
      }
    const rc = r.object(a, 'RedirectConfig', ap);
    if (rc)
      redirect = {
        ...opt('port', r.string(rc, 'Port', `${ap}/RedirectConfig`)),
        ...opt('protocol', r.string(rc, 'Protocol', `${ap}/RedirectConfig`)),
      };
  }
  const certificateIds: string[] = [];
  for (const [c, cp] of r.objects(o, 'Certificates', p)) {
    const x = r.string(c, 'CertificateArn', cp);
    if (x) certificateIds.push(x);
  }
  return {
    ...base(ctx, elbId(arn), p, o, { arn, tags: {} }),
    kind: 'listener',
    ownerId: elbId(lbArn),
    port,
    protocol: r.string(o, 'Protocol', p) ?? 'TCP',
    ...opt('tlsPolicy', r.string(o, 'SslPolicy', p)),
    certificateIds,
    targetGroupIds: [...targetGroupIds],
    actionTypes,
    ...opt('redirect', redirect),
  };
}

const TARGET_TYPES = { instance: 'instance', ip: 'ip', lambda: 'lambda', alb: 'alb' } as const;

/** elbv2 describe-target-groups `TargetGroups[]` (targets come from describe-target-health). */
export function convertTargetGroup(ctx: AwsContext, o: Json, p: string): TargetGroup | undefined {
  const { r } = ctx;
  const arn = r.string(o, 'TargetGroupArn', p, true);
  if (arn === undefined) return undefined;
  return {
    ...base(ctx, elbId(arn), p, o, { arn, name: r.string(o, 'TargetGroupName', p) }),
    kind: 'target-group',
    ...opt('protocol', r.string(o, 'Protocol', p)),
    ...opt('port', r.number(o, 'Port', p)),
    targetType: own(TARGET_TYPES, r.string(o, 'TargetType', p) ?? 'instance') ?? 'instance',
    ...opt('networkId', r.string(o, 'VpcId', p)),
    loadBalancerIds: r.strings(o, 'LoadBalancerArns', p).map(elbId),
    targets: [],
    targetsKnown: false,
  };
}

/**
 * describe-target-health `TargetHealthDescriptions[]` for one target group: from the file name
 * (`describe-target-health-targetgroup-<name>-<id>.json`) or from Batfish's wrapper (`TargetGroupArn`).
 */
export function convertTargetHealth(ctx: AwsContext, o: Json, p: string, groupId: string): TargetGroup {
  const { r } = ctx;
  const targets: Target[] = [];
  for (const [d, dp] of r.objects(o, 'TargetHealthDescriptions', p)) {
    const t = r.object(d, 'Target', dp);
    const id = t ? r.string(t, 'Id', `${dp}/Target`, true) : undefined;
    if (!t || id === undefined) continue;
    const h = r.object(d, 'TargetHealth', dp);
    targets.push({
      id,
      ...opt('port', r.number(t, 'Port', `${dp}/Target`)),
      ...opt('zone', r.string(t, 'AvailabilityZone', `${dp}/Target`)),
      ...opt('health', h ? r.string(h, 'State', `${dp}/TargetHealth`) : undefined),
    });
  }
  return {
    ...base(ctx, groupId, p, o, { tags: {} }),
    kind: 'target-group',
    partial: true,
    targetType: 'instance',
    loadBalancerIds: [],
    targets,
    targetsKnown: true,
  };
}

/** `targetgroup-<name>-<id>` (a file name) -> `targetgroup/<name>/<id>`. */
export function targetGroupIdFromParent(parent: string): string | undefined {
  const m = /^targetgroup-(.+)-([0-9a-f]+)$/.exec(parent);
  return m ? `targetgroup/${m[1]}/${m[2]}` : undefined;
}
