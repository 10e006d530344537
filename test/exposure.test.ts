/** `rampart exposure` (DESIGN §6; issue #3 items 2 and 5) on examples/acme: text and JSON. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

describe('rampart exposure', () => {
  it('text: a count, then one headline per exposure with the traffic, how, and from where', async () => {
    const r = await runCli('exposure', 'examples/acme/aws');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('8 internet exposure(s)');
    expect(lines.filter((l) => /^\S/.test(l) && l !== lines[0])).toEqual([
      'eni-00c3ccaa98eaa967a (app/acme-prod-web/f36098d0f13a9b1e): tcp 80, 443 directly at 52.4.220.61',
      'eni-00e0302c25f5e8446 (i-09b58b49d16761fe3): tcp 8080 through load balancer app/acme-prod-web/f36098d0f13a9b1e listener 443 at 34.197.12.88',
      'eni-00e0302c25f5e8446 (i-09b58b49d16761fe3): tcp 8080 through load balancer app/acme-prod-web/f36098d0f13a9b1e listener 443 at 52.4.220.61',
      'eni-01c71c8f221759e33 (i-0db756afc278d47b2): tcp 22 directly at 3.223.71.18',
      'eni-03c7fc626f2cb5427 (app/acme-prod-web/f36098d0f13a9b1e): tcp 80, 443 directly at 34.197.12.88',
      'eni-0697f5c7d29ba0bf6 (i-06143f3ee8926226f): tcp 8080 directly at 54.160.93.47',
      'eni-0f197778ee90525b4 (i-06f85986572718dd3): tcp 8080 through load balancer app/acme-prod-web/f36098d0f13a9b1e listener 443 at 34.197.12.88',
      'eni-0f197778ee90525b4 (i-06f85986572718dd3): tcp 8080 through load balancer app/acme-prod-web/f36098d0f13a9b1e listener 443 at 52.4.220.61',
    ]);
    // The bastion block: sources, then the path with the deciding rules.
    const at = lines.indexOf('eni-01c71c8f221759e33 (i-0db756afc278d47b2): tcp 22 directly at 3.223.71.18');
    expect(lines.slice(at + 1, at + 7)).toEqual([
      '  from any public address',
      '  path:',
      '    forwarded nat       igw-053630cdddd19ac51 3.223.71.18 -> 10.10.0.10',
      '    allowed   filter    acl-0784616cafcaf7b8e [acl-0784616cafcaf7b8e/ingress/100]',
      '    allowed   filter    sg-056d5290be24b1485 [sg-056d5290be24b1485/ingress/0]',
      '    allowed   delivered eni-01c71c8f221759e33',
    ]);
  });

  it('json: {exposures, notes}; each exposure names endpoint, via, address, reaches, sources and path', async () => {
    const r = await runCli('exposure', 'examples/acme/terraform', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { exposures: Record<string, unknown>[]; notes: string[] };
    expect(Object.keys(j)).toEqual(['exposures', 'notes']);
    expect(j.exposures.map((x) => [x.endpoint, x.via, x.address, x.reaches, x.anySource])).toEqual([
      ['eni-01c71c8f221759e33', 'direct', '3.223.71.18', 'tcp 22', true],
      ['eni-0697f5c7d29ba0bf6', 'direct', '54.160.93.47', 'tcp 8080', true],
    ]);
    expect(j.notes).toHaveLength(1);
  });

  it('a missing path is one clear line and exit 2', async () => {
    const r = await runCli('exposure', 'no/such/dir');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^rampart: .*no\/such\/dir/);
  });
});

describe('rampart exposure with a broken input file', () => {
  it('answers from the rest and names the bad file on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-exposure-'));
    cpSync('examples/acme/aws', join(dir, 'aws'), { recursive: true });
    writeFileSync(join(dir, 'aws', 'broken.json'), '{"Vpcs": [');
    const r = await runCli('exposure', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('i-0db756afc278d47b2');
    expect(r.err).toMatch(/broken\.json:1:\d+ fatal IMPORT_JSON_SYNTAX/);
  });
});
