/** The bundled example estate (issue #2 item 7): it imports cleanly and holds the seeded problems. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, listJson, repoRoot } from './support.js';

const aws = importFiles(listJson(join(repoRoot, 'examples/acme/aws')));

describe('examples/acme (AWS CLI)', () => {
  it('imports without any diagnostic', () => {
    expect(aws.diagnostics.map((d) => `${d.code} ${d.source.file} ${d.message}`)).toEqual([]);
  });

  it('has 2 accounts, 4 VPCs and the expected inventory', () => {
    expect(new Set(aws.all('network').map((n) => n.account))).toEqual(
      new Set(['111111111111', '222222222222']),
    );
    expect(
      aws
        .all('network')
        .map((n) => `${n.name} ${n.cidrs.join(',')}`)
        .sort(),
    ).toEqual([
      'acme-data 10.30.0.0/16',
      'acme-prod 10.10.0.0/16',
      'acme-shared-services 10.0.0.0/16',
      'acme-staging 10.20.0.0/16',
    ]);
    expect(aws.counts()).toMatchObject({
      subnet: 23,
      instance: 8,
      'transit-route-table': 2,
      peering: 2,
      database: 2,
      'flow-log': 2,
    });
  });

  it('holds the seeded problems as data', () => {
    const bastion = aws.get('filter', 'sg-056d5290be24b1485');
    expect(
      bastion?.rules.some(
        (r) =>
          r.direction === 'ingress' &&
          r.peer.kind === 'cidr' &&
          r.peer.cidr === '0.0.0.0/0' &&
          r.connections.toString() === 'tcp 22',
      ),
    ).toBe(true);
    const dataDb = aws.get('filter', 'sg-027fadf5353538ac6');
    expect(
      dataDb?.rules.some(
        (r) =>
          r.peer.kind === 'cidr' && r.peer.cidr === '0.0.0.0/0' && r.connections.toString() === 'tcp 5432',
      ),
    ).toBe(true);
    // prod-app NACL: no inbound ephemeral range.
    const acl = aws.get('filter', 'acl-07f92144057242cc6');
    expect(
      acl?.rules
        .filter((r) => r.direction === 'ingress')
        .map((r) => `${r.priority} ${r.action} ${r.connections}`),
    ).not.toContain('allow tcp 1024-65535');
    // staging-private-b routes 0.0.0.0/0 to the internet gateway.
    const rt = aws.get('route-table', 'rtb-0162d11faff5461b1');
    expect(
      rt?.routes.some(
        (r) =>
          r.destination.kind === 'cidr' &&
          r.destination.cidr === '0.0.0.0/0' &&
          r.target.kind === 'internet-gateway',
      ),
    ).toBe(true);
    // The spoke TGW table blackholes the data VPC.
    const spoke = aws.get('transit-route-table', 'tgw-rtb-0ec2021683790e05d');
    expect(
      spoke?.routes.some(
        (r) =>
          r.state === 'blackhole' && r.destination.kind === 'cidr' && r.destination.cidr === '10.30.0.0/16',
      ),
    ).toBe(true);
    // Flow logs on prod and shared-services only.
    expect(
      aws
        .all('flow-log')
        .map((f) => f.resourceId)
        .sort(),
    ).toEqual(['vpc-0a1b2c3d4e5f60718', 'vpc-0a565546d745fa1b4']);
  });
});
