import type { Direction, Filter, FilterRule, PeerRef } from '../../model/index.js';
import { awsConnections, awsProtocol } from '../_kit/aws/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

/** Peers of one permission: every IP range, IPv6 range, prefix list and group pair is its own rule. */
function permissionPeers(
  ctx: AwsContext,
  perm: Json,
  p: string,
  ownAccount: string | undefined,
): [PeerRef, string, string | undefined][] {
  const { r } = ctx;
  const out: [PeerRef, string, string | undefined][] = [];
  for (const [x, xp] of r.objects(perm, 'IpRanges', p)) {
    const c = r.cidrField(x, 'CidrIp', xp);
    if (c) out.push([{ kind: 'cidr', cidr: c }, xp, r.string(x, 'Description', xp)]);
  }
  for (const [x, xp] of r.objects(perm, 'Ipv6Ranges', p)) {
    const c = r.cidrField(x, 'CidrIpv6', xp);
    if (c) out.push([{ kind: 'cidr', cidr: c }, xp, r.string(x, 'Description', xp)]);
  }
  for (const [x, xp] of r.objects(perm, 'PrefixListIds', p)) {
    const id = r.string(x, 'PrefixListId', xp, true);
    if (id) out.push([{ kind: 'prefix-list', prefixListId: id }, xp, r.string(x, 'Description', xp)]);
  }
  for (const [x, xp] of r.objects(perm, 'UserIdGroupPairs', p)) {
    const id = r.string(x, 'GroupId', xp, true);
    if (!id) continue;
    const account = r.string(x, 'UserId', xp);
    out.push([
      {
        kind: 'group',
        groupId: id,
        ...opt('account', account !== ownAccount ? account : undefined),
        ...opt('networkId', r.string(x, 'VpcId', xp)),
        ...opt('peeringId', r.string(x, 'VpcPeeringConnectionId', xp)),
      },
      xp,
      r.string(x, 'Description', xp),
    ]);
  }
  return out;
}

/** One `IpPermissions[]` entry -> rules appended to `rules`. */
export function permissionRules(
  ctx: AwsContext,
  groupId: string,
  direction: Direction,
  perm: Json,
  p: string,
  ownAccount: string | undefined,
  rules: FilterRule[],
): void {
  const { r } = ctx;
  const proto = awsProtocol(perm.IpProtocol);
  if (proto === undefined) {
    r.report(
      'error',
      'IMPORT_AWS_PROTOCOL',
      `${p}/IpProtocol`,
      `unknown protocol ${JSON.stringify(perm.IpProtocol)}`,
      'The permission is ignored.',
    );
    return;
  }
  const connections = awsConnections(proto, r.number(perm, 'FromPort', p), r.number(perm, 'ToPort', p));
  if (!('isEmpty' in connections)) {
    r.report('error', 'IMPORT_AWS_PORTS', p, connections.error, 'The permission is ignored.');
    return;
  }
  // Rule ids number the rules of each direction in input order.
  let n = 0;
  for (const x of rules) if (x.direction === direction) n++;
  for (const [peer, pp, description] of permissionPeers(ctx, perm, p, ownAccount)) {
    const rule = {
      id: `${groupId}/${direction}/${n++}`,
      direction,
      action: 'allow',
      description,
      connections,
      peer,
      source: r.src(pp),
    };
    // `description` may be undefined: one object shape for every rule keeps them fast.
    rules.push(rule as FilterRule);
  }
}

/** describe-security-groups `SecurityGroups[]`. */
export function convertSecurityGroup(ctx: AwsContext, o: Json, p: string): Filter | undefined {
  const { r } = ctx;
  const id = r.string(o, 'GroupId', p, true);
  if (id === undefined) return undefined;
  const account = r.string(o, 'OwnerId', p) ?? ctx.hints.account;
  const groupName = r.string(o, 'GroupName', p);
  const rules: FilterRule[] = [];
  for (const [perm, pp] of r.objects(o, 'IpPermissions', p))
    permissionRules(ctx, id, 'ingress', perm, pp, account, rules);
  for (const [perm, pp] of r.objects(o, 'IpPermissionsEgress', p))
    permissionRules(ctx, id, 'egress', perm, pp, account, rules);
  const b = base(ctx, id, p, o);
  return {
    ...b,
    ...opt('name', b.name ?? groupName),
    kind: 'filter',
    filterKind: 'aws-security-group',
    evaluation: 'allow-union',
    stateful: true,
    scope: 'endpoint',
    ...opt('networkId', r.string(o, 'VpcId', p)),
    ...opt('isDefault', groupName === undefined ? undefined : groupName === 'default'),
    ...opt('description', r.string(o, 'Description', p)),
    rules,
    defaultAction: { ingress: 'deny', egress: 'deny' },
    subnetIds: [],
  };
}

/**
 * describe-security-group-rules `SecurityGroupRules[]`: one rule per entry, grouped by GroupId into
 * partial filters that merge with describe-security-groups when both are given.
 */
export function convertSecurityGroupRules(ctx: AwsContext, list: readonly [Json, string][]): Filter[] {
  const { r } = ctx;
  const byGroup = new Map<string, { rules: FilterRule[]; o: Json; p: string }>();
  for (const [o, p] of list) {
    const groupId = r.string(o, 'GroupId', p, true);
    if (groupId === undefined) continue;
    const entry = byGroup.get(groupId) ?? { rules: [], o, p };
    byGroup.set(groupId, entry);
    const egress = r.boolean(o, 'IsEgress', p) ?? false;
    const ref = r.object(o, 'ReferencedGroupInfo', p);
    const perm: Json = {
      IpProtocol: o.IpProtocol,
      FromPort: o.FromPort,
      ToPort: o.ToPort,
      IpRanges: typeof o.CidrIpv4 === 'string' ? [{ CidrIp: o.CidrIpv4, Description: o.Description }] : [],
      Ipv6Ranges:
        typeof o.CidrIpv6 === 'string' ? [{ CidrIpv6: o.CidrIpv6, Description: o.Description }] : [],
      PrefixListIds:
        typeof o.PrefixListId === 'string'
          ? [{ PrefixListId: o.PrefixListId, Description: o.Description }]
          : [],
      UserIdGroupPairs: ref ? [{ ...ref, Description: o.Description }] : [],
    };
    permissionRules(
      ctx,
      groupId,
      egress ? 'egress' : 'ingress',
      perm,
      p,
      r.string(o, 'GroupOwnerId', p),
      entry.rules,
    );
  }
  return [...byGroup].map(([id, { rules, o, p }]) => ({
    ...base(ctx, id, p, o, { tags: {} }),
    kind: 'filter',
    partial: true,
    filterKind: 'aws-security-group',
    evaluation: 'allow-union',
    stateful: true,
    scope: 'endpoint',
    rules,
    defaultAction: { ingress: 'deny', egress: 'deny' },
    subnetIds: [],
  }));
}
