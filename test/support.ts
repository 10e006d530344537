/** Shared test helpers: paths to the shared conformance data and one-call imports. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createImportRun } from '../src/importers/index.js';
import { buildEstate, type Diagnostic, type Estate } from '../src/model/index.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `shared/` lies beside the checkout, in sessions and in CI. */
export const sharedRoot = join(repoRoot, '..', 'shared');
export const cloudConformance = join(sharedRoot, 'conformance', 'cloud');

export function listJson(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.json')) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Import files (paths shown relative to `base`) into one estate, as one run (like `loadEstate`). */
export function importFiles(paths: readonly string[], base = repoRoot): Estate {
  const run = createImportRun();
  const fragments = paths.flatMap((p) => run.importText(relative(base, p), readFileSync(p, 'utf8')));
  return buildEstate([...fragments, ...run.finish()]);
}

/** Import in-memory documents: `{ 'aws/111111111111/us-east-1/vpcs.json': {...} }`. */
export function importDocs(docs: Record<string, unknown>): Estate {
  const run = createImportRun();
  const fragments = Object.entries(docs).flatMap(([name, v]) =>
    run.importText(name, typeof v === 'string' ? v : JSON.stringify(v, null, 2)),
  );
  return buildEstate([...fragments, ...run.finish()]);
}

export function codes(diags: readonly Diagnostic[]): string[] {
  return diags.map(
    (d) => `${d.severity} ${d.code} ${d.source.file}:${d.source.line}:${d.source.column} ${d.source.pointer}`,
  );
}
