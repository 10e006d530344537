/** `rampart matrix` (DESIGN §6; issue #3 item 2) on examples/acme: csv and json. */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

describe('rampart matrix', () => {
  it('csv by subnet: a header, then one row per non-empty cell, quoted where a comma appears', async () => {
    const r = await runCli('matrix', 'examples/acme/aws', '--by', 'subnet');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('from,to,connections,undecided');
    expect(lines).toHaveLength(18);
    expect(lines).toContain('subnet-0696861e9575598a4,subnet-02b2dd70a4f271291,"tcp 22, 8080",');
    expect(lines).toContain('subnet-0536c82dea6596050,subnet-0d3f9ad9d12695090,tcp 53,');
  });

  it('json by endpoint: {by, cells, undecided, stats}', async () => {
    const r = await runCli('matrix', 'examples/acme/aws', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { by: string; cells: { from: string; to: string; connections: string }[] };
    expect(Object.keys(j)).toEqual(['by', 'cells', 'undecided', 'stats']);
    expect(j.by).toBe('endpoint');
    expect(j.cells[0]).toEqual({
      from: 'eni-00694a1c446fad2ed',
      to: 'eni-0697f5c7d29ba0bf6',
      connections: 'tcp 8080',
    });
  });

  it('an unknown --by is a usage error, exit 2', async () => {
    const r = await runCli('matrix', 'examples/acme/aws', '--by', 'zone');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--by/);
  });
});
