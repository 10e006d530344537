/**
 * `matrix` (DESIGN §6) and the equivalence classes behind it (DESIGN §3): on examples/acme the cells
 * are exact, and on a synthetic estate every sampled pair judged alone, without classes, agrees with
 * the cell the classes gave.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAwsEstate } from '../../../scripts/synthetic/aws-estate.js';
import { importDocs, importFiles, listJson, repoRoot } from '../../../test/support.js';
import { matrixOf, naivePair } from './matrix.js';
import { AwsTopology } from './topology.js';

describe('matrix on examples/acme', () => {
  const topo = new AwsTopology(importFiles(listJson(join(repoRoot, 'examples/acme/aws'))));

  it('by endpoint: the seeded problems show as cells (and as missing ones)', () => {
    const m = matrixOf(topo);
    const cell = (from: string, to: string) =>
      m.cells.find((c) => c.from === from && c.to === to)?.connections;
    // Problem 2: every TCP port from the legacy host to staging-app.
    expect(cell('eni-0697f5c7d29ba0bf6', 'eni-067e2be481420c322')).toBe('tcp all');
    // Problem 3: shared-services reaches analytics:5432 through the TGW hub table.
    expect(cell('eni-0ef9e30e7ca19de64', 'eni-0ff8cb11eeb03b78a')).toBe('tcp 5432');
    // Problem 4: the app hosts reach no database (replies dropped by the prod-app NACL).
    expect(cell('eni-0f197778ee90525b4', 'eni-0ff8cb11eeb03b78a')).toBeUndefined();
    // Replies over UDP die at the data-core NACL (rule 120 is TCP only): analytics gets DNS over TCP only.
    expect(cell('eni-0ff8cb11eeb03b78a', 'eni-0ef9e30e7ca19de64')).toBe('tcp 53');
    expect(m.cells).toHaveLength(19);
    expect(m.undecided).toEqual([]);
    expect(m.stats).toEqual({ endpoints: 12, classes: 12, classPairs: 132 });
  });

  it('by subnet: the union over the interfaces of each subnet pair', () => {
    const m = matrixOf(topo, 'subnet');
    expect(
      m.cells.find((c) => c.from === 'subnet-0696861e9575598a4' && c.to === 'subnet-02b2dd70a4f271291')
        ?.connections,
    ).toBe('tcp 22, 8080');
    expect(m.cells).toHaveLength(17);
  });
});

describe('equivalence classes against pair-by-pair evaluation', () => {
  const files = generateAwsEstate(500, 7);
  const topo = new AwsTopology(
    importDocs(Object.fromEntries(files.map((f) => [`synthetic/${f.path}`, f.body]))),
  );
  const m = matrixOf(topo);

  it('collapses the estate into fewer classes than endpoints', () => {
    expect(m.stats.classes).toBeLessThan(m.stats.endpoints);
  });

  it('agrees with every sampled pair judged alone (600 pairs, fixed seed)', () => {
    const ends = topo.estate
      .all('endpoint')
      .filter(
        (e) =>
          e.primaryPrivateIp && e.endpointKind !== 'nat-gateway' && e.endpointKind !== 'transit-attachment',
      );
    const cells = new Map(m.cells.map((c) => [`${c.from} ${c.to}`, c.connections]));
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % ends.length;
    };
    let nonEmpty = 0;
    for (let i = 0; i < 600; i++) {
      const a = ends[next()]!;
      const b = ends[next()]!;
      if (a === b) continue;
      const alone = naivePair(topo, a, b);
      if (!alone.isEmpty()) nonEmpty++;
      expect(`${a.id} ${b.id} ${cells.get(`${a.id} ${b.id}`) ?? 'none'}`).toBe(
        `${a.id} ${b.id} ${alone.isEmpty() ? 'none' : alone.toString()}`,
      );
    }
    // The sample must exercise allowed pairs too, or the comparison says little.
    expect(nonEmpty).toBeGreaterThan(20);
  });
});
