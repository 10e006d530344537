import type { ConnectionSet, Direction, FilterRule, PeerRef } from '../../model/index.js';
import { awsConnections, awsProtocol } from '../_kit/aws/index.js';
import type { ResourceView, Unknowns } from './view.js';

/**
 * Traffic of one rule: protocol name or number ("-1", "all", "tcp", "6"); ports, or for ICMP the type
 * and code (-1 = any). With protocol "-1" Terraform writes ports 0/0, which means all.
 */
export function readConnections(
  v: ResourceView,
  protoAttr: string,
  from: number | undefined,
  to: number | undefined,
  u: Unknowns,
): ConnectionSet | undefined {
  const text = v.unknown(protoAttr) ? undefined : v.raw(protoAttr);
  if (v.unknown(protoAttr)) {
    v.warnUnknown(protoAttr, u, ['rules']);
    return undefined;
  }
  const proto = awsProtocol(text);
  if (proto === undefined) {
    v.ctx.r.report(
      'error',
      'IMPORT_TF_PROTOCOL',
      v.pointer(protoAttr),
      `unknown protocol ${JSON.stringify(text)}`,
      'The rule is ignored.',
    );
    return undefined;
  }
  const c = awsConnections(proto, from, to);
  if ('isEmpty' in c) return c;
  v.ctx.r.report('error', 'IMPORT_TF_PORTS', v.pointer(), c.error, 'The rule is ignored.');
  return undefined;
}

/** A security group reference: `sg-x`, or `<account>/sg-x` across accounts. */
export function groupPeer(text: string, ownAccount: string | undefined): PeerRef {
  const slash = text.indexOf('/');
  if (slash < 0) return { kind: 'group', groupId: text };
  const account = text.slice(0, slash);
  const groupId = text.slice(slash + 1);
  return account === ownAccount || account === ''
    ? { kind: 'group', groupId }
    : { kind: 'group', groupId, account };
}

export function unknownPeer(v: ResourceView, attr: string): PeerRef {
  return {
    kind: 'unknown',
    reason: `${[...v.prefix, attr].join('.')} of ${v.address} is unknown until apply`,
  };
}

/**
 * Peers of an inline rule / aws_security_group_rule: every CIDR, IPv6 CIDR, prefix list and group is its
 * own rule (cloud-semantics §1.1-4); `self` names the group itself. Unknown lists become one unknown peer.
 */
export function rulePeers(
  v: ResourceView,
  groupId: string,
  ownAccount: string | undefined,
  groupsAttr: 'security_groups' | 'source_security_group_id',
): PeerRef[] {
  const out: PeerRef[] = [];
  const scratch: Unknowns = [];
  for (const attr of ['cidr_blocks', 'ipv6_cidr_blocks']) {
    if (v.unknown(attr)) {
      v.warnUnknown(attr, scratch, ['rules.peer']);
      out.push(unknownPeer(v, attr));
      continue;
    }
    v.strs(attr).forEach((c, i) => {
      const cidr = v.ctx.r.cidr(c, `${v.pointer(attr)}/${i}`);
      if (cidr) out.push({ kind: 'cidr', cidr });
    });
  }
  const lists: [string, (id: string) => PeerRef][] = [
    ['prefix_list_ids', (id) => ({ kind: 'prefix-list', prefixListId: id })],
    [groupsAttr, (id) => groupPeer(id, ownAccount)],
  ];
  for (const [attr, make] of lists) {
    const before = scratch.length;
    const scalar = attr === 'source_security_group_id';
    const one = scalar ? v.ref(attr, scratch, 'rules.peer') : undefined;
    const ids = scalar ? (one === undefined ? [] : [one]) : v.refs(attr, scratch, 'rules.peer');
    out.push(...ids.map(make));
    if (scratch.length > before) out.push(unknownPeer(v, attr));
  }
  if (v.bool('self') === true) out.push({ kind: 'group', groupId });
  else if (v.unknown('self')) {
    v.warnUnknown('self', scratch, ['rules.peer']);
    out.push(unknownPeer(v, 'self'));
  }
  return out;
}

/** Rules of one permission, one per peer. Ids are numbered once the group's rules are complete. */
export function expandRules(
  groupId: string,
  direction: Direction,
  connections: ConnectionSet,
  peers: readonly PeerRef[],
  description: string | undefined,
  source: FilterRule['source'],
): FilterRule[] {
  return peers.map((peer) => ({
    id: `${groupId}/${direction}/?`,
    direction,
    action: 'allow',
    connections,
    peer,
    ...(description === undefined ? {} : { description }),
    source,
  }));
}

/**
 * Inline `ingress` / `egress` lists of a group or ACL that are unknown at plan time: with inline
 * configuration the rules are unknown (`unknown: ['rules']`, warned); without it they are read as none,
 * the rules being separate resources, and the file says once that this reading was made (dynamic blocks
 * are invisible in plan JSON). Returns true when the list is unknown.
 */
export function unknownInline(v: ResourceView, direction: Direction, u: Unknowns): boolean {
  if (!v.unknown(direction)) return false;
  const configured = v.ctx.config.resource(
    v.res.modules.map((m) => m.name),
    v.res.type,
    v.res.name,
  )?.expressions[direction];
  if (configured !== undefined) v.warnUnknown(direction, u, ['rules']);
  else v.ctx.facts.assumedNoInline.push({ what: `${v.address} ${direction}`, pointer: v.res.pointer });
  return true;
}
