/**
 * One benchmark measurement in a fresh process (so RSS is its own): `parse` = read every input file
 * and JSON.parse it (the floor); `import` = Rampart's full import (read, parse, convert, merge, link).
 * Prints one JSON line: {ms, maxRssMb, elements}.
 */
import { readFile } from 'node:fs/promises';
import { listInputFiles, loadEstate } from '../src/app/index.js';

const [mode, dir] = process.argv.slice(2);
if (!dir || (mode !== 'parse' && mode !== 'import')) {
  process.stderr.write('usage: bench-child parse|import DIR\n');
  process.exit(2);
}
const t0 = performance.now();
let elements = 0;
if (mode === 'parse') {
  for (const f of await listInputFiles([dir])) {
    const v = JSON.parse(await readFile(f.path, 'utf8')) as Record<string, unknown[]>;
    for (const list of Object.values(v)) elements += Array.isArray(list) ? list.length : 0;
  }
} else {
  const { estate } = await loadEstate([dir]);
  elements = estate.elements.length;
  if (estate.diagnostics.length > 0)
    throw new Error(`benchmark estate has ${estate.diagnostics.length} diagnostics`);
}
const ms = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, elements })}\n`,
);
