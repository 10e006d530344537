/**
 * `exposure` on examples/acme (seeded problems 1, 3 and 5 of examples/acme/README.md) and on small
 * estates for the cases the port and address classes must get exactly right. Semantics:
 * cloud-semantics §1.4 (IGW 1:1 NAT), §1.2 (NACL both legs), load balancers as a hop (§1, §7).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocs, importFiles, listJson, repoRoot } from '../../../test/support.js';
import { type Exposure, exposureOf } from './exposure.js';
import { AwsTopology } from './topology.js';

const row = (x: Exposure) =>
  `${x.endpoint} ${x.owner ?? '-'} ${x.via}${x.loadBalancer ? `:${x.loadBalancer.listenerPort}` : ''} ${x.address} ${x.reaches} ${x.anySource ? 'any' : x.sources}${x.unknown ? ` unknown ${x.unknown}` : ''}`;

const ALB = 'app/acme-prod-web/f36098d0f13a9b1e';

describe('exposure on examples/acme', () => {
  const aws = exposureOf(new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/aws')))));

  it('lists exactly the bastion, the legacy host, the ALB nodes and the app hosts behind the ALB', () => {
    expect(aws.exposures.map(row)).toEqual([
      `eni-00c3ccaa98eaa967a ${ALB} direct 52.4.220.61 tcp 80, 443 any`,
      `eni-00e0302c25f5e8446 i-09b58b49d16761fe3 load-balancer:443 34.197.12.88 tcp 8080 any`,
      `eni-00e0302c25f5e8446 i-09b58b49d16761fe3 load-balancer:443 52.4.220.61 tcp 8080 any`,
      // Problem 1: SSH from anywhere to the bastion's EIP.
      'eni-01c71c8f221759e33 i-0db756afc278d47b2 direct 3.223.71.18 tcp 22 any',
      `eni-03c7fc626f2cb5427 ${ALB} direct 34.197.12.88 tcp 80, 443 any`,
      // Problem 5: the "private" subnet routed to the IGW exposes the legacy host on 8080.
      'eni-0697f5c7d29ba0bf6 i-06143f3ee8926226f direct 54.160.93.47 tcp 8080 any',
      `eni-0f197778ee90525b4 i-06f85986572718dd3 load-balancer:443 34.197.12.88 tcp 8080 any`,
      `eni-0f197778ee90525b4 i-06f85986572718dd3 load-balancer:443 52.4.220.61 tcp 8080 any`,
    ]);
    expect(aws.notes).toEqual([]);
  });

  it('problem 3: the 0.0.0.0/0 rule on 5432 of data-db is latent, the analytics interface is not exposed', () => {
    expect(aws.exposures.some((x) => x.endpoint === 'eni-0ff8cb11eeb03b78a')).toBe(false);
  });

  it('the path through the ALB names the listener hop, the prod-app NACL rule and the app group rule', () => {
    const x = aws.exposures.find(
      (e) => e.endpoint === 'eni-0f197778ee90525b4' && e.address === '34.197.12.88',
    )!;
    expect(x.path.map((s) => `${s.action} ${s.resource}${s.rule ? ` ${s.rule}` : ''}`)).toEqual([
      'forwarded igw-053630cdddd19ac51',
      'allowed acl-0784616cafcaf7b8e acl-0784616cafcaf7b8e/ingress/100',
      'allowed sg-049d5d3b323b57772 sg-049d5d3b323b57772/ingress/0',
      'allowed eni-03c7fc626f2cb5427',
      `forwarded ${ALB}`,
      'allowed sg-049d5d3b323b57772 sg-049d5d3b323b57772/egress/0',
      'forwarded rtb-04c84553be6fccab4 10.10.0.0/16 -> local',
      'allowed acl-0784616cafcaf7b8e acl-0784616cafcaf7b8e/egress/100',
      'allowed acl-07f92144057242cc6 acl-07f92144057242cc6/ingress/100',
      'allowed sg-06494a0cea2b0aff3 sg-06494a0cea2b0aff3/ingress/0',
      'allowed eni-0f197778ee90525b4',
    ]);
  });

  it('from the Terraform plan: the same direct exposures, and the ALB is reported as not followed', () => {
    const tf = exposureOf(new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/terraform')))));
    expect(tf.exposures.map(row)).toEqual(
      aws.exposures.filter((x) => x.owner !== ALB && x.via === 'direct').map(row),
    );
    expect(tf.notes).toEqual([
      `load balancer ${ALB}: its node interfaces are not in the inputs, so its targets were not followed`,
    ]);
  });
});

const A = 'aws/111111111111/us-east-1';
function estate(opts: { sgIngress: unknown[]; naclEntries?: unknown[]; prefixLists?: boolean }) {
  return new AwsTopology(
    importDocs({
      [`${A}/vpcs.json`]: { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] },
      [`${A}/subnets.json`]: {
        Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }],
      },
      [`${A}/igw.json`]: {
        InternetGateways: [
          { InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] },
        ],
      },
      [`${A}/rt.json`]: {
        RouteTables: [
          {
            RouteTableId: 'rtb-1',
            VpcId: 'vpc-1',
            Associations: [{ Main: true }],
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
              { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
            ],
          },
        ],
      },
      ...(opts.naclEntries
        ? {
            [`${A}/acl.json`]: {
              NetworkAcls: [
                {
                  NetworkAclId: 'acl-1',
                  VpcId: 'vpc-1',
                  IsDefault: true,
                  Associations: [{ SubnetId: 'subnet-1', NetworkAclId: 'acl-1' }],
                  Entries: opts.naclEntries,
                },
              ],
            },
          }
        : {}),
      ...(opts.prefixLists
        ? {
            [`${A}/pl.json`]: {
              PrefixLists: [{ PrefixListId: 'pl-office', PrefixListName: 'office', AddressFamily: 'IPv4' }],
            },
            [`${A}/get-managed-prefix-list-entries-pl-office.json`]: {
              Entries: [{ Cidr: '198.51.100.0/24' }],
            },
          }
        : {}),
      [`${A}/sg.json`]: {
        SecurityGroups: [
          {
            GroupId: 'sg-1',
            VpcId: 'vpc-1',
            IpPermissions: opts.sgIngress,
            IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
          },
        ],
      },
      [`${A}/eni.json`]: {
        NetworkInterfaces: [
          {
            NetworkInterfaceId: 'eni-1',
            VpcId: 'vpc-1',
            SubnetId: 'subnet-1',
            PrivateIpAddress: '10.0.1.5',
            PrivateIpAddresses: [
              { PrivateIpAddress: '10.0.1.5', Primary: true, Association: { PublicIp: '203.0.113.5' } },
            ],
            Association: { PublicIp: '203.0.113.5' },
            Groups: [{ GroupId: 'sg-1' }],
          },
        ],
      },
    }),
  );
}

const entry = (n: number, egress: boolean, action: string, from?: number, to?: number, protocol = '6') => ({
  RuleNumber: n,
  Egress: egress,
  RuleAction: action,
  Protocol: from === undefined ? '-1' : protocol,
  CidrBlock: '0.0.0.0/0',
  ...(from === undefined ? {} : { PortRange: { From: from, To: to ?? from } }),
});

describe('exposure classes', () => {
  it('a group open only to a prefix list admits exactly the list (the prefix list splits the internet)', () => {
    const r = exposureOf(
      estate({
        prefixLists: true,
        sgIngress: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: 'pl-office' }] },
        ],
      }),
    );
    expect(r.exposures.map(row)).toEqual(['eni-1 - direct 203.0.113.5 tcp 22 198.51.100.0/24']);
  });

  it('a NACL rule inside the group range narrows the exposed ports exactly (§1.2, first match)', () => {
    const r = exposureOf(
      estate({
        sgIngress: [{ IpProtocol: 'tcp', FromPort: 8000, ToPort: 8100, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        naclEntries: [
          entry(90, false, 'deny', 8050, 8059),
          entry(100, false, 'allow'),
          entry(100, true, 'allow'),
        ],
      }),
    );
    expect(r.exposures.map(row)).toEqual(['eni-1 - direct 203.0.113.5 tcp 8000-8049, 8060-8100 any']);
  });

  it('a NACL that lets requests in but no replies out exposes nothing (stateless return leg, §1.2)', () => {
    const r = exposureOf(
      estate({
        sgIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        // Replies go to the client's ephemeral port (1024-65535); egress admits only low ports.
        naclEntries: [entry(100, false, 'allow'), entry(100, true, 'allow', 0, 1023)],
      }),
    );
    expect(r.exposures).toEqual([]);
  });

  it('nothing open from the internet: no exposure at all', () => {
    const r = exposureOf(
      estate({
        sgIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }],
      }),
    );
    expect(r.exposures).toEqual([]);
  });
});
