/** Parity: every Kubernetes finding kind is documented in docs/k8s-findings.md with its severity, and back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { K8S_FINDING_KINDS } from '../src/engine/index.js';
import { repoRoot } from './support.js';

describe('docs/k8s-findings.md', () => {
  const doc = readFileSync(join(repoRoot, 'docs/k8s-findings.md'), 'utf8');
  const rows = new Map(
    [...doc.matchAll(/^\| `(k8s-[a-z0-9-]+)` +\| (\w+) +\|/gm)].map((m) => [m[1]!, m[2]!]),
  );

  it('lists every finding kind with its base severity', () => {
    expect(Object.fromEntries(K8S_FINDING_KINDS.map((k) => [k.id, rows.get(k.id)]))).toEqual(
      Object.fromEntries(K8S_FINDING_KINDS.map((k) => [k.id, k.severity])),
    );
  });

  it('lists no finding kind that does not exist', () => {
    const ids = new Set(K8S_FINDING_KINDS.map((k) => k.id));
    expect([...rows.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});
