/** Security group and NACL evaluation (cloud-semantics §1.1, §1.2), on examples/acme and small estates. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocs, importFiles, listJson, repoRoot } from '../../../test/support.js';
import { type Endpoint, parseIp } from '../../model/index.js';
import { naclVerdict, securityGroupVerdict } from './filters.js';
import { AwsTopology } from './topology.js';

const acme = new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/aws'))));
const ip = (text: string) => parseIp(text)!;
const eni = (t: AwsTopology, id: string): Endpoint => t.endpoint(id)!;

const BASTION = 'eni-01c71c8f221759e33';
const APP1 = 'eni-0f197778ee90525b4';
const PROD_DB = 'eni-0f2ee4f5f1a221456';
const ANALYTICS = 'eni-0ff8cb11eeb03b78a';

describe('security groups (cloud-semantics §1.1)', () => {
  it('allow 22 to the bastion from anywhere, 8080 to the app only from the ALB group members', () => {
    expect(securityGroupVerdict(acme, eni(acme, BASTION), 'ingress', ip('8.8.8.8')).allowed.toString()).toBe(
      'tcp 22',
    );
    // The ALB nodes carry sg alb-web: their private addresses match the reference (§1.1-5)...
    expect(securityGroupVerdict(acme, eni(acme, APP1), 'ingress', ip('10.10.0.143')).allowed.toString()).toBe(
      'tcp 8080',
    );
    // ...their public addresses do not.
    expect(
      securityGroupVerdict(acme, eni(acme, APP1), 'ingress', ip('34.197.12.88')).allowed.toString(),
    ).toBe('none');
    // The bastion (sg bastion) may SSH to the app.
    expect(securityGroupVerdict(acme, eni(acme, APP1), 'ingress', ip('10.10.0.10')).allowed.toString()).toBe(
      'tcp 22',
    );
  });

  it('a group reference across an active same-region peering matches (§1.1-6)', () => {
    // data-db allows 5432 from sg app in prod, over the prod-data peering.
    const v = securityGroupVerdict(acme, eni(acme, ANALYTICS), 'ingress', ip('10.10.10.21'));
    expect(v.allowed.toString()).toBe('tcp 5432');
    expect(v.decisions.map((d) => d.rule?.id)).toEqual(['sg-027fadf5353538ac6/ingress/0']);
    // ...and the sloppy 0.0.0.0/0 rule admits any address on 5432.
    expect(
      securityGroupVerdict(acme, eni(acme, ANALYTICS), 'ingress', ip('203.0.113.9')).allowed.toString(),
    ).toBe('tcp 5432');
  });

  it('prod-db admits only members of sg app', () => {
    expect(
      securityGroupVerdict(acme, eni(acme, PROD_DB), 'ingress', ip('10.10.11.37')).allowed.toString(),
    ).toBe('tcp 5432');
    expect(
      securityGroupVerdict(acme, eni(acme, PROD_DB), 'ingress', ip('10.10.0.10')).allowed.toString(),
    ).toBe('none');
  });

  it('an inactive peering carries no reference; IPv4 rules never match IPv6; unknown prefix lists are reported', () => {
    const A = 'aws/111111111111/us-east-1';
    const estate = (status: string) =>
      new AwsTopology(
        importDocs({
          [`${A}/vpcs.json`]: {
            Vpcs: [
              { VpcId: 'vpc-a', CidrBlock: '10.0.0.0/16' },
              { VpcId: 'vpc-b', CidrBlock: '10.1.0.0/16' },
            ],
          },
          [`${A}/pcx.json`]: {
            VpcPeeringConnections: [
              {
                VpcPeeringConnectionId: 'pcx-1',
                Status: { Code: status },
                RequesterVpcInfo: { VpcId: 'vpc-a' },
                AccepterVpcInfo: { VpcId: 'vpc-b' },
              },
            ],
          },
          [`${A}/sgs.json`]: {
            SecurityGroups: [
              {
                GroupId: 'sg-a',
                VpcId: 'vpc-a',
                IpPermissions: [
                  { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
                  { IpProtocol: 'tcp', FromPort: 81, ToPort: 81, UserIdGroupPairs: [{ GroupId: 'sg-b' }] },
                  { IpProtocol: '-1', PrefixListIds: [{ PrefixListId: 'pl-x' }] },
                ],
                IpPermissionsEgress: [],
              },
              { GroupId: 'sg-b', VpcId: 'vpc-b', IpPermissions: [], IpPermissionsEgress: [] },
            ],
          },
          [`${A}/enis.json`]: {
            NetworkInterfaces: [
              {
                NetworkInterfaceId: 'eni-a',
                VpcId: 'vpc-a',
                PrivateIpAddress: '10.0.0.5',
                Groups: [{ GroupId: 'sg-a' }],
              },
              {
                NetworkInterfaceId: 'eni-b',
                VpcId: 'vpc-b',
                PrivateIpAddress: '10.1.0.5',
                Groups: [{ GroupId: 'sg-b' }],
              },
            ],
          },
        }),
      );
    const t = estate('pending-acceptance');
    const fromB = securityGroupVerdict(t, eni(t, 'eni-a'), 'ingress', ip('10.1.0.5'));
    // The 0.0.0.0/0 rule gives 80; the reference to sg-b (port 81) needs an active peering.
    expect(fromB.decisions.map((d) => `${d.rule?.id} ${d.connections}`)).toEqual(['sg-a/ingress/0 tcp 80']);
    const active = estate('active');
    expect(
      securityGroupVerdict(active, eni(active, 'eni-a'), 'ingress', ip('10.1.0.5')).allowed.toString(),
    ).toBe('tcp 80-81');
    expect(fromB.uncertain).toEqual([
      'sg-a rule sg-a/ingress/2: entries of prefix list pl-x are not in the inputs',
    ]);
    expect(securityGroupVerdict(t, eni(t, 'eni-a'), 'ingress', ip('2001:db8::1')).allowed.toString()).toBe(
      'none',
    );
  });
});

describe('network ACLs (cloud-semantics §1.2)', () => {
  it('prod-app admits 8080 and 22 from the public subnets but no ephemeral return traffic (the seeded mistake)', () => {
    const acl = acme.naclOf(acme.subnet('subnet-02b2dd70a4f271291')!)!;
    expect(acl.id).toBe('acl-07f92144057242cc6');
    const fromAlb = naclVerdict(acme, acl, 'ingress', ip('10.10.0.143'));
    expect(fromAlb.allowed.toString()).toBe('tcp 22, 8080');
    // A reply from the database (source 10.10.20.112) to an ephemeral port falls to the implicit deny.
    const fromDb = naclVerdict(acme, acl, 'ingress', ip('10.10.20.112'));
    expect(fromDb.allowed.toString()).toBe('none');
    expect(fromDb.decisions.map((d) => `${d.rule?.id ?? '*'} ${d.action} ${d.connections}`)).toEqual([
      '* deny all',
    ]);
  });

  it('evaluates lowest number first: a deny before an allow wins for the traffic it covers', () => {
    const A = 'aws/111111111111/us-east-1';
    const t = new AwsTopology(
      importDocs({
        [`${A}/acl.json`]: {
          NetworkAcls: [
            {
              NetworkAclId: 'acl-1',
              VpcId: 'vpc-1',
              Associations: [{ SubnetId: 'subnet-1' }],
              Entries: [
                {
                  RuleNumber: 200,
                  Egress: false,
                  Protocol: '-1',
                  RuleAction: 'allow',
                  CidrBlock: '0.0.0.0/0',
                },
                {
                  RuleNumber: 100,
                  Egress: false,
                  Protocol: '6',
                  RuleAction: 'deny',
                  CidrBlock: '10.0.0.0/8',
                  PortRange: { From: 22, To: 22 },
                },
              ],
            },
          ],
        },
      }),
    );
    const acl = t.filter('acl-1')!;
    const v = naclVerdict(t, acl, 'ingress', ip('10.2.3.4'));
    expect(v.allowed.toString()).toBe(ConnectionSetString.allBut22);
    expect(v.decisions.map((d) => `${d.rule?.id} ${d.action} ${d.connections}`)).toEqual([
      'acl-1/ingress/100 deny tcp 22',
      `acl-1/ingress/200 allow ${ConnectionSetString.allBut22}`,
    ]);
    expect(naclVerdict(t, acl, 'ingress', ip('192.0.2.1')).allowed.toString()).toBe('all');
    // No egress rules: everything out is denied by the implicit rule.
    expect(naclVerdict(t, acl, 'egress', ip('192.0.2.1')).allowed.toString()).toBe('none');
  });

  it('uses the default NACL for a subnet no NACL lists (§1.2-4)', () => {
    const subnet = acme.subnet('subnet-0696861e9575598a4')!; // prod-public-a
    expect(acme.naclOf(subnet)?.id).toBe('acl-0784616cafcaf7b8e');
    expect(naclVerdict(acme, acme.naclOf(subnet)!, 'ingress', ip('8.8.8.8')).allowed.toString()).toBe('all');
  });
});

const ConnectionSetString = {
  allBut22: 'icmp all; tcp 0-21, 23-65535; udp all; icmpv6 all; proto 0, 2-5, 7-16, 18-57, 59-255',
};
