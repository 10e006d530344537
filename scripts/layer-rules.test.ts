import { describe, expect, it } from 'vitest';
import { checkLayers, layerOf } from './layer-rules.js';

function check(files: Record<string, string>) {
  return checkLayers(new Map(Object.entries(files))).map((v) => `${v.file}:${v.line} ${v.rule}`);
}

describe('layer rules (DESIGN §1)', () => {
  it('maps files to layers, most specific first', () => {
    expect(layerOf('src/model/net/ip-set.ts')).toBe('model/net');
    expect(layerOf('src/model/estate.ts')).toBe('model');
    expect(layerOf('src/flows/parsers/aws.ts')).toBe('flows/parsers');
    expect(layerOf('scripts/x.ts')).toBeUndefined();
  });

  it('accepts a downward import through an index', () => {
    expect(check({ 'src/engine/reach.ts': "import { Estate } from '../model/index.js';\n" })).toEqual([]);
  });

  it('fails an upward import (model importing the engine)', () => {
    expect(check({ 'src/model/estate.ts': "\nimport { reach } from '../engine/index.js';\n" })).toEqual([
      'src/model/estate.ts:2 layer',
    ]);
  });

  it('fails model/net importing the rest of the model', () => {
    expect(check({ 'src/model/net/ip-set.ts': "import type { Network } from '../index.js';" })).toEqual([
      'src/model/net/ip-set.ts:1 layer',
    ]);
  });

  it('fails a cross-folder import that bypasses index.ts', () => {
    expect(check({ 'src/engine/reach.ts': "import { buildEstate } from '../model/estate.js';" })).toEqual([
      'src/engine/reach.ts:1 index-only',
    ]);
  });

  it('fails one importer importing another', () => {
    expect(
      check({ 'src/importers/terraform/convert.ts': "import { convertVpc } from '../aws-cli/index.js';" }),
    ).toEqual(['src/importers/terraform/convert.ts:1 importer-isolation']);
  });

  it('fails file system, process and clock use in pure layers, but not in tests or app', () => {
    expect(
      check({
        'src/importers/aws-cli/read.ts':
          "import { readFileSync } from 'node:fs';\nconst t = Date.now();\nprocess.exit(1);",
        'src/importers/aws-cli/read.test.ts': "import { readFileSync } from 'node:fs';",
        'src/app/load.ts': "import { readFile } from 'node:fs/promises';\nprocess.cwd();",
      }),
    ).toEqual([
      'src/importers/aws-cli/read.ts:1 pure-layer',
      'src/importers/aws-cli/read.ts:2 pure-layer',
      'src/importers/aws-cli/read.ts:3 pure-layer',
    ]);
  });

  it('fails one check importing another', () => {
    expect(
      check({
        'src/checks/aws/ec2/no-public-ssh/check.ts': "import { x } from '../no-public-rdp/check.js';",
      }),
    ).toEqual([
      'src/checks/aws/ec2/no-public-ssh/check.ts:1 index-only',
      'src/checks/aws/ec2/no-public-ssh/check.ts:1 check-isolation',
    ]);
  });

  it('reports import cycles', () => {
    expect(
      check({
        'src/model/a.ts': "import { b } from './b.js';",
        'src/model/b.ts': "export { a } from './a.js';",
      }),
    ).toEqual(['src/model/a.ts:1 no-cycle']);
  });

  it('lets the web UI import only the contract', () => {
    expect(check({ 'web/src/app.ts': "import { scan } from '../../src/app/index.js';" })).toEqual([
      'web/src/app.ts:1 layer',
    ]);
  });
});
