/** `rampart blast-radius --from X` (DESIGN §6; issue #3 items 2 and 5) on examples/acme. */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

describe('rampart blast-radius', () => {
  it('text: sensitive targets first, each with its chain of footholds', async () => {
    const r = await runCli('blast-radius', 'examples/acme/aws', '--from', 'i-06143f3ee8926226f');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('holding eni-0697f5c7d29ba0bf6, an attacker reaches 3 endpoint(s)');
    expect(lines.filter((l) => /^(SENSITIVE|eni-)/.test(l) || l.startsWith('  chain:'))).toEqual([
      'SENSITIVE (every common data port open) eni-067e2be481420c322 (i-06cd757c91537d630) 10.20.10.25: tcp all in 1 hop(s)',
      '  chain: eni-0697f5c7d29ba0bf6 -> eni-067e2be481420c322',
      'SENSITIVE (database) eni-0ff8cb11eeb03b78a 10.30.21.88: tcp 5432 in 2 hop(s)',
      '  chain: eni-0697f5c7d29ba0bf6 -> eni-0ef9e30e7ca19de64 -> eni-0ff8cb11eeb03b78a',
      'eni-0ef9e30e7ca19de64 (i-0f42bacb34c862d52) 10.0.11.53: tcp 53; udp 53 in 1 hop(s)',
      '  chain: eni-0697f5c7d29ba0bf6 -> eni-0ef9e30e7ca19de64',
    ]);
  });

  it('json: {from, reached, undecided}; a private address works as --from', async () => {
    const r = await runCli('blast-radius', 'examples/acme/aws', '--from', '10.20.11.50', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { from: string; reached: { endpoint: string; hops: number }[] };
    expect(Object.keys(j)).toEqual(['from', 'reached', 'undecided']);
    expect(j.from).toBe('eni-0697f5c7d29ba0bf6');
    expect(j.reached.map((f) => [f.endpoint, f.hops])).toEqual([
      ['eni-067e2be481420c322', 1],
      ['eni-0ff8cb11eeb03b78a', 2],
      ['eni-0ef9e30e7ca19de64', 1],
    ]);
  });

  it('an unknown --from is one line with close matches; internet is refused with a pointer to exposure', async () => {
    const a = await runCli('blast-radius', 'examples/acme/aws', '--from', 'i-06143f3ee892622');
    expect(a.code).toBe(2);
    expect(a.err).toBe(
      'rampart: --from: no instance, network interface, interface endpoint or address "i-06143f3ee892622" in the inputs\n  hint: Close matches: i-06143f3ee8926226f\n',
    );
    const b = await runCli('blast-radius', 'examples/acme/aws', '--from', 'internet');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(
      /^rampart: --from: internet is not an interface inside the inputs\n {2}hint: .*rampart exposure/,
    );
  });
});
