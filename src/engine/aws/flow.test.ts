/**
 * Connection verdicts on examples/acme: the seeded problems (examples/acme/README.md) found with their
 * deciding steps. Semantics: cloud-semantics §1.1-§1.4, §7 items 1, 3, 5, 8.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocs, importFiles, listJson, repoRoot } from '../../../test/support.js';
import { ConnectionSet, PortSet, parseIp } from '../../model/index.js';
import type { Step, Verdict } from '../trace.js';
import { evaluateFlow } from './flow.js';
import { AwsTopology } from './topology.js';

const acme = new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/aws'))));
const tcp = (port: number) => ConnectionSet.tcp(PortSet.of(port));
const show = (steps: readonly Step[]) =>
  steps.map(
    (s) =>
      `${s.kind} ${s.resource} ${s.action}${s.rule ? ` ${s.rule}` : ''}${s.passes ? ` passes ${s.passes}` : ''}`,
  );

function fromEni(eniId: string, dst: string, conns = tcp(5432)): Verdict {
  return evaluateFlow(acme, {
    source: { kind: 'endpoint', endpoint: acme.endpoint(eniId)! },
    destination: parseIp(dst)!,
    connections: conns,
  });
}
function fromInternet(client: string, dst: string, conns: ConnectionSet): Verdict {
  return evaluateFlow(acme, {
    source: { kind: 'internet', address: parseIp(client)! },
    destination: parseIp(dst)!,
    connections: conns,
  });
}

const APP1 = 'eni-0f197778ee90525b4';

describe('examples/acme connections', () => {
  it('app -> prod-db 5432 gets there, but the reply dies at the prod-app NACL (no ephemeral range inbound)', () => {
    const v = fromEni(APP1, '10.10.20.112');
    expect(v.verdict).toBe('blocked');
    expect(v.blockedAt).toEqual({
      kind: 'network-acl',
      resource: 'acl-07f92144057242cc6',
      direction: 'return',
    });
    expect(show(v.forward)).toEqual([
      'filter sg-06494a0cea2b0aff3 allowed sg-06494a0cea2b0aff3/egress/2',
      'route rtb-05e75d0739a582d4b forwarded 10.10.0.0/16 -> local',
      'filter acl-07f92144057242cc6 allowed acl-07f92144057242cc6/egress/100',
      'filter acl-0784616cafcaf7b8e allowed acl-0784616cafcaf7b8e/ingress/100',
      'filter sg-0605740de146c1907 allowed sg-0605740de146c1907/ingress/0',
      'delivered eni-0f2ee4f5f1a221456 allowed',
    ]);
    expect(show(v.return)).toEqual([
      'filter acl-0784616cafcaf7b8e allowed acl-0784616cafcaf7b8e/egress/100',
      'route rtb-0c86dd8421c049ed4 forwarded 10.10.0.0/16 -> local',
      'filter acl-07f92144057242cc6 denied passes none',
    ]);
  });

  it('app -> analytics over the prod-data peering: forward allowed, reply blocked at the same NACL', () => {
    const v = fromEni(APP1, '10.30.21.88');
    expect(v.blockedAt).toEqual({
      kind: 'network-acl',
      resource: 'acl-07f92144057242cc6',
      direction: 'return',
    });
    expect(show(v.forward).filter((s) => s.startsWith('peering') || s.startsWith('delivered'))).toEqual([
      'peering pcx-0a1d7c76771f4c8bb forwarded',
      'delivered eni-0ff8cb11eeb03b78a allowed',
    ]);
    expect(show(v.return)[1]).toBe(
      'route rtb-0f7d00c04cc92bcd7 forwarded 10.10.0.0/16 -> pcx-0a1d7c76771f4c8bb',
    );
  });

  it('staging -> data through prod is not transitive: blocked at the staging-prod peering', () => {
    const v = fromEni('eni-067e2be481420c322', '10.30.21.88');
    expect(v.verdict).toBe('blocked');
    expect(v.blockedAt).toEqual({ kind: 'peering', resource: 'pcx-05f814062f89b7ea2', direction: 'forward' });
  });

  it('etl-worker -> analytics across the data subnets is allowed both ways', () => {
    const v = fromEni('eni-02d6384c953c7bd41', '10.30.21.88');
    expect(v.verdict).toBe('allowed');
    expect(v.blockedAt).toBeNull();
    expect(show(v.return).at(-1)).toBe('delivered eni-02d6384c953c7bd41 allowed');
  });

  it('the internet reaches the bastion on 22 through its Elastic IP', () => {
    const v = fromInternet('198.51.100.7', '3.223.71.18', tcp(22));
    expect(v.verdict).toBe('allowed');
    expect(show(v.forward)).toEqual([
      'nat igw-053630cdddd19ac51 forwarded',
      'filter acl-0784616cafcaf7b8e allowed acl-0784616cafcaf7b8e/ingress/100',
      'filter sg-056d5290be24b1485 allowed sg-056d5290be24b1485/ingress/0',
      'delivered eni-01c71c8f221759e33 allowed',
    ]);
    expect(show(v.return)).toEqual([
      'filter acl-0784616cafcaf7b8e allowed acl-0784616cafcaf7b8e/egress/100',
      'route rtb-04c84553be6fccab4 forwarded 0.0.0.0/0 -> igw-053630cdddd19ac51',
      'delivered 198.51.100.7 allowed',
    ]);
  });

  it('the "private" staging subnet routed to the internet gateway exposes legacy-reporting on 8080, not 22', () => {
    expect(fromInternet('198.51.100.7', '54.160.93.47', tcp(8080)).verdict).toBe('allowed');
    const ssh = fromInternet('198.51.100.7', '54.160.93.47', tcp(22));
    expect(ssh.blockedAt).toEqual({
      kind: 'security-group',
      resource: 'sg-01255c35f2ba164ec',
      direction: 'forward',
    });
  });

  it('the bastion reaches the internet through the gateway with its public address', () => {
    const v = fromEni('eni-01c71c8f221759e33', '8.8.8.8', tcp(443));
    expect(v.verdict).toBe('allowed');
    expect(v.forward.find((s) => s.kind === 'nat')).toMatchObject({ from: '10.10.0.10', to: '3.223.71.18' });
  });

  it('app -> internet goes out through the NAT gateway, and the reply is dropped by the prod-app NACL', () => {
    const v = fromEni(APP1, '8.8.8.8', tcp(443));
    expect(v.blockedAt).toEqual({
      kind: 'network-acl',
      resource: 'acl-07f92144057242cc6',
      direction: 'return',
    });
    expect(show(v.forward)).toEqual([
      'filter sg-06494a0cea2b0aff3 allowed sg-06494a0cea2b0aff3/egress/0',
      'route rtb-05e75d0739a582d4b forwarded 0.0.0.0/0 -> nat-020b3f9d0efb8036a',
      'filter acl-07f92144057242cc6 allowed acl-07f92144057242cc6/egress/100',
      'filter acl-0784616cafcaf7b8e allowed acl-0784616cafcaf7b8e/ingress/100',
      'nat nat-020b3f9d0efb8036a forwarded',
      'route rtb-04c84553be6fccab4 forwarded 0.0.0.0/0 -> igw-053630cdddd19ac51',
      'filter acl-0784616cafcaf7b8e allowed acl-0784616cafcaf7b8e/egress/100',
      'nat igw-053630cdddd19ac51 forwarded',
      'delivered 8.8.8.8 allowed',
    ]);
    expect(show(v.return)).toEqual([
      'filter acl-0784616cafcaf7b8e allowed acl-0784616cafcaf7b8e/ingress/100',
      'filter acl-0784616cafcaf7b8e allowed acl-0784616cafcaf7b8e/egress/100',
      'nat nat-020b3f9d0efb8036a forwarded',
      'filter acl-07f92144057242cc6 denied passes none',
    ]);
    // The address the internet sees is the gateway's Elastic IP.
    expect(
      v.forward.filter((s) => s.kind === 'nat').map((s) => (s.kind === 'nat' ? `${s.from} -> ${s.to}` : '')),
    ).toEqual(['10.10.10.21 -> 10.10.0.45', '10.10.0.45 -> 44.207.131.5']);
  });

  it('through the NAT gateway to another public address: the gateway and group of the destination decide (§1.3-7)', () => {
    // app -> legacy-reporting's public IP on 443: out via NAT and the prod IGW, in via the staging IGW,
    // refused by staging-legacy (8080 only), not waved through as an internet host.
    const v = fromEni(APP1, '54.160.93.47', tcp(443));
    expect(v.blockedAt).toEqual({
      kind: 'security-group',
      resource: 'sg-01255c35f2ba164ec',
      direction: 'forward',
    });
    expect(show(v.forward).slice(-4)).toEqual([
      'nat igw-053630cdddd19ac51 forwarded',
      'nat igw-0abfe9d94b2f98130 forwarded',
      'filter acl-05f8a86c17a2c8bd9 allowed acl-05f8a86c17a2c8bd9/ingress/100',
      'filter sg-01255c35f2ba164ec denied passes none',
    ]);
  });

  it('through the NAT gateway to a private address no route names: dropped past the internet gateway', () => {
    const v = fromEni(APP1, '172.16.5.5', tcp(443));
    expect(v.blockedAt).toEqual({
      kind: 'internet-gateway',
      resource: 'igw-053630cdddd19ac51',
      direction: 'forward',
    });
  });

  it('a NAT gateway carries TCP, UDP and ICMP only (cloud-semantics §1.3-8)', () => {
    const gre = fromEni(APP1, '8.8.8.8', ConnectionSet.protocol(47));
    // The app's group does not even let GRE out; the SG decides first.
    expect(gre.blockedAt).toEqual({
      kind: 'security-group',
      resource: 'sg-06494a0cea2b0aff3',
      direction: 'forward',
    });
  });

  it('shared-services reaches analytics through the hub table; the reply comes back through the spoke table', () => {
    const v = fromEni('eni-00694a1c446fad2ed', '10.30.21.88');
    expect(v.verdict).toBe('allowed');
    expect(show(v.forward).filter((x) => x.startsWith('transit') || x.startsWith('route'))).toEqual([
      'route rtb-027f666cd6d3b4b4c forwarded 10.0.0.0/8 -> tgw-09d7f8e1f9c152c8b',
      'transit tgw-rtb-01df2fc44674fc7c0 forwarded 10.30.0.0/16 -> tgw-attach-003479a2420009458',
    ]);
    expect(show(v.return).filter((x) => x.startsWith('transit') || x.startsWith('route'))).toEqual([
      'route rtb-0f7d00c04cc92bcd7 forwarded 10.0.0.0/16 -> tgw-09d7f8e1f9c152c8b',
      'transit tgw-rtb-0ec2021683790e05d forwarded 10.0.0.0/16 -> tgw-attach-0857dd8120acd5ddf',
    ]);
  });

  it('through the transit gateway the destination group still decides (ci-runner has no inbound rules)', () => {
    expect(fromEni(APP1, '10.0.10.30', tcp(443)).blockedAt).toEqual({
      kind: 'security-group',
      resource: 'sg-0defe84cfd3dd63f3',
      direction: 'forward',
    });
  });

  it('the data VPC has no route to staging', () => {
    expect(fromEni('eni-02d6384c953c7bd41', '10.20.10.25', tcp(443)).blockedAt).toEqual({
      kind: 'route',
      resource: 'rtb-0f7d00c04cc92bcd7',
      direction: 'forward',
    });
  });

  it('S3 through the gateway endpoint: the prefix-list route, the app group allows 443 anywhere, the reply is dropped by the prod-app NACL', () => {
    const v = fromEni(APP1, '52.217.1.1', tcp(443));
    expect(v.forward.find((x) => x.kind === 'gateway')).toMatchObject({
      resource: 'vpce-092e3766d19fab27d',
      note: 'com.amazonaws.us-east-1.s3',
    });
    expect(v.blockedAt).toEqual({
      kind: 'network-acl',
      resource: 'acl-07f92144057242cc6',
      direction: 'return',
    });
  });

  it('a path through an element not modelled yet is unknown, never blocked (appliance routes)', () => {
    const A = 'aws/111111111111/us-east-1';
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
              Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NetworkInterfaceId: 'eni-fw', State: 'active' }],
            },
          ],
        },
        [`${A}/sg.json`]: {
          SecurityGroups: [
            {
              GroupId: 'sg-1',
              VpcId: 'vpc-1',
              IpPermissions: [],
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
              Groups: [{ GroupId: 'sg-1' }],
            },
          ],
        },
      }),
    );
    const v = evaluateFlow(t, {
      source: { kind: 'endpoint', endpoint: t.endpoint('eni-1')! },
      destination: parseIp('8.8.8.8')!,
      connections: tcp(443),
    });
    expect(v.verdict).toBe('unknown');
    expect(v.blockedAt).toBeNull();
    expect(v.uncertain).toEqual(['route target network-interface eni-fw is not modelled yet']);
  });
});

describe('Amazon-provided services (cloud-semantics §1.1-12)', () => {
  it('DNS at the VPC base + 2 and the metadata service answer even where groups would not allow it', () => {
    // prod-db's group has no egress rules at all.
    for (const dst of ['10.10.0.2', '169.254.169.254']) {
      const v = fromEni('eni-0f2ee4f5f1a221456', dst, ConnectionSet.udp(PortSet.of(53)));
      expect(v.verdict).toBe('allowed');
      expect(v.forward.map((s) => s.note)).toEqual(['Amazon-provided service, not filtered']);
    }
    expect(
      fromEni('eni-0f2ee4f5f1a221456', '10.10.0.3', ConnectionSet.udp(PortSet.of(53))).blockedAt?.kind,
    ).toBe('security-group');
  });
});
