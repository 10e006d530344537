import type { Direction, FilterRule, PeerRef } from '../../model/index.js';
import { markUnknown } from './assembly.js';
import { partialGroup } from './convert-security-group.js';
import { expandRules, groupPeer, readConnections, rulePeers, unknownPeer } from './rules.js';
import type { ResourceView, Unknowns } from './view.js';

/** Add rules to their group; a state's inline copy of the same rules is de-duplicated later. */
function contributeRules(v: ResourceView, groupId: string, rules: FilterRule[], u: Unknowns): void {
  v.ctx.out.contribute(
    'filter',
    groupId,
    (f) => {
      f.rules = [...f.rules, ...rules];
      markUnknown(f, u);
    },
    { skeleton: () => partialGroup(v, groupId) },
  );
}

function groupOf(v: ResourceView, u: Unknowns): string | undefined {
  const id = v.ref('security_group_id', u, 'rules');
  if (id === undefined && u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'security_group_id');
  return id;
}

/** aws_security_group_rule: `type` ingress|egress, CIDR lists, prefix lists, a source group or `self`. */
export function convertSecurityGroupRule(v: ResourceView): void {
  const u: Unknowns = [];
  const groupId = groupOf(v, u);
  if (groupId === undefined) return;
  const type = v.str('type');
  if (type !== 'ingress' && type !== 'egress') {
    v.ctx.r.report(
      'error',
      'IMPORT_TF_RULE_TYPE',
      v.pointer('type'),
      `rule type ${JSON.stringify(v.raw('type'))} is neither ingress nor egress`,
      'The rule is ignored.',
    );
    return;
  }
  const connections = readConnections(v, 'protocol', v.num('from_port'), v.num('to_port'), u);
  const rules = connections
    ? expandRules(
        groupId,
        type,
        connections,
        rulePeers(v, groupId, v.ctx.defaults(v.res).account, 'source_security_group_id'),
        v.str('description'),
        v.ctx.r.src(v.res.pointer),
      )
    : [];
  contributeRules(v, groupId, rules, u);
}

/** The one peer of an aws_vpc_security_group_*_rule. */
function singlePeer(v: ResourceView): PeerRef | undefined {
  const scratch: Unknowns = [];
  for (const attr of ['cidr_ipv4', 'cidr_ipv6']) {
    if (v.unknown(attr)) {
      v.warnUnknown(attr, scratch, ['rules.peer']);
      return unknownPeer(v, attr);
    }
    const c = v.str(attr);
    if (c !== undefined) {
      const cidr = v.ctx.r.cidr(c, v.pointer(attr));
      return cidr ? { kind: 'cidr', cidr } : undefined;
    }
  }
  for (const attr of ['prefix_list_id', 'referenced_security_group_id']) {
    if (!v.unknown(attr) && v.str(attr) === undefined) continue;
    const id = v.ref(attr, scratch, 'rules.peer');
    if (id === undefined) return unknownPeer(v, attr);
    return attr === 'prefix_list_id'
      ? { kind: 'prefix-list', prefixListId: id }
      : groupPeer(id, v.ctx.defaults(v.res).account);
  }
  v.ctx.r.report(
    'error',
    'IMPORT_MISSING_FIELD',
    v.res.valuesPointer,
    'rule names no peer (cidr_ipv4, cidr_ipv6, prefix_list_id or referenced_security_group_id)',
    'The rule is ignored.',
  );
  return undefined;
}

/** aws_vpc_security_group_ingress_rule / aws_vpc_security_group_egress_rule: one peer each; "-1" = all. */
export function convertVpcSecurityGroupRule(v: ResourceView, direction: Direction): void {
  const u: Unknowns = [];
  const groupId = groupOf(v, u);
  if (groupId === undefined) return;
  const connections = readConnections(v, 'ip_protocol', v.num('from_port'), v.num('to_port'), u);
  const peer = connections ? singlePeer(v) : undefined;
  const rules =
    connections && peer
      ? expandRules(groupId, direction, connections, [peer], v.str('description'), v.ctx.r.src(v.res.pointer))
      : [];
  contributeRules(v, groupId, rules, u);
}
