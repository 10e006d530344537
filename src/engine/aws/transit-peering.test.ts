/**
 * Transit gateway peering (cloud-semantics §1.5-1, -3): a peering attachment has one id and a side on
 * each gateway, each associated with a table of its own gateway, carrying static routes only. vpc-a
 * hangs off tgw-a, vpc-b off tgw-b; the request crosses tgw-a, the peering and tgw-b, and the reply
 * comes back the same way through the tables its own attachments are associated with.
 */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ConnectionSet, PortSet, parseIp } from '../../model/index.js';
import type { Step } from '../trace.js';
import { evaluateFlow } from './flow.js';
import { AwsTopology } from './topology.js';

const A = 'aws/111111111111/us-east-1';
const B = 'aws/222222222222/us-west-2';
const open = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
const side = (gw: string, far: string, table: string) => ({
  TransitGatewayAttachmentId: 'tgw-attach-p',
  TransitGatewayId: gw,
  ResourceType: 'peering',
  ResourceId: far,
  State: 'available',
  Association: { TransitGatewayRouteTableId: table, State: 'associated' },
});
const vpcAtt = (id: string, gw: string, vpc: string, table: string) => ({
  TransitGatewayAttachmentId: id,
  TransitGatewayId: gw,
  ResourceType: 'vpc',
  ResourceId: vpc,
  State: 'available',
  Association: { TransitGatewayRouteTableId: table, State: 'associated' },
});
const toPeer = (cidr: string, far: string) => ({
  DestinationCidrBlock: cidr,
  State: 'active',
  Type: 'static',
  TransitGatewayAttachments: [
    { TransitGatewayAttachmentId: 'tgw-attach-p', ResourceType: 'peering', ResourceId: far },
  ],
});
const toVpc = (cidr: string, att: string, vpc: string) => ({
  DestinationCidrBlock: cidr,
  State: 'active',
  Type: 'propagated',
  TransitGatewayAttachments: [{ TransitGatewayAttachmentId: att, ResourceType: 'vpc', ResourceId: vpc }],
});

function region(prefix: string, v: string, cidr: string, tgw: string, ip: string) {
  return {
    [`${prefix}/vpcs.json`]: { Vpcs: [{ VpcId: `vpc-${v}`, CidrBlock: `${cidr}.0.0/16` }] },
    [`${prefix}/subnets.json`]: {
      Subnets: [
        { SubnetId: `subnet-${v}`, VpcId: `vpc-${v}`, CidrBlock: `${cidr}.1.0/24`, AvailabilityZone: 'z1' },
      ],
    },
    [`${prefix}/rt.json`]: {
      RouteTables: [
        {
          RouteTableId: `rtb-${v}`,
          VpcId: `vpc-${v}`,
          Associations: [{ Main: true }],
          Routes: [
            { DestinationCidrBlock: `${cidr}.0.0/16`, GatewayId: 'local', State: 'active' },
            { DestinationCidrBlock: '10.0.0.0/8', TransitGatewayId: tgw, State: 'active' },
          ],
        },
      ],
    },
    [`${prefix}/sg.json`]: {
      SecurityGroups: [
        { GroupId: `sg-${v}`, VpcId: `vpc-${v}`, IpPermissions: open, IpPermissionsEgress: open },
      ],
    },
    [`${prefix}/eni.json`]: {
      NetworkInterfaces: [
        {
          NetworkInterfaceId: `eni-${v}`,
          VpcId: `vpc-${v}`,
          SubnetId: `subnet-${v}`,
          PrivateIpAddress: ip,
          Groups: [{ GroupId: `sg-${v}` }],
        },
      ],
    },
    [`${prefix}/tgws.json`]: { TransitGateways: [{ TransitGatewayId: tgw, State: 'available' }] },
  };
}

