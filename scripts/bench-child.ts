/**
 * One benchmark measurement in a fresh process (so RSS is its own): `parse` = read every input file
 * and JSON.parse it (the floor); `import` = Rampart's full import (read, parse, convert, merge, link).
 * With `--warm N`, the same work runs N times first and the run after is measured (steady state, as in
 * a long-running server); without it, the first run is measured (what one CLI invocation costs).
 * Prints one JSON line: {ms, maxRssMb, elements}.
 */
import { readFile } from 'node:fs/promises';
import { listInputFiles, loadEstate } from '../src/app/index.js';

const [mode, dir, warmFlag, warmN] = process.argv.slice(2);
if (!dir || (mode !== 'parse' && mode !== 'import')) {
  process.stderr.write('usage: bench-child parse|import DIR [--warm N]\n');
  process.exit(2);
}
const warm = warmFlag === '--warm' ? Number(warmN ?? 2) : 0;

async function once(): Promise<number> {
  let elements = 0;
  if (mode === 'parse') {
    for (const f of await listInputFiles([dir!])) {
      const v = JSON.parse(await readFile(f.path, 'utf8')) as Record<string, unknown[]>;
      for (const list of Object.values(v)) elements += Array.isArray(list) ? list.length : 0;
    }
  } else {
    const { estate } = await loadEstate([dir!]);
    elements = estate.elements.length;
    if (estate.diagnostics.length > 0)
      throw new Error(`benchmark estate has ${estate.diagnostics.length} diagnostics`);
  }
  return elements;
}

for (let i = 0; i < warm; i++) await once();
const t0 = performance.now();
const elements = await once();
const ms = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, elements })}\n`,
);
