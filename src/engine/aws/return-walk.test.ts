/**
 * Replies that come back by another way than the request went (cloud-semantics §1.4-5: routes are
 * looked up afresh on each side; §1.5-9: the reply's transit gateway lookup is in the table of the
 * attachment it enters by; §1.5-1: the attachment needs a subnet in the sender's zone; §1.2-10: NACLs
 * around the attachment subnet). vpc-a routes vpc-b over a peering; vpc-b routes vpc-a to the gateway.
 */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ConnectionSet, PortSet, parseIp } from '../../model/index.js';
import type { Step, Verdict } from '../trace.js';
import { evaluateFlow } from './flow.js';
import { AwsTopology } from './topology.js';

const R = 'aws/111111111111/us-east-1';
const VPCS = { a: '10.1', b: '10.2', c: '10.3' } as const;
type Vpc = keyof typeof VPCS;

interface Shape {
  /** Route in vpc-b's table back to 10.1.0.0/16: the gateway (default), the peering, or an appliance. */
  bBack?: 'tgw' | 'pcx-ab' | 'pcx-dead' | 'eni-fw';
  /** A static route in vpc-b's gateway table sending 10.1.0.0/16 to vpc-c's attachment. */
  misroute?: boolean;
  /** Zones where vpc-b's attachment has a subnet (the responder sits in us-east-1a). */
  bZones?: string[];
  /** vpc-a's attachment subnet NACL denies traffic out to vpc-a's app subnet. */
  denyOutOfAttachment?: boolean;
}

