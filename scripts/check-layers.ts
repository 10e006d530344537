/** `npm run lint` step: fail when a file breaks the layer rules of DESIGN §1. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkLayers } from './layer-rules.js';

const root = join(import.meta.dirname, '..');

function collect(dir: string, out: Map<string, string>): void {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) collect(abs, out);
    } else if (/\.(ts|tsx)$/.test(name))
      out.set(relative(root, abs).split('\\').join('/'), readFileSync(abs, 'utf8'));
  }
}

const files = new Map<string, string>();
for (const top of ['src', 'web']) {
  try {
    collect(join(root, top), files);
  } catch {
    // web/ does not exist yet
  }
}
const violations = checkLayers(files);
for (const v of violations) process.stderr.write(`${v.file}:${v.line}: ${v.rule}: ${v.message}\n`);
process.stdout.write(`layer check: ${files.size} files, ${violations.length} violations\n`);
process.exitCode = violations.length > 0 ? 1 : 0;
