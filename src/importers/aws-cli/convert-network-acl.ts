import { type Filter, type FilterRule, PROTO_ICMPV6, parseCidr } from '../../model/index.js';
import { awsConnections, awsProtocol } from '../_kit/aws/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

/** One `Entries[]` item (cloud-semantics §1.2-6/7). */
function entryRule(ctx: AwsContext, aclId: string, o: Json, p: string): FilterRule | undefined {
  const { r } = ctx;
  const number = r.number(o, 'RuleNumber', p);
  const egress = r.boolean(o, 'Egress', p);
  const actionText = r.string(o, 'RuleAction', p, true);
  if (number === undefined || egress === undefined || actionText === undefined) {
    if (number === undefined) r.missing(p, 'RuleNumber');
    if (egress === undefined) r.missing(p, 'Egress');
    return undefined;
  }
  if (actionText !== 'allow' && actionText !== 'deny') {
    r.report(
      'error',
      'IMPORT_AWS_ACTION',
      `${p}/RuleAction`,
      `rule action "${actionText}" is neither allow nor deny`,
      'The entry is ignored.',
    );
    return undefined;
  }
  const cidrText = r.string(o, 'CidrBlock', p) ?? r.string(o, 'Ipv6CidrBlock', p);
  if (cidrText === undefined) {
    r.missing(p, 'CidrBlock');
    return undefined;
  }
  const cidr = r.cidr(cidrText, `${p}/${o.CidrBlock !== undefined ? 'CidrBlock' : 'Ipv6CidrBlock'}`);
  if (cidr === undefined) return undefined;
  const proto = awsProtocol(o.Protocol);
  if (proto === undefined) {
    r.report(
      'error',
      'IMPORT_AWS_PROTOCOL',
      `${p}/Protocol`,
      `unknown protocol ${JSON.stringify(o.Protocol)}`,
      'The entry is ignored.',
    );
    return undefined;
  }
  const ports = r.object(o, 'PortRange', p);
  const icmp = r.object(o, 'IcmpTypeCode', p);
  let from = ports ? r.number(ports, 'From', `${p}/PortRange`) : undefined;
  let to = ports ? r.number(ports, 'To', `${p}/PortRange`) : undefined;
  if (proto === 1 || proto === PROTO_ICMPV6) {
    from = icmp ? r.number(icmp, 'Type', `${p}/IcmpTypeCode`) : undefined;
    to = icmp ? r.number(icmp, 'Code', `${p}/IcmpTypeCode`) : undefined;
    // ICMPv6 with an IPv4 CIDR matches every type (CreateNetworkAclEntry reference).
    const c = parseCidr(cidr);
    if (proto === PROTO_ICMPV6 && typeof c !== 'string' && c.family === 4) from = to = undefined;
  }
  const connections = awsConnections(proto, from, to);
  if (!('isEmpty' in connections)) {
    r.report('error', 'IMPORT_AWS_PORTS', p, connections.error, 'The entry is ignored.');
    return undefined;
  }
  const direction = egress ? 'egress' : 'ingress';
  return {
    id: `${aclId}/${direction}/${number}`,
    direction,
    action: actionText,
    priority: number,
    connections,
    peer: { kind: 'cidr', cidr },
    source: r.src(p),
  };
}

function isImplicitDeny(r: FilterRule): boolean {
  return (
    (r.priority === 32767 || r.priority === 32768) &&
    r.action === 'deny' &&
    r.connections.isAll() &&
    r.peer.kind === 'cidr' &&
    (r.peer.cidr === '0.0.0.0/0' || r.peer.cidr === '::/0')
  );
}

/** describe-network-acls `NetworkAcls[]`. */
export function convertNetworkAcl(ctx: AwsContext, o: Json, p: string): Filter | undefined {
  const { r } = ctx;
  const id = r.string(o, 'NetworkAclId', p, true);
  if (id === undefined) return undefined;
  const rules: FilterRule[] = [];
  for (const [e, ep] of r.objects(o, 'Entries', p)) {
    const rule = entryRule(ctx, id, e, ep);
    // The `*` entries (32767 IPv4, 32768 IPv6, deny all) are the default action, not rules.
    if (rule && !isImplicitDeny(rule)) rules.push(rule);
  }
  rules.sort((a, b) =>
    a.direction === b.direction ? (a.priority ?? 0) - (b.priority ?? 0) : a.direction < b.direction ? 1 : -1,
  );
  const subnetIds: string[] = [];
  for (const [a, ap] of r.objects(o, 'Associations', p)) {
    const s = r.string(a, 'SubnetId', ap);
    if (s !== undefined) subnetIds.push(s);
  }
  return {
    ...base(ctx, id, p, o),
    kind: 'filter',
    filterKind: 'aws-network-acl',
    evaluation: 'first-match',
    stateful: false,
    scope: 'subnet',
    ...opt('networkId', r.string(o, 'VpcId', p)),
    ...opt('isDefault', r.boolean(o, 'IsDefault', p)),
    rules,
    defaultAction: { ingress: 'deny', egress: 'deny' },
    subnetIds,
  };
}
