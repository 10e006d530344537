import type { Direction, Filter, FilterRule } from '../../model/index.js';
import { opt } from '../_kit/index.js';
import { vpcOf } from './defaults.js';
import { expandRules, readConnections, rulePeers, unknownInline } from './rules.js';
import type { ResourceView, Unknowns } from './view.js';

/** A security group seen only through a rule resource of this file. */
export function partialGroup(v: ResourceView, id: string): Filter {
  return {
    ...v.base(id, { tags: {} }),
    kind: 'filter',
    partial: true,
    filterKind: 'aws-security-group',
    evaluation: 'allow-union',
    stateful: true,
    scope: 'endpoint',
    rules: [],
    defaultAction: { ingress: 'deny', egress: 'deny' },
    subnetIds: [],
  };
}

/** Inline `ingress` / `egress` blocks (see `unknownInline` for plans where they are unknown). */
function inlineRules(
  v: ResourceView,
  id: string,
  account: string | undefined,
  direction: Direction,
  u: Unknowns,
): FilterRule[] {
  if (unknownInline(v, direction, u)) return [];
  const rules: FilterRule[] = [];
  for (const rv of v.list(direction)) {
    const connections = readConnections(rv, 'protocol', rv.num('from_port'), rv.num('to_port'), u);
    if (!connections) continue;
    const peers = rulePeers(rv, id, account, 'security_groups');
    rules.push(
      ...expandRules(id, direction, connections, peers, rv.str('description'), v.ctx.r.src(rv.pointer())),
    );
  }
  return rules;
}

/**
 * aws_security_group and aws_default_security_group. Only the declared rules exist: the provider removes
 * AWS's default allow-all egress of a new group (cloud-semantics §1.8-12), and the default group's rules
 * are replaced by the declared ones. Separate rule resources of this file are added later.
 */
export function convertSecurityGroup(v: ResourceView, isDefault: boolean): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const networkId = isDefault ? vpcOf(v, 'default_security_group_id', u) : v.ref('vpc_id', u, 'networkId');
  const groupName = isDefault ? 'default' : v.str('name');
  const b = v.base(id, {}, v.res.pointer);
  const rules = [
    ...inlineRules(v, id, b.account, 'ingress', u),
    ...inlineRules(v, id, b.account, 'egress', u),
  ];
  const group: Filter = {
    ...v.base(id, { name: b.name ?? groupName }),
    kind: 'filter',
    filterKind: 'aws-security-group',
    evaluation: 'allow-union',
    stateful: true,
    scope: 'endpoint',
    ...opt('networkId', networkId),
    isDefault: groupName === 'default',
    ...opt('description', v.str('description')),
    rules,
    defaultAction: { ingress: 'deny', egress: 'deny' },
    subnetIds: [],
  };
  v.ctx.out.add(group, u);
}
