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

function flowTo(dst: string, vpn?: { staticOnly: boolean; routes: string[] }) {
  const t = new AwsTopology(
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
        SecurityGroups: [{ GroupId: 'sg-1', VpcId: 'vpc-1', IpPermissions: [], IpPermissionsEgress: open }],
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
