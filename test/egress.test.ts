/** `rampart egress` (DESIGN §6; issue #3 item 2) on examples/acme: text and JSON. */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

describe('rampart egress', () => {
  it('text: the ways out with their gateways, then the connections whose replies are dropped', async () => {
    const r = await runCli('egress', 'examples/acme/aws');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('2 way(s) out to public addresses');
    expect(lines.filter((l) => /^eni-/.test(l))).toEqual([
      'eni-01c71c8f221759e33 (i-0db756afc278d47b2): icmp 8/0; tcp all; udp all through igw-053630cdddd19ac51',
      'eni-0697f5c7d29ba0bf6 (i-06143f3ee8926226f): icmp 8/0; tcp all; udp all through igw-0abfe9d94b2f98130',
    ]);
    const dropped = lines.indexOf(
      'replies dropped (the connection gets out, the answer does not come back):',
    );
    expect(lines.slice(dropped + 1, dropped + 3)).toEqual([
      '  eni-00e0302c25f5e8446: tcp 443 through nat-020b3f9d0efb8036a -> igw-053630cdddd19ac51, at network-acl acl-07f92144057242cc6',
      '  eni-00e0302c25f5e8446: tcp 443 through vpce-092e3766d19fab27d, at network-acl acl-07f92144057242cc6',
    ]);
  });

  it('json: {paths, repliesDropped, undecided}', async () => {
    const r = await runCli('egress', 'examples/acme/aws', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { paths: { endpoint: string; via: string[] }[] };
    expect(Object.keys(j)).toEqual(['paths', 'repliesDropped', 'undecided']);
    expect(j.paths.map((p) => [p.endpoint, p.via])).toEqual([
      ['eni-01c71c8f221759e33', ['igw-053630cdddd19ac51']],
      ['eni-0697f5c7d29ba0bf6', ['igw-0abfe9d94b2f98130']],
    ]);
  });
});
