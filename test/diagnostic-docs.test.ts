/** Parity (ESLint-style): every diagnostic code in src/ is documented in docs/diagnostics.md, and back. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support.js';

const CODE = /'((?:IMPORT|MODEL|APP)_[A-Z0-9_]+)'/g;

function sourceCodes(): Set<string> {
  const out = new Set<string>();
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.ts') && !n.endsWith('.test.ts'))
        for (const m of readFileSync(p, 'utf8').matchAll(CODE)) out.add(m[1]!);
    }
  };
  walk(join(repoRoot, 'src'));
  return out;
}

describe('docs/diagnostics.md', () => {
  const doc = readFileSync(join(repoRoot, 'docs/diagnostics.md'), 'utf8');
  const documented = new Set(
    [...doc.matchAll(/^\| `((?:IMPORT|MODEL|APP)_[A-Z0-9_]+)` +\|/gm)].map((m) => m[1]!),
  );
  const used = sourceCodes();

  it('documents every code the source emits', () => {
    expect([...used].filter((c) => !documented.has(c)).sort()).toEqual([]);
  });

  it('lists no code the source no longer emits', () => {
    expect([...documented].filter((c) => !used.has(c)).sort()).toEqual([]);
    expect(documented.size).toBeGreaterThan(30);
  });
});
