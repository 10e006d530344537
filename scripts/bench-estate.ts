import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateAwsEstate } from './synthetic/aws-estate.js';

/** The synthetic estate of `n` endpoints (seed 1) under bench-out/, written once and reused. */
export function ensureEstate(root: string, n: number): { dir: string; files: number; mb: number } {
  const dir = join(root, 'bench-out', `estate-${n}`);
  const files = generateAwsEstate(n, 1);
  let bytes = 0;
  for (const f of files) {
    const path = join(dir, f.path);
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${JSON.stringify(f.body, null, 2)}\n`);
    }
    bytes += statSync(path).size;
  }
  return { dir, files: files.length, mb: bytes / 1e6 };
}
