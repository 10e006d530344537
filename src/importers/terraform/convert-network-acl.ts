import {
  type Direction,
  type Filter,
  type FilterRule,
  type PeerRef,
  PROTO_ICMP,
  PROTO_ICMPV6,
  parseCidr,
} from '../../model/index.js';
import { awsConnections, awsProtocol } from '../_kit/aws/index.js';
import { opt } from '../_kit/index.js';
import { markUnknown } from './assembly.js';
import { vpcOf } from './defaults.js';
import { unknownInline, unknownPeer } from './rules.js';
import type { ResourceView, Unknowns } from './view.js';

function partialAcl(v: ResourceView, id: string): Filter {
  return {
    ...v.base(id, { tags: {} }),
    kind: 'filter',
    partial: true,
    filterKind: 'aws-network-acl',
    evaluation: 'first-match',
    stateful: false,
    scope: 'subnet',
    rules: [],
    defaultAction: { ingress: 'deny', egress: 'deny' },
    subnetIds: [],
  };
}

function peerOf(v: ResourceView): PeerRef | undefined {
  for (const attr of ['cidr_block', 'ipv6_cidr_block']) {
    if (v.unknown(attr)) {
      v.warnUnknown(attr, [], ['rules.peer']);
      return unknownPeer(v, attr);
    }
    const c = v.str(attr);
    if (c !== undefined) {
      const cidr = v.ctx.r.cidr(c, v.pointer(attr));
      return cidr ? { kind: 'cidr', cidr } : undefined;
    }
  }
  v.ctx.r.report(
    'error',
    'IMPORT_MISSING_FIELD',
    v.pointer(),
    'NACL rule has neither cidr_block nor ipv6_cidr_block',
    'The rule is ignored.',
  );
  return undefined;
}

/**
 * One NACL entry (cloud-semantics §1.2-6/7): an inline `ingress`/`egress` block (`rule_no`, `action`) or an
 * aws_network_acl_rule (`rule_number`, `rule_action`). ICMP uses `icmp_type`/`icmp_code` (-1 = any);
 * ICMPv6 with an IPv4 CIDR matches every type.
 */
export function naclRule(
  v: ResourceView,
  aclId: string,
  direction: Direction,
  inline: boolean,
  u: Unknowns,
): FilterRule | undefined {
  const [numberAttr, actionAttr] = inline ? ['rule_no', 'action'] : ['rule_number', 'rule_action'];
  const number = v.num(numberAttr);
  const action = v.str(actionAttr);
  if (number === undefined) {
    v.ctx.r.missing(v.pointer(), numberAttr);
    return undefined;
  }
  if (action !== 'allow' && action !== 'deny') {
    v.ctx.r.report(
      'error',
      'IMPORT_TF_ACTION',
      v.pointer(actionAttr),
      `rule action ${JSON.stringify(v.raw(actionAttr))} is neither allow nor deny`,
      'The rule is ignored.',
    );
    return undefined;
  }
  if (v.unknown('protocol')) {
    v.warnUnknown('protocol', u, ['rules']);
    return undefined;
  }
  const proto = awsProtocol(v.raw('protocol'));
  if (proto === undefined) {
    v.ctx.r.report(
      'error',
      'IMPORT_TF_PROTOCOL',
      v.pointer('protocol'),
      `unknown protocol ${JSON.stringify(v.raw('protocol'))}`,
      'The rule is ignored.',
    );
    return undefined;
  }
  const peer = peerOf(v);
  if (!peer) return undefined;
  let from = v.num('from_port');
  let to = v.num('to_port');
  if (proto === PROTO_ICMP || proto === PROTO_ICMPV6) {
    from = v.num('icmp_type');
    to = v.num('icmp_code');
    const c = peer.kind === 'cidr' ? parseCidr(peer.cidr) : undefined;
    if (proto === PROTO_ICMPV6 && c !== undefined && typeof c !== 'string' && c.family === 4)
      from = to = undefined;
  }
  const connections = awsConnections(proto, from, to);
  if (!('isEmpty' in connections)) {
    v.ctx.r.report('error', 'IMPORT_TF_PORTS', v.pointer(), connections.error, 'The rule is ignored.');
    return undefined;
  }
  return {
    id: `${aclId}/${direction}/${number}`,
    direction,
    action,
    priority: number,
    connections,
    peer,
    source: v.ctx.r.src(inline ? v.pointer() : v.res.pointer),
  };
}

function inlineRules(v: ResourceView, id: string, direction: Direction, u: Unknowns): FilterRule[] {
  if (unknownInline(v, direction, u)) return [];
  const out: FilterRule[] = [];
  for (const rv of v.list(direction)) {
    const rule = naclRule(rv, id, direction, true, u);
    if (rule) out.push(rule);
  }
  return out;
}

/**
 * aws_network_acl and aws_default_network_acl. Terraform lists no implicit `*` deny entries: the
 * filter's default action (deny) is that rule.
 */
export function convertNetworkAcl(v: ResourceView, isDefault: boolean): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const networkId = isDefault ? vpcOf(v, 'default_network_acl_id', u) : v.ref('vpc_id', u, 'networkId');
  const rules = [...inlineRules(v, id, 'ingress', u), ...inlineRules(v, id, 'egress', u)];
  const acl: Filter = {
    ...v.base(id),
    kind: 'filter',
    filterKind: 'aws-network-acl',
    evaluation: 'first-match',
    stateful: false,
    scope: 'subnet',
    ...opt('networkId', networkId),
    isDefault,
    rules,
    defaultAction: { ingress: 'deny', egress: 'deny' },
    subnetIds: v.refs('subnet_ids', u, 'subnetIds'),
  };
  v.ctx.out.add(acl, u);
}

function aclRef(v: ResourceView, u: Unknowns, field: string): string | undefined {
  const id = v.ref('network_acl_id', u, field);
  if (id === undefined && u.length === 0) v.ctx.r.missing(v.res.valuesPointer, 'network_acl_id');
  return id;
}

/** aws_network_acl_rule. */
export function convertNetworkAclRule(v: ResourceView): void {
  const u: Unknowns = [];
  const id = aclRef(v, u, 'rules');
  if (id === undefined) return;
  const egress = v.bool('egress') === true;
  const rule = naclRule(v, id, egress ? 'egress' : 'ingress', false, u);
  v.ctx.out.contribute(
    'filter',
    id,
    (f) => {
      if (rule) f.rules = [...f.rules, rule];
      markUnknown(f, u);
    },
    { skeleton: () => partialAcl(v, id) },
  );
}

/** aws_network_acl_association: a subnet moves to this NACL (and out of the default one). */
export function convertNetworkAclAssociation(v: ResourceView): void {
  const u: Unknowns = [];
  const id = aclRef(v, u, 'subnetIds');
  const subnet = v.ref('subnet_id', u, 'subnetIds');
  if (id === undefined) return;
  v.ctx.out.contribute(
    'filter',
    id,
    (f) => {
      if (subnet && !f.subnetIds.includes(subnet)) f.subnetIds = [...f.subnetIds, subnet];
      markUnknown(f, u);
    },
    { skeleton: () => partialAcl(v, id) },
  );
}
