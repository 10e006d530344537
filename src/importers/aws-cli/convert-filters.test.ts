import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudConformance, codes, importDocs, importFiles } from '../../../test/support.js';
import type { Filter } from '../../model/index.js';

const A = 'aws/111111111111/us-east-1';

function rules(f: Filter | undefined): string[] {
  return (f?.rules ?? []).map((r) => {
    const peer =
      r.peer.kind === 'cidr'
        ? r.peer.cidr
        : r.peer.kind === 'group'
          ? `${r.peer.account ? `${r.peer.account}/` : ''}${r.peer.groupId}${r.peer.peeringId ? `@${r.peer.peeringId}` : ''}`
          : r.peer.kind === 'prefix-list'
            ? r.peer.prefixListId
            : r.peer.kind;
    return `${r.id} ${r.action} ${r.connections} ${peer}`;
  });
}

describe('security groups (cloud-semantics §1.1)', () => {
  it('expands one permission into one rule per source, with AWS protocol encodings', () => {
    const e = importDocs({
      [`${A}/describe-security-groups.json`]: {
        SecurityGroups: [
          {
            GroupId: 'sg-1',
            GroupName: 'app',
            OwnerId: '111111111111',
            VpcId: 'vpc-1',
            IpPermissions: [
              {
                IpProtocol: 'tcp',
                FromPort: 5432,
                ToPort: 5432,
                IpRanges: [{ CidrIp: '10.0.0.0/16' }, { CidrIp: '10.1.0.5/16' }],
                Ipv6Ranges: [{ CidrIpv6: '2001:DB8::/32' }],
                PrefixListIds: [{ PrefixListId: 'pl-1' }],
                UserIdGroupPairs: [
                  { GroupId: 'sg-1', UserId: '111111111111' },
                  { GroupId: 'sg-9', UserId: '222222222222', VpcPeeringConnectionId: 'pcx-1' },
                ],
              },
              { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
              { IpProtocol: 'icmpv6', FromPort: -1, ToPort: -1, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
              { IpProtocol: '50', IpRanges: [{ CidrIp: '192.0.2.0/24' }] },
              { IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.2/32' }] },
            ],
            IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
          },
        ],
      },
    });
    const sg = e.get('filter', 'sg-1');
    expect(sg?.filterKind).toBe('aws-security-group');
    expect(sg?.evaluation).toBe('allow-union');
    expect(sg?.stateful).toBe(true);
    expect(sg?.name).toBe('app');
    expect(rules(sg)).toEqual([
      'sg-1/ingress/0 allow tcp 5432 10.0.0.0/16',
      'sg-1/ingress/1 allow tcp 5432 10.1.0.0/16',
      'sg-1/ingress/2 allow tcp 5432 2001:db8::/32',
      'sg-1/ingress/3 allow tcp 5432 pl-1',
      'sg-1/ingress/4 allow tcp 5432 sg-1',
      'sg-1/ingress/5 allow tcp 5432 222222222222/sg-9@pcx-1',
      'sg-1/ingress/6 allow icmp 8/* 0.0.0.0/0',
      'sg-1/ingress/7 allow icmpv6 all ::/0',
      'sg-1/ingress/8 allow proto 50 192.0.2.0/24',
      'sg-1/ingress/9 allow udp 53 10.0.0.2/32',
      'sg-1/egress/0 allow all 0.0.0.0/0',
    ]);
    // The host-bits CIDR is read as AWS stores it, with a warning at its pointer.
    expect(codes(e.diagnostics).filter((c) => c.includes('IMPORT_CIDR_HOST_BITS'))).toEqual([
      `warning IMPORT_CIDR_HOST_BITS ${A}/describe-security-groups.json:18:25 /SecurityGroups/0/IpPermissions/0/IpRanges/1/CidrIp`,
    ]);
  });

  it('reads the Batfish SecurityGroupTest fixture exactly (ports at the interval edges)', () => {
    const e = importFiles(
      [join(cloudConformance, 'batfish-aws-snapshots/SecurityGroupTest.json')],
      cloudConformance,
    );
    expect(rules(e.get('filter', 'sg-01a88a2ecd621d9ba'))).toEqual([
      'sg-01a88a2ecd621d9ba/ingress/0 allow tcp 22 1.2.3.4/32',
      'sg-01a88a2ecd621d9ba/egress/0 allow all 0.0.0.0/0',
    ]);
    expect(rules(e.get('filter', 'sg-0089111f50bb7d828'))[0]).toBe(
      'sg-0089111f50bb7d828/ingress/0 allow tcp 0-22 1.2.3.4/32',
    );
    expect(rules(e.get('filter', 'sg-07abacabd0ac1bc07'))[0]).toBe(
      'sg-07abacabd0ac1bc07/ingress/0 allow tcp 65530-65535 1.2.3.4/32',
    );
    expect(e.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
  });

  it('merges describe-security-group-rules into the group; alone it still gives the rules', () => {
    const perRule = {
      SecurityGroupRules: [
        {
          SecurityGroupRuleId: 'sgr-1',
          GroupId: 'sg-2',
          GroupOwnerId: '111111111111',
          IsEgress: false,
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          CidrIpv4: '0.0.0.0/0',
        },
        {
          SecurityGroupRuleId: 'sgr-2',
          GroupId: 'sg-2',
          GroupOwnerId: '111111111111',
          IsEgress: true,
          IpProtocol: '-1',
          FromPort: -1,
          ToPort: -1,
          ReferencedGroupInfo: { GroupId: 'sg-3', UserId: '111111111111' },
        },
      ],
    };
    const alone = importDocs({ [`${A}/describe-security-group-rules.json`]: perRule });
    expect(rules(alone.get('filter', 'sg-2'))).toEqual([
      'sg-2/ingress/0 allow tcp 443 0.0.0.0/0',
      'sg-2/egress/0 allow all sg-3',
    ]);
    const both = importDocs({
      [`${A}/describe-security-group-rules.json`]: perRule,
      [`${A}/describe-security-groups.json`]: {
        SecurityGroups: [
          {
            GroupId: 'sg-2',
            GroupName: 'web',
            VpcId: 'vpc-1',
            IpPermissions: [
              { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
            ],
            IpPermissionsEgress: [],
          },
        ],
      },
    });
    const sg = both.get('filter', 'sg-2');
    expect(sg?.partial).toBeUndefined();
    expect(sg?.networkId).toBe('vpc-1');
    // The full record is authoritative for the rule list.
    expect(rules(sg)).toEqual(['sg-2/ingress/0 allow tcp 443 0.0.0.0/0']);
  });
});

describe('network ACLs (cloud-semantics §1.2)', () => {
  it('orders entries by number per direction; the implicit `*` deny is the default action, not a rule', () => {
    const e = importDocs({
      [`${A}/describe-network-acls.json`]: {
        NetworkAcls: [
          {
            NetworkAclId: 'acl-1',
            VpcId: 'vpc-1',
            IsDefault: false,
            Associations: [{ SubnetId: 'subnet-a', NetworkAclId: 'acl-1' }, { SubnetId: 'subnet-b' }],
            Entries: [
              {
                RuleNumber: 32767,
                Egress: false,
                Protocol: '-1',
                RuleAction: 'deny',
                CidrBlock: '0.0.0.0/0',
              },
              {
                RuleNumber: 200,
                Egress: false,
                Protocol: '6',
                RuleAction: 'allow',
                CidrBlock: '10.0.0.0/16',
                PortRange: { From: 1024, To: 65535 },
              },
              {
                RuleNumber: 100,
                Egress: false,
                Protocol: '6',
                RuleAction: 'deny',
                CidrBlock: '10.0.9.0/24',
                PortRange: { From: 22, To: 22 },
              },
              {
                RuleNumber: 100,
                Egress: true,
                Protocol: '1',
                RuleAction: 'allow',
                CidrBlock: '0.0.0.0/0',
                IcmpTypeCode: { Type: 3, Code: 4 },
              },
              {
                RuleNumber: 110,
                Egress: true,
                Protocol: '58',
                RuleAction: 'allow',
                CidrBlock: '0.0.0.0/0',
                IcmpTypeCode: { Type: 128, Code: 0 },
              },
              {
                RuleNumber: 120,
                Egress: true,
                Protocol: '58',
                RuleAction: 'allow',
                Ipv6CidrBlock: '::/0',
                IcmpTypeCode: { Type: 128, Code: 0 },
              },
              {
                RuleNumber: 130,
                Egress: true,
                Protocol: '47',
                RuleAction: 'allow',
                CidrBlock: '0.0.0.0/0',
                PortRange: { From: 1, To: 2 },
              },
              { RuleNumber: 32767, Egress: true, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
            ],
          },
        ],
      },
    });
    const acl = e.get('filter', 'acl-1');
    expect(acl?.evaluation).toBe('first-match');
    expect(acl?.stateful).toBe(false);
    expect(acl?.scope).toBe('subnet');
    expect(acl?.subnetIds).toEqual(['subnet-a', 'subnet-b']);
    expect(rules(acl)).toEqual([
      'acl-1/ingress/100 deny tcp 22 10.0.9.0/24',
      'acl-1/ingress/200 allow tcp 1024-65535 10.0.0.0/16',
      'acl-1/egress/100 allow icmp 3/4 0.0.0.0/0',
      // ICMPv6 with an IPv4 CIDR matches every type (CreateNetworkAclEntry).
      'acl-1/egress/110 allow icmpv6 all 0.0.0.0/0',
      'acl-1/egress/120 allow icmpv6 128/0 ::/0',
      // Ports do not apply to protocols other than tcp/udp.
      'acl-1/egress/130 allow proto 47 0.0.0.0/0',
    ]);
    expect(acl?.defaultAction).toEqual({ ingress: 'deny', egress: 'deny' });
  });

  it('reads the Batfish ICMP fixture', () => {
    const e = importFiles(
      [join(cloudConformance, 'batfish-aws-snapshots/NetworkAclIcmpTest.json')],
      cloudConformance,
    );
    const acl = e.all('filter')[0];
    expect(rules(acl).map((r) => r.split(' ').slice(1).join(' '))).toEqual([
      'allow icmp all 0.0.0.0/0',
      'allow icmp 0/1 0.0.0.0/0',
    ]);
  });

  it('reports a bad entry at its pointer and keeps the others', () => {
    const e = importDocs({
      [`${A}/describe-network-acls.json`]: {
        NetworkAcls: [
          {
            NetworkAclId: 'acl-2',
            Entries: [
              {
                RuleNumber: 100,
                Egress: false,
                Protocol: 'tcpish',
                RuleAction: 'allow',
                CidrBlock: '0.0.0.0/0',
              },
              {
                RuleNumber: 110,
                Egress: false,
                Protocol: '6',
                RuleAction: 'allow',
                CidrBlock: '10.0.0.0/33',
              },
              { RuleNumber: 120, Egress: false, Protocol: '6', RuleAction: 'maybe', CidrBlock: '10.0.0.0/8' },
              {
                RuleNumber: 130,
                Egress: false,
                Protocol: '6',
                RuleAction: 'allow',
                CidrBlock: '10.0.0.0/8',
                PortRange: { From: 90, To: 80 },
              },
              {
                RuleNumber: 140,
                Egress: false,
                Protocol: '17',
                RuleAction: 'allow',
                CidrBlock: '10.0.0.0/8',
                PortRange: { From: 53, To: 53 },
              },
            ],
          },
        ],
      },
    });
    expect(rules(e.get('filter', 'acl-2'))).toEqual(['acl-2/ingress/140 allow udp 53 10.0.0.0/8']);
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_AWS_PROTOCOL ${A}/describe-network-acls.json:9:23 /NetworkAcls/0/Entries/0/Protocol`,
      `error IMPORT_INVALID_CIDR ${A}/describe-network-acls.json:18:24 /NetworkAcls/0/Entries/1/CidrBlock`,
      `error IMPORT_AWS_ACTION ${A}/describe-network-acls.json:24:25 /NetworkAcls/0/Entries/2/RuleAction`,
      `error IMPORT_AWS_PORTS ${A}/describe-network-acls.json:27:9 /NetworkAcls/0/Entries/3`,
    ]);
  });
});