function topology(s: Shape): AwsTopology {
  const vpc = (v: Vpc) => `vpc-${v}`;
  const subnet = (v: Vpc, role: 'app' | 'tgw', zone = 'us-east-1a') => ({
    SubnetId: `subnet-${v}-${role}-${zone.slice(-1)}`,
    VpcId: vpc(v),
    CidrBlock: `${VPCS[v]}.${role === 'app' ? 1 : zone === 'us-east-1a' ? 250 : 251}.0/24`,
    AvailabilityZone: zone,
  });
  const bZones = s.bZones ?? ['us-east-1a'];
  const route = (cidr: string, target: Record<string, string>) => ({
    DestinationCidrBlock: cidr,
    State: 'active',
    ...target,
  });
  const local = (v: Vpc) => route(`${VPCS[v]}.0.0/16`, { GatewayId: 'local' });
  const bBack = s.bBack ?? 'tgw';
  const backTarget =
    bBack === 'tgw'
      ? { TransitGatewayId: 'tgw-1' }
      : bBack === 'eni-fw'
        ? { NetworkInterfaceId: 'eni-fw' }
        : { VpcPeeringConnectionId: bBack };
  const ref = (v: Vpc) => ({
    TransitGatewayAttachmentId: `tgw-attach-${v}`,
    ResourceId: vpc(v),
    ResourceType: 'vpc',
  });
  const allowAll = (n: number, egress: boolean) => ({
    RuleNumber: n,
    Egress: egress,
    Protocol: '-1',
    RuleAction: 'allow',
    CidrBlock: '0.0.0.0/0',
  });
  return new AwsTopology(
    importDocs({
      [`${R}/vpcs.json`]: {
        Vpcs: (Object.keys(VPCS) as Vpc[]).map((v) => ({ VpcId: vpc(v), CidrBlock: `${VPCS[v]}.0.0/16` })),
      },
      [`${R}/subnets.json`]: {
        Subnets: [
          subnet('a', 'app'),
          subnet('a', 'tgw'),
          subnet('b', 'app'),
          ...bZones.map((z) => subnet('b', 'tgw', z)),
          subnet('c', 'app'),
          subnet('c', 'tgw'),
        ],
      },
      [`${R}/route-tables.json`]: {
        RouteTables: [
          {
            RouteTableId: 'rtb-a',
            VpcId: 'vpc-a',
            Associations: [{ Main: true }],
            Routes: [local('a'), route('10.2.0.0/16', { VpcPeeringConnectionId: 'pcx-ab' })],
          },
          {
            RouteTableId: 'rtb-b',
            VpcId: 'vpc-b',
            Associations: [{ Main: true }],
            Routes: [local('b'), route('10.1.0.0/16', backTarget)],
          },
          { RouteTableId: 'rtb-c', VpcId: 'vpc-c', Associations: [{ Main: true }], Routes: [local('c')] },
        ],
      },
      [`${R}/peerings.json`]: {
        VpcPeeringConnections: [
          {
            VpcPeeringConnectionId: 'pcx-ab',
            Status: { Code: 'active' },
            RequesterVpcInfo: { VpcId: 'vpc-a' },
            AccepterVpcInfo: { VpcId: 'vpc-b' },
          },
          {
            VpcPeeringConnectionId: 'pcx-dead',
            Status: { Code: 'deleted' },
            RequesterVpcInfo: { VpcId: 'vpc-b' },
            AccepterVpcInfo: { VpcId: 'vpc-a' },
          },
        ],
      },
      [`${R}/acls.json`]: {
        NetworkAcls: [
          ...(Object.keys(VPCS) as Vpc[]).map((v) => ({
            NetworkAclId: `acl-${v}`,
            VpcId: vpc(v),
            IsDefault: true,
            Associations: [{ SubnetId: `subnet-${v}-app-a` }, { SubnetId: `subnet-${v}-tgw-a` }],
            Entries: [
              ...(v === 'a' && s.denyOutOfAttachment
                ? [{ ...allowAll(50, true), RuleAction: 'deny', CidrBlock: '10.1.1.0/24' }]
                : []),
              allowAll(100, false),
              allowAll(100, true),
            ],
          })),
        ],
      },
      [`${R}/sgs.json`]: {
        SecurityGroups: (Object.keys(VPCS) as Vpc[]).map((v) => ({
          GroupId: `sg-${v}`,
          VpcId: vpc(v),
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
          ],
          IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        })),
      },
      [`${R}/enis.json`]: {
        NetworkInterfaces: (Object.keys(VPCS) as Vpc[]).map((v) => ({
          NetworkInterfaceId: `eni-${v}`,
          VpcId: vpc(v),
          SubnetId: `subnet-${v}-app-a`,
          AvailabilityZone: 'us-east-1a',
          PrivateIpAddress: `${VPCS[v]}.1.10`,
          Groups: [{ GroupId: `sg-${v}` }],
        })),
      },
      [`${R}/tgws.json`]: { TransitGateways: [{ TransitGatewayId: 'tgw-1', State: 'available' }] },
      [`${R}/tgw-vpc-attachments.json`]: {
        TransitGatewayVpcAttachments: (Object.keys(VPCS) as Vpc[]).map((v) => ({
          TransitGatewayAttachmentId: `tgw-attach-${v}`,
          TransitGatewayId: 'tgw-1',
          VpcId: vpc(v),
          State: 'available',
          SubnetIds: v === 'b' ? bZones.map((z) => `subnet-b-tgw-${z.slice(-1)}`) : [`subnet-${v}-tgw-a`],
        })),
      },
      [`${R}/tgw-attachments.json`]: {
        TransitGatewayAttachments: (Object.keys(VPCS) as Vpc[]).map((v) => ({
          ...ref(v),
          TransitGatewayId: 'tgw-1',
          State: 'available',
          Association: { TransitGatewayRouteTableId: 'tgw-rtb-1', State: 'associated' },
        })),
      },
      [`${R}/tgw-route-tables.json`]: {
        TransitGatewayRouteTables: [{ TransitGatewayRouteTableId: 'tgw-rtb-1', TransitGatewayId: 'tgw-1' }],
      },
      [`${R}/search-transit-gateway-routes-tgw-rtb-1.json`]: {
        Routes: (Object.keys(VPCS) as Vpc[]).map((v) =>
          v === 'a' && s.misroute
            ? {
                DestinationCidrBlock: '10.1.0.0/16',
                TransitGatewayAttachments: [ref('c')],
                Type: 'static',
                State: 'active',
              }
            : {
                DestinationCidrBlock: `${VPCS[v]}.0.0/16`,
                TransitGatewayAttachments: [ref(v)],
                Type: 'propagated',
                State: 'active',
              },
        ),
        AdditionalRoutesAvailable: false,
      },
    }),
  );
}

