/**
 * A route to a virtual private gateway (Batfish test-public-private-subnet): the gateway forwards only
 * toward its VPN connections' prefixes. Static routes only and none covers the destination: dropped
 * at the gateway, certain. Covered, BGP, or connections not exported: unknown, never blocked.
 */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ConnectionSet, PortSet, parseIp } from '../../model/index.js';
import { evaluateFlow } from './flow.js';
import { AwsTopology } from './topology.js';

const A = 'aws/111111111111/us-east-1';
const open = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];

function estate(vpn?: { staticOnly: boolean; routes: string[] }, routeBack = true) {
  return new AwsTopology(
    importDocs({
      [`${A}/vpcs.json`]: { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] },
      [`${A}/subnets.json`]: {
        Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }],
      },
      [`${A}/rt.json`]: {
        RouteTables: [
          {
            RouteTableId: 'rtb-1',
            VpcId: 'vpc-1',
            Associations: [{ Main: true }],
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
              { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'vgw-1', State: 'active' },
              ...(routeBack
                ? []
                : [
                    {
                      DestinationCidrBlock: '19.168.0.0/16',
                      GatewayId: 'vgw-deleted',
                      State: 'blackhole',
                    },
                  ]),
            ],
          },
        ],
      },
      [`${A}/vgw.json`]: {
        VpnGateways: [
          {
            VpnGatewayId: 'vgw-1',
            State: 'available',
            VpcAttachments: [{ VpcId: 'vpc-1', State: 'attached' }],
          },
        ],
      },
      ...(vpn
        ? {
            [`${A}/vpn.json`]: {
              VpnConnections: [
                {
                  VpnConnectionId: 'vpn-1',
                  VpnGatewayId: 'vgw-1',
                  State: 'available',
                  Options: { StaticRoutesOnly: vpn.staticOnly },
                  Routes: vpn.routes.map((r) => ({ DestinationCidrBlock: r, State: 'available' })),
                },
              ],
            },
          }
        : {}),
      [`${A}/sg.json`]: {
        SecurityGroups: [
          {
            GroupId: 'sg-1',
            VpcId: 'vpc-1',
            IpPermissions: [
              { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '19.168.0.0/16' }] },
            ],
            IpPermissionsEgress: open,
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
            Groups: [{ GroupId: 'sg-1' }],
          },
        ],
      },
    }),
  );
}

function flowTo(dst: string, vpn?: { staticOnly: boolean; routes: string[] }) {
  const t = estate(vpn);
  return evaluateFlow(t, {
    source: { kind: 'endpoint', endpoint: t.endpoint('eni-1')! },
    destination: parseIp(dst)!,
    connections: ConnectionSet.tcp(PortSet.of(443)),
  });
}

describe('routes to a VPN gateway', () => {
  it('static routes only, none covers the destination: dropped at the gateway', () => {
    const v = flowTo('8.8.8.8', { staticOnly: true, routes: ['19.168.0.0/16'] });
    expect(v.verdict).toBe('blocked');
    expect(v.blockedAt).toEqual({ kind: 'route', resource: 'vgw-1', direction: 'forward' });
    expect(v.forward.at(-1)?.note).toBe(
      'no VPN connection of vgw-1 routes 8.8.8.8 (static routes only: 19.168.0.0/16)',
    );
  });

  it('a covered prefix, a BGP connection or no connection listing: unknown, never blocked', () => {
    expect(flowTo('19.168.4.4', { staticOnly: true, routes: ['19.168.0.0/16'] }).uncertain).toEqual([
      '19.168.4.4 is reached over vpn-1; the network beyond the VPN is not modelled',
    ]);
    expect(flowTo('8.8.8.8', { staticOnly: false, routes: [] }).verdict).toBe('unknown');
    expect(flowTo('8.8.8.8').uncertain).toEqual([
      'vgw-1 leads to a VPN whose connections are not in the inputs (export describe-vpn-connections)',
    ]);
  });
});

describe('traffic entering through a VPN gateway', () => {
  const fromSite = (dst: string, port: number, routeBack: boolean) =>
    evaluateFlow(estate({ staticOnly: true, routes: ['19.168.0.0/16'] }, routeBack), {
      source: { kind: 'vpn', gatewayId: 'vgw-1', address: parseIp('19.168.0.9')! },
      destination: parseIp(dst)!,
      connections: ConnectionSet.tcp(PortSet.of(port)),
    });

  it('reaches an interface its group admits, and the reply goes back through the gateway', () => {
    const v = fromSite('10.0.1.5', 22, true);
    expect(v.blockedAt).toBeNull();
    expect(v.verdict).toBe('allowed');
    expect(v.return.map((s) => `${s.kind} ${s.resource} ${s.action}`)).toEqual([
      'route rtb-1 forwarded',
      'delivered vgw-1 allowed',
    ]);
  });

  it('the group decides (DENIED_IN); outside the VPC nothing routes; no route back blocks the reply', () => {
    expect(fromSite('10.0.1.5', 80, true).blockedAt).toEqual({
      kind: 'security-group',
      resource: 'sg-1',
      direction: 'forward',
    });
    expect(fromSite('13.58.55.60', 22, true).blockedAt).toEqual({
      kind: 'route',
      resource: 'vgw-1',
      direction: 'forward',
    });
    expect(fromSite('10.0.1.5', 22, false).blockedAt).toMatchObject({
      kind: 'route',
      resource: 'rtb-1',
      direction: 'return',
    });
  });
});
