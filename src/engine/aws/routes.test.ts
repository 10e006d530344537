/** Route lookup (cloud-semantics §1.3), on examples/acme and small tables. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocs, importFiles, listJson, repoRoot } from '../../../test/support.js';
import { parseIp } from '../../model/index.js';
import { lookupRoute } from './routes.js';
import { AwsTopology } from './topology.js';

const acme = new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/aws'))));

function via(t: AwsTopology, subnetId: string, dst: string): string {
  const table = t.routeTableOf(t.subnet(subnetId)!)!;
  const r = lookupRoute(t, table, parseIp(dst)!);
  return r.route
    ? `${table.id} ${r.matched} ${r.route.target.kind}:${r.route.target.id ?? ''} ${r.route.state}`
    : `${table.id} no-route`;
}

describe('route lookup on examples/acme (cloud-semantics §1.3)', () => {
  const PROD_PRIVATE_A = 'subnet-02b2dd70a4f271291';
  it('longest prefix wins: local, peering, transit gateway, NAT default', () => {
    expect(via(acme, PROD_PRIVATE_A, '10.10.20.112')).toBe(
      'rtb-05e75d0739a582d4b 10.10.0.0/16 local: active',
    );
    expect(via(acme, PROD_PRIVATE_A, '10.30.21.88')).toBe(
      'rtb-05e75d0739a582d4b 10.30.0.0/16 peering:pcx-0a1d7c76771f4c8bb active',
    );
    expect(via(acme, PROD_PRIVATE_A, '10.0.10.30')).toBe(
      'rtb-05e75d0739a582d4b 10.0.0.0/16 transit-gateway:tgw-09d7f8e1f9c152c8b active',
    );
    expect(via(acme, PROD_PRIVATE_A, '8.8.8.8')).toBe(
      'rtb-05e75d0739a582d4b 0.0.0.0/0 nat-gateway:nat-020b3f9d0efb8036a active',
    );
  });

  it('a prefix-list route acts as one route per entry (the S3 gateway endpoint)', () => {
    expect(via(acme, PROD_PRIVATE_A, '52.217.1.1')).toBe(
      'rtb-05e75d0739a582d4b 52.216.0.0/15 gateway-endpoint:vpce-092e3766d19fab27d active',
    );
  });

  it('the private subnet someone routed to the internet gateway (seeded problem)', () => {
    expect(via(acme, 'subnet-038c47f3bf8bc74fb', '8.8.8.8')).toBe(
      'rtb-0162d11faff5461b1 0.0.0.0/0 internet-gateway:igw-0abfe9d94b2f98130 active',
    );
  });

  it('subnets without an explicit association use the main table; it has no route off the VPC', () => {
    expect(via(acme, 'subnet-06dc25b5d4616735c', '10.30.20.15')).toBe(
      'rtb-06f09349bea36e320 10.30.0.0/16 local: active',
    );
    expect(via(acme, 'subnet-06dc25b5d4616735c', '8.8.8.8')).toBe('rtb-06f09349bea36e320 no-route');
  });
});

describe('route selection rules', () => {
  const A = 'aws/111111111111/us-east-1';
  const t = new AwsTopology(
    importDocs({
      [`${A}/rt.json`]: {
        RouteTables: [
          {
            RouteTableId: 'rtb-1',
            VpcId: 'vpc-1',
            Associations: [{ Main: true }],
            Routes: [
              {
                DestinationCidrBlock: '10.0.0.0/16',
                GatewayId: 'local',
                Origin: 'CreateRouteTable',
                State: 'active',
              },
              {
                DestinationCidrBlock: '0.0.0.0/0',
                GatewayId: 'igw-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
              {
                DestinationCidrBlock: '172.16.0.0/12',
                GatewayId: 'vgw-1',
                Origin: 'EnableVgwRoutePropagation',
                State: 'active',
              },
              {
                DestinationCidrBlock: '172.16.0.0/12',
                TransitGatewayId: 'tgw-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
              {
                DestinationCidrBlock: '192.168.0.0/16',
                VpcPeeringConnectionId: 'pcx-gone',
                Origin: 'CreateRoute',
                State: 'blackhole',
              },
              {
                DestinationPrefixListId: 'pl-unknown',
                GatewayId: 'vpce-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
              {
                DestinationIpv6CidrBlock: '::/0',
                EgressOnlyInternetGatewayId: 'eigw-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
            ],
          },
        ],
      },
      [`${A}/subnets.json`]: {
        Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }],
      },
    }),
  );
  const table = t.routeTableOf(t.subnet('subnet-1')!)!;
  const pick = (dst: string) => {
    const r = lookupRoute(t, table, parseIp(dst)!);
    return `${r.matched} ${r.route?.target.kind} ${r.route?.state}`;
  };

  it('a blackhole that matches longest wins and drops: no fall-through to 0.0.0.0/0 (§1.3-4)', () => {
    expect(pick('192.168.1.1')).toBe('192.168.0.0/16 peering blackhole');
  });

  it('static beats propagated at the same prefix (§1.3-3)', () => {
    expect(pick('172.16.5.5')).toBe('172.16.0.0/12 transit-gateway active');
  });

  it('IPv4 and IPv6 are looked up apart', () => {
    expect(pick('2001:db8::1')).toBe('::/0 egress-only-internet-gateway active');
    expect(pick('8.8.8.8')).toBe('0.0.0.0/0 internet-gateway active');
  });

  it('a prefix list whose entries were not imported is reported, not guessed', () => {
    expect(lookupRoute(t, table, parseIp('8.8.8.8')!).uncertain).toEqual([
      'entries of prefix list pl-unknown (route in rtb-1) are not in the inputs',
    ]);
  });
});