function aToB(s: Shape): Verdict {
  const t = topology(s);
  return evaluateFlow(t, {
    source: { kind: 'endpoint', endpoint: t.endpoint('eni-a')! },
    destination: parseIp('10.2.1.10')!,
    connections: ConnectionSet.tcp(PortSet.of(5432)),
  });
}
const show = (steps: readonly Step[]) =>
  steps.map((s) => `${s.kind} ${s.resource} ${s.action}${s.rule ? ` ${s.rule}` : ''}`);

describe('replies that come back another way (cloud-semantics §1.4-5, §1.5-9)', () => {
  it('request over the peering, reply through the transit gateway: allowed, both ways shown', () => {
    const v = aToB({});
    expect(v.verdict).toBe('allowed');
    expect(show(v.forward)).toContain('peering pcx-ab forwarded');
    expect(show(v.return)).toEqual([
      'route rtb-b forwarded 10.1.0.0/16 -> tgw-1',
      'filter acl-b allowed acl-b/egress/100',
      'filter acl-b allowed acl-b/ingress/100',
      'transit tgw-rtb-1 forwarded 10.1.0.0/16 -> tgw-attach-a',
      'filter acl-a allowed acl-a/egress/100',
      'filter acl-a allowed acl-a/ingress/100',
      'delivered eni-a allowed',
    ]);
  });

  it('the same estate with the reply over the peering is symmetric and allowed', () => {
    const v = aToB({ bBack: 'pcx-ab' });
    expect(v.verdict).toBe('allowed');
    expect(show(v.return)).toContain('peering pcx-ab forwarded');
  });

  it('a reply routed to a peering that is not active is blocked on the return leg', () => {
    const v = aToB({ bBack: 'pcx-dead' });
    expect(v.verdict).toBe('blocked');
    expect(v.blockedAt).toEqual({
      kind: 'route',
      resource: 'rtb-b',
      direction: 'return',
      rule: '10.1.0.0/16 -> pcx-dead',
    });
  });

  it('a gateway table that sends the reply to another VPC blocks it there', () => {
    const v = aToB({ misroute: true });
    expect(v.blockedAt).toEqual({
      kind: 'transit-gateway',
      resource: 'tgw-rtb-1',
      direction: 'return',
      rule: '10.1.0.0/16 -> tgw-attach-c',
    });
  });

  it('the responder zone needs an attachment subnet for the reply to enter the gateway (§1.5-1)', () => {
    const v = aToB({ bZones: ['us-east-1b'] });
    expect(v.blockedAt).toEqual({ kind: 'transit-gateway', resource: 'tgw-attach-b', direction: 'return' });
    expect(aToB({ bZones: ['us-east-1b', 'us-east-1a'] }).verdict).toBe('allowed');
  });

  it('the NACLs around the client VPC attachment subnet judge the reply (§1.2-10)', () => {
    const v = aToB({ denyOutOfAttachment: true });
    expect(v.blockedAt).toEqual({
      kind: 'network-acl',
      resource: 'acl-a',
      direction: 'return',
      rule: 'acl-a/egress/50',
    });
  });

  it('a reply through an appliance is unknown, never blocked', () => {
    const v = aToB({ bBack: 'eni-fw' });
    expect(v.verdict).toBe('unknown');
    expect(v.uncertain).toEqual([
      'the reply leaves rtb-b through network-interface eni-fw, not modelled yet',
    ]);
  });
});
