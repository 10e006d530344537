/**
 * `egress` on examples/acme (seeded problems 4 and 5 of examples/acme/README.md) and on a small estate
 * with a NAT gateway, where the NAT subnet's NACL must shape the answer. Semantics: cloud-semantics
 * §1.2 (NACLs stateless, both legs), §1.4 (IGW), §1.5 (NAT gateway uses its own subnet's NACL).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocs, importFiles, listJson, repoRoot } from '../../../test/support.js';
import { type EgressPath, egressOf } from './egress.js';
import { AwsTopology } from './topology.js';

const row = (p: EgressPath) =>
  `${p.endpoint} ${p.via.join('>')} ${p.reaches} ${p.anyDestination ? 'any' : p.destinations}`;

describe('egress on examples/acme', () => {
  const r = egressOf(new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/aws')))));

  it('only the bastion and the legacy host (problem 5) get out, both straight through an IGW', () => {
    expect(r.paths.map(row)).toEqual([
      'eni-01c71c8f221759e33 igw-053630cdddd19ac51 icmp 8/0; tcp all; udp all any',
      'eni-0697f5c7d29ba0bf6 igw-0abfe9d94b2f98130 icmp 8/0; tcp all; udp all any',
    ]);
    expect(r.undecided).toEqual([]);
  });

  it('problem 4: the app hosts send HTTPS out through the NAT gateway and to S3, but the replies die at the prod-app NACL', () => {
    const nacl = { kind: 'network-acl', resource: 'acl-07f92144057242cc6', direction: 'return' };
    expect(r.repliesDropped).toEqual(
      ['eni-00e0302c25f5e8446', 'eni-0f197778ee90525b4'].flatMap((endpoint) => [
        {
          endpoint,
          via: ['nat-020b3f9d0efb8036a', 'igw-053630cdddd19ac51'],
          traffic: 'tcp 443',
          blockedAt: nacl,
        },
        { endpoint, via: ['vpce-092e3766d19fab27d'], traffic: 'tcp 443', blockedAt: nacl },
      ]),
    );
  });
});

const A = 'aws/111111111111/us-east-1';
const entry = (n: number, egress: boolean, action: string, port?: number) => ({
  RuleNumber: n,
  Egress: egress,
  RuleAction: action,
  Protocol: port === undefined ? '-1' : '6',
  CidrBlock: '0.0.0.0/0',
  ...(port === undefined ? {} : { PortRange: { From: port, To: port } }),
});

describe('egress through a NAT gateway', () => {
  const topo = new AwsTopology(
    importDocs({
      [`${A}/vpcs.json`]: { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] },
      [`${A}/subnets.json`]: {
        Subnets: [
          { SubnetId: 'subnet-pub', VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' },
          { SubnetId: 'subnet-priv', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' },
        ],
      },
      [`${A}/igw.json`]: {
        InternetGateways: [
          { InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] },
        ],
      },
      [`${A}/nat.json`]: {
        NatGateways: [
          {
            NatGatewayId: 'nat-1',
            SubnetId: 'subnet-pub',
            VpcId: 'vpc-1',
            State: 'available',
            NatGatewayAddresses: [
              {
                NetworkInterfaceId: 'eni-nat',
                PrivateIp: '10.0.0.9',
                PublicIp: '203.0.113.9',
                IsPrimary: true,
              },
            ],
          },
        ],
      },
      [`${A}/rt.json`]: {
        RouteTables: [
          {
            RouteTableId: 'rtb-pub',
            VpcId: 'vpc-1',
            Associations: [{ Main: true }],
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
              { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
            ],
          },
          {
            RouteTableId: 'rtb-priv',
            VpcId: 'vpc-1',
            Associations: [{ SubnetId: 'subnet-priv', Main: false }],
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
              { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
            ],
          },
        ],
      },
      [`${A}/acl.json`]: {
        NetworkAcls: [
          {
            NetworkAclId: 'acl-pub',
            VpcId: 'vpc-1',
            IsDefault: true,
            Associations: [{ SubnetId: 'subnet-pub' }],
            // The NAT subnet refuses outbound SMTP: only that NACL says so, not the host's.
            Entries: [entry(100, false, 'allow'), entry(90, true, 'deny', 25), entry(100, true, 'allow')],
          },
          {
            NetworkAclId: 'acl-priv',
            VpcId: 'vpc-1',
            IsDefault: false,
            Associations: [{ SubnetId: 'subnet-priv' }],
            Entries: [entry(100, false, 'allow'), entry(100, true, 'allow')],
          },
        ],
      },
      [`${A}/sg.json`]: {
        SecurityGroups: [
          {
            GroupId: 'sg-1',
            VpcId: 'vpc-1',
            IpPermissions: [],
            IpPermissionsEgress: [
              { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
            ],
          },
        ],
      },
      [`${A}/eni.json`]: {
        NetworkInterfaces: [
          {
            NetworkInterfaceId: 'eni-1',
            VpcId: 'vpc-1',
            SubnetId: 'subnet-priv',
            PrivateIpAddress: '10.0.1.5',
            PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.5', Primary: true }],
            Groups: [{ GroupId: 'sg-1' }],
          },
        ],
      },
    }),
  );

  it('reaches every public address on every TCP port but 25, through the NAT gateway then the IGW', () => {
    const r = egressOf(topo);
    expect(r.paths.map(row)).toEqual(['eni-1 nat-1>igw-1 tcp 0-24, 26-65535 any']);
    expect(r.paths[0]!.path.map((s) => `${s.kind} ${s.resource}`)).toEqual([
      'filter sg-1',
      'route rtb-priv',
      'filter acl-priv',
      'filter acl-pub',
      'nat nat-1',
      'route rtb-pub',
      'filter acl-pub',
      'nat igw-1',
      'delivered 1.0.0.0',
    ]);
  });
});
