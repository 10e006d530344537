/** Resolving `--from`/`--to` (DESIGN §6), including interface endpoints by id (cloud-semantics §1.6-2). */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { resolveParty } from './parties.js';
import { AwsTopology } from './topology.js';

const A = 'aws/111111111111/us-east-1';
const eni = (id: string, ip: string, extra: Record<string, unknown> = {}) => ({
  NetworkInterfaceId: id,
  SubnetId: 'subnet-a',
  VpcId: 'vpc-1',
  PrivateIpAddress: ip,
  ...extra,
});
const topo = new AwsTopology(
  importDocs({
    [`${A}/describe-network-interfaces.json`]: {
      NetworkInterfaces: [
        eni('eni-app', '10.0.1.10'),
        eni('eni-vpce-a', '10.0.1.20', {
          InterfaceType: 'vpc_endpoint',
          RequesterManaged: true,
          Description: 'VPC Endpoint Interface vpce-0123456789abcdef0',
        }),
      ],
    },
  }),
);

describe('resolveParty', () => {
  it('an interface endpoint id resolves to its network interface', () => {
    const p = resolveParty(topo, 'vpce-0123456789abcdef0');
    expect(p).toMatchObject({ kind: 'endpoint', viaPublic: false });
    expect('endpoint' in p && p.endpoint.id).toBe('eni-vpce-a');
  });

  it('a mistyped endpoint id lists it among the close matches', () => {
    expect(resolveParty(topo, 'vpce-0123456789abcdef1')).toEqual({
      error:
        'no instance, network interface, interface endpoint or address "vpce-0123456789abcdef1" in the inputs',
      suggestions: ['vpce-0123456789abcdef0'],
    });
  });

  it('an address inside the VPC is the interface that owns it; another one an internet host', () => {
    const own = resolveParty(topo, '10.0.1.10');
    expect('endpoint' in own && own.endpoint.id).toBe('eni-app');
    expect(resolveParty(topo, '8.8.8.8')).toMatchObject({ kind: 'internet' });
  });
});
