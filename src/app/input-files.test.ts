import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listInputFiles } from './input-files.js';

describe('listInputFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks folders for JSON and YAML manifests, skipping other files, hidden folders and rampart.yaml', async () => {
    mkdirSync(join(dir, 'k8s', 'charts'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    for (const f of [
      'aws.json',
      'k8s/deploy.yaml',
      'k8s/charts/out.YML',
      'notes.md',
      'k8s/x.txt',
      '.git/c.yaml',
      'rampart.yaml',
    ])
      writeFileSync(join(dir, f), '{}');
    const files = await listInputFiles([dir], dir);
    expect(files.map((f) => f.display)).toEqual(['aws.json', 'k8s/charts/out.YML', 'k8s/deploy.yaml']);
  });
});
