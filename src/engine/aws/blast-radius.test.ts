/**
 * `blast-radius` on examples/acme (seeded problems 2, 3, 4 and 5 of examples/acme/README.md): the
 * closure follows footholds across subnets, the transit gateway and peerings, and stops where a
 * stateless NACL drops the replies (cloud-semantics §1.2, §1.6).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, listJson, repoRoot } from '../../../test/support.js';
import { blastRadius, type Foothold } from './blast-radius.js';
import { AwsTopology } from './topology.js';

const topo = new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/aws'))));
const row = (f: Foothold) =>
  `${f.hops} ${f.chain.join('>')}>${f.endpoint} ${f.reaches}${f.sensitive ? ` [${f.sensitive}]` : ''}`;
const from = (eni: string) => blastRadius(topo, topo.endpoint(eni)!);

const LEGACY = 'eni-0697f5c7d29ba0bf6';
const DNS = 'eni-0ef9e30e7ca19de64';
const ANALYTICS = 'eni-0ff8cb11eeb03b78a';
const STAGING_APP = 'eni-067e2be481420c322';

describe('blast radius on examples/acme', () => {
  it('from the internet-exposed legacy host (problem 5): staging-app on every port (problem 2), then analytics:5432 through the DNS forwarder (problem 3)', () => {
    const r = from(LEGACY);
    expect(r.reached.map(row)).toEqual([
      `1 ${LEGACY}>${STAGING_APP} tcp all [every common data port open]`,
      `2 ${LEGACY}>${DNS}>${ANALYTICS} tcp 5432 [database]`,
      `1 ${LEGACY}>${DNS} tcp 53; udp 53`,
    ]);
    expect(r.undecided).toEqual([]);
    const last = r.reached[1]!.path.map((s) => `${s.resource}${s.rule ? ` ${s.rule}` : ''}`);
    // The hop into the data VPC goes through the hub table and is admitted by NACL rule 120.
    expect(last).toContain('tgw-rtb-01df2fc44674fc7c0 10.30.0.0/16 -> tgw-attach-003479a2420009458');
    expect(last).toContain('acl-06b01fedb623aad1c acl-06b01fedb623aad1c/ingress/120');
  });

  it('from the bastion: the app hosts on 22 and the ALB, but no further (problem 4 stops the app hosts reaching the databases)', () => {
    expect(from('eni-01c71c8f221759e33').reached.map(row)).toEqual([
      '1 eni-01c71c8f221759e33>eni-00c3ccaa98eaa967a tcp 80, 443',
      '1 eni-01c71c8f221759e33>eni-00e0302c25f5e8446 tcp 22',
      '1 eni-01c71c8f221759e33>eni-03c7fc626f2cb5427 tcp 80, 443',
      '1 eni-01c71c8f221759e33>eni-0f197778ee90525b4 tcp 22',
    ]);
  });

  it('a reached database is a target, never a foothold: no chain runs through analytics', () => {
    const r = from(LEGACY);
    expect(r.reached.some((f) => f.endpoint === ANALYTICS)).toBe(true);
    expect(r.reached.some((f) => f.chain.includes(ANALYTICS))).toBe(false);
  });
});
