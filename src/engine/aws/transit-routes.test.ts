/** Transit gateway route tables (cloud-semantics §1.5-3/4) on examples/acme. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, listJson, repoRoot } from '../../../test/support.js';
import { parseIp } from '../../model/index.js';
import { AwsTopology } from './topology.js';
import { lookupTransit } from './transit-routes.js';

const acme = new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/aws'))));
const spoke = acme.estate.get('transit-route-table', 'tgw-rtb-0ec2021683790e05d')!;
const hub = acme.estate.get('transit-route-table', 'tgw-rtb-01df2fc44674fc7c0')!;
const pick = (t: typeof hub, dst: string) => {
  const l = lookupTransit(acme, t, parseIp(dst)!);
  return l.route
    ? `${l.matched} ${l.route.type} ${l.route.state} ${l.route.attachmentIds.join(',')}`
    : 'no-route';
};

describe('transit gateway lookups on examples/acme', () => {
  it('the spoke table reaches shared-services only; data is a static blackhole', () => {
    expect(pick(spoke, '10.0.11.53')).toBe('10.0.0.0/16 propagated active tgw-attach-0857dd8120acd5ddf');
    expect(pick(spoke, '10.30.21.88')).toBe('10.30.0.0/16 static blackhole ');
    expect(pick(spoke, '10.20.10.25')).toBe('no-route');
  });

  it('the hub table reaches every spoke', () => {
    expect(pick(hub, '10.10.10.21')).toBe('10.10.0.0/16 propagated active tgw-attach-0463cf0d9ed9d04a9');
    expect(pick(hub, '10.20.10.25')).toBe('10.20.0.0/16 propagated active tgw-attach-0fba1fa327cdfa29a');
    expect(pick(hub, '10.30.21.88')).toBe('10.30.0.0/16 propagated active tgw-attach-003479a2420009458');
  });

  it('derives propagated routes from propagations when the input lists none (Terraform plans)', () => {
    const tf = new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/terraform'))));
    const hubTf = tf.estate.get('transit-route-table', 'tgw-rtb-01df2fc44674fc7c0')!;
    const l = lookupTransit(tf, hubTf, parseIp('10.20.10.25')!);
    expect(`${l.matched} ${l.route?.type} ${l.route?.attachmentIds.join(',')}`).toBe(
      '10.20.0.0/16 propagated tgw-attach-0fba1fa327cdfa29a',
    );
  });
});
