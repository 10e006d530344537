/** `rampart reach` (DESIGN §6 contract; issue #3 item 2) on examples/acme. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { cloudConformance } from './support.js';

const ACME = 'examples/acme/aws';

describe('rampart reach --format json', () => {
  it('prints one object: verdict, blockedAt {kind, resource, direction, rule?}, forward and return steps', async () => {
    const r = await runCli(
      'reach',
      ACME,
      '--from',
      'i-06f85986572718dd3',
      '--to',
      '10.10.20.112',
      '--port',
      '5432',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j.verdict).toBe('blocked');
    expect(j.blockedAt).toEqual({
      kind: 'network-acl',
      resource: 'acl-07f92144057242cc6',
      direction: 'return',
    });
    expect(Array.isArray(j.forward) && Array.isArray(j.return)).toBe(true);
    expect(j.query).toEqual({ from: 'i-06f85986572718dd3', to: '10.10.20.112', connections: 'tcp 5432' });
  });

  it('allowed verdicts have blockedAt null; a public IP means through the internet gateway', async () => {
    const r = await runCli(
      'reach',
      ACME,
      '--from',
      '203.0.113.50',
      '--to',
      '3.223.71.18',
      '--port',
      '22',
      '--format',
      'json',
    );
    const j = JSON.parse(r.out) as { verdict: string; blockedAt: unknown; forward: { kind: string }[] };
    expect([j.verdict, j.blockedAt]).toEqual(['allowed', null]);
    expect(j.forward[0]?.kind).toBe('nat');
  });

  it('internet as a source: allowed when some public address gets in, and says which', async () => {
    const r = await runCli(
      'reach',
      ACME,
      '--from',
      'internet',
      '--to',
      'i-0db756afc278d47b2',
      '--port',
      '22',
      '--format',
      'json',
    );
    const j = JSON.parse(r.out) as { verdict: string; internet: { admitted: string; refused: string } };
    expect(j.verdict).toBe('allowed');
    expect(j.internet.refused).toBe('none');
    const closed = JSON.parse(
      (
        await runCli(
          'reach',
          ACME,
          '--from',
          'internet',
          '--to',
          'i-0db756afc278d47b2',
          '--port',
          '3389',
          '--format',
          'json',
        )
      ).out,
    ) as { verdict: string; blockedAt: unknown };
    expect(closed.blockedAt).toEqual({
      kind: 'security-group',
      resource: 'sg-056d5290be24b1485',
      direction: 'forward',
    });
  });

  it('an interface without a public address cannot be reached from the internet (the latent 5432 rule)', async () => {
    const j = JSON.parse(
      (
        await runCli(
          'reach',
          ACME,
          '--from',
          'internet',
          '--to',
          '10.30.21.88',
          '--port',
          '5432',
          '--format',
          'json',
        )
      ).out,
    ) as { blockedAt: unknown };
    expect(j.blockedAt).toEqual({
      kind: 'no-public-address',
      resource: 'eni-0ff8cb11eeb03b78a',
      direction: 'forward',
    });
  });
});

describe('rampart reach text and errors', () => {
  it('prints a readable trace with the deciding rule at each hop', async () => {
    const r = await runCli(
      'reach',
      ACME,
      '--from',
      'eni-067e2be481420c322',
      '--to',
      '10.30.21.88',
      '--port',
      '5432',
    );
    expect(r.out.split('\n').slice(0, 5)).toEqual([
      'reach eni-067e2be481420c322 -> 10.30.21.88 (tcp 5432)',
      'verdict: BLOCKED at peering pcx-05f814062f89b7ea2 on the forward leg',
      '  forward:',
      '    allowed   filter    sg-0827eac725e3c6084 [sg-0827eac725e3c6084/egress/0]',
      '    forwarded route     rtb-0633ab000343ab1dc [10.30.0.0/16 -> pcx-05f814062f89b7ea2]',
    ]);
    expect(r.out).toContain(
      'denied    peering   pcx-05f814062f89b7ea2 - destination is not in the peer VPC (peering is not transitive)',
    );
  });

  it('an unknown resource is a usage error listing close matches; a missing port too', async () => {
    const r = await runCli('reach', ACME, '--from', 'i-06f85986572718dx', '--to', '10.0.0.1', '--port', '1');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'rampart: --from: no instance, network interface, interface endpoint or address "i-06f85986572718dx" in the inputs\n  hint: Close matches: i-06f85986572718dd3\n',
    );
    const noPort = await runCli('reach', ACME, '--from', 'i-06f85986572718dd3', '--to', '10.0.0.1');
    expect(noPort.code).toBe(2);
    expect(noPort.err).toContain('--port is required with --protocol tcp');
  });
});

describe('rampart reach to a load balancer (a hop: listener, node, new connection to a target)', () => {
  it('internet -> the ALB by name on 443: allowed, the trace joins the two connections at the ALB', async () => {
    const r = await runCli(
      'reach',
      ACME,
      '--from',
      'internet',
      '--to',
      'acme-prod-web',
      '--port',
      '443',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      verdict: string;
      forward: { kind: string; resource: string; to?: string }[];
    };
    expect(j.verdict).toBe('allowed');
    const hop = j.forward.find((s) => s.resource === 'app/acme-prod-web/f36098d0f13a9b1e');
    expect(hop).toMatchObject({ kind: 'nat', to: '10.10.10.21:8080' });
    expect(j.forward.at(-1)).toMatchObject({ kind: 'delivered', resource: 'eni-0f197778ee90525b4' });
  });

  it('a port without a listener is blocked at the load balancer', async () => {
    const r = await runCli(
      'reach',
      ACME,
      '--from',
      'internet',
      '--to',
      'app/acme-prod-web/f36098d0f13a9b1e',
      '--port',
      '22',
      '--format',
      'json',
    );
    const j = JSON.parse(r.out) as { verdict: string; blockedAt: unknown };
    expect(j.verdict).toBe('blocked');
    expect(j.blockedAt).toEqual({
      kind: 'endpoint',
      resource: 'app/acme-prod-web/f36098d0f13a9b1e',
      direction: 'forward',
    });
  });

  it('from the Terraform plan, whose ALB nodes are unknown: unknown, never blocked', async () => {
    const r = await runCli(
      'reach',
      'examples/acme/terraform',
      '--from',
      'internet',
      '--to',
      'acme-prod-web',
      '--port',
      '443',
      '--format',
      'json',
    );
    const j = JSON.parse(r.out) as { verdict: string; uncertain: string[] };
    expect(j.verdict).toBe('unknown');
    expect(j.uncertain).toEqual([
      'the node interfaces of app/acme-prod-web/f36098d0f13a9b1e are not in the inputs',
    ]);
  });
});

describe('rampart reach from the customer side of a VPN gateway', () => {
  const vpcDir = join(cloudConformance, 'batfish-aws-snapshots', 'test-public-private-subnet');
  /** `reach` on the snapshot, tcp/22, from `from` to `to`. */
  const ssh = (from: string, to: string, ...more: string[]) =>
    runCli('reach', vpcDir, '--from', from, '--to', to, '--protocol', 'tcp', '--port', '22', ...more);

  it('vgw-…@address enters the VPC through the gateway; the reply must route back to it', async () => {
    const r = await ssh('vgw-070087240d6fa2989@19.168.3.3', '10.0.1.204', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { verdict: string; return: { resource: string; action: string }[] };
    expect(j.verdict).toBe('allowed');
    expect(j.return.map((s) => `${s.resource} ${s.action}`)).toEqual([
      'rtb-002f0eabf583bf991 forwarded',
      'acl-0ae73e62fae564306 allowed',
      'vgw-070087240d6fa2989 allowed',
    ]);
    // The public subnet sends the reply to the internet gateway instead: blocked on the return leg.
    const pub = await ssh('vgw-070087240d6fa2989', '10.0.0.47', '--format', 'json');
    expect(JSON.parse(pub.out).blockedAt).toEqual({
      kind: 'route',
      resource: 'rtb-0d20fcae075afe460',
      direction: 'return',
      rule: '0.0.0.0/0 -> igw-0eac198308206c358',
    });
  });

  it('an unknown gateway is a usage error with close matches', async () => {
    const r = await ssh('vgw-nope', '10.0.1.204');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no VPN gateway "vgw-nope" in the inputs[\s\S]*vgw-070087240d6fa2989/);
  });
});