function topology(replyRoute: boolean): AwsTopology {
  return new AwsTopology(
    importDocs({
      ...region(A, 'a', '10.1', 'tgw-a', '10.1.1.10'),
      ...region(B, 'b', '10.2', 'tgw-b', '10.2.1.10'),
      [`${A}/tgw-vpc-attachments.json`]: {
        TransitGatewayVpcAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-a',
            TransitGatewayId: 'tgw-a',
            VpcId: 'vpc-a',
            State: 'available',
            SubnetIds: ['subnet-a'],
          },
        ],
      },
      [`${B}/tgw-vpc-attachments.json`]: {
        TransitGatewayVpcAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-b',
            TransitGatewayId: 'tgw-b',
            VpcId: 'vpc-b',
            State: 'available',
            SubnetIds: ['subnet-b'],
          },
        ],
      },
      [`${A}/tgw-attachments.json`]: {
        TransitGatewayAttachments: [
          vpcAtt('tgw-attach-a', 'tgw-a', 'vpc-a', 'tgw-rtb-a1'),
          side('tgw-a', 'tgw-b', 'tgw-rtb-a2'),
        ],
      },
      [`${B}/tgw-attachments.json`]: {
        TransitGatewayAttachments: [
          vpcAtt('tgw-attach-b', 'tgw-b', 'vpc-b', 'tgw-rtb-b1'),
          side('tgw-b', 'tgw-a', 'tgw-rtb-b2'),
        ],
      },
      [`${A}/search-transit-gateway-routes-tgw-rtb-a1.json`]: {
        Routes: [toPeer('10.2.0.0/16', 'tgw-b')],
        AdditionalRoutesAvailable: false,
      },
      [`${A}/search-transit-gateway-routes-tgw-rtb-a2.json`]: {
        Routes: [toVpc('10.1.0.0/16', 'tgw-attach-a', 'vpc-a')],
        AdditionalRoutesAvailable: false,
      },
      [`${B}/search-transit-gateway-routes-tgw-rtb-b1.json`]: {
        Routes: replyRoute ? [toPeer('10.1.0.0/16', 'tgw-a')] : [],
        AdditionalRoutesAvailable: false,
      },
      [`${B}/search-transit-gateway-routes-tgw-rtb-b2.json`]: {
        Routes: [toVpc('10.2.0.0/16', 'tgw-attach-b', 'vpc-b')],
        AdditionalRoutesAvailable: false,
      },
    }),
  );
}

const transit = (steps: readonly Step[]) =>
  steps
    .filter((s) => s.kind === 'transit')
    .map((s) => `${s.resource} ${s.action} ${s.rule ?? ''}${s.note ? ` (${s.note})` : ''}`);

function aToB(replyRoute: boolean) {
  const t = topology(replyRoute);
  return evaluateFlow(t, {
    source: { kind: 'endpoint', endpoint: t.endpoint('eni-a')! },
    destination: parseIp('10.2.1.10')!,
    connections: ConnectionSet.tcp(PortSet.of(443)),
  });
}

describe('transit gateway peering (cloud-semantics §1.5)', () => {
  it('crosses both gateways each way: the side tables decide', () => {
    const v = aToB(true);
    expect(v.verdict).toBe('allowed');
    expect(transit(v.forward)).toEqual([
      'tgw-rtb-a1 forwarded 10.2.0.0/16 -> tgw-attach-p/to/tgw-b (peering to tgw-b)',
      'tgw-rtb-b2 forwarded 10.2.0.0/16 -> tgw-attach-b',
    ]);
    expect(transit(v.return)).toEqual([
      'tgw-rtb-b1 forwarded 10.1.0.0/16 -> tgw-attach-p/to/tgw-a (peering to tgw-a)',
      'tgw-rtb-a2 forwarded 10.1.0.0/16 -> tgw-attach-a',
    ]);
  });

  it('no static route back over the peering: blocked on the return leg at the far table', () => {
    expect(aToB(false).blockedAt).toEqual({
      kind: 'transit-gateway',
      resource: 'tgw-rtb-b1',
      direction: 'return',
    });
  });
});
