import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { CNI_NAMES, cniProfile } from '../engine/index.js';
import type { CniProfile } from '../model/index.js';
import { UsageError } from './errors.js';

/** What `rampart.yaml` says about clusters (DESIGN §6; issue #4 item 3). */
export interface ProjectConfig {
  readonly file: string;
  readonly clusters: readonly { readonly name: string; readonly cni: CniProfile }[];
}

const NAMES = ['rampart.yaml', 'rampart.yml'];

async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The first `rampart.yaml` beside the inputs (in a folder given, or next to a file given), else in cwd. */
async function findConfig(paths: readonly string[], cwd: string): Promise<string | undefined> {
  const dirs: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    dirs.push((await isFile(abs)) ? dirname(abs) : abs);
  }
  dirs.push(cwd);
  for (const d of dirs) for (const n of NAMES) if (await isFile(join(d, n))) return join(d, n);
  return undefined;
}

function bad(file: string, message: string): UsageError {
  return new UsageError(
    'APP_CONFIG_INVALID',
    `${file}: ${message}`,
    `Expected e.g.\nclusters:\n  - name: prod\n    cni: calico\nKnown CNIs: ${CNI_NAMES.join(', ')}.`,
  );
}

/** Read the project configuration, if there is one. A malformed file is a usage error, never ignored. */
export async function loadProjectConfig(
  paths: readonly string[],
  cwd = process.cwd(),
): Promise<ProjectConfig | undefined> {
  const file = await findConfig(paths, cwd);
  if (!file) return undefined;
  let doc: unknown;
  try {
    doc = parse(await readFile(file, 'utf8'), { maxAliasCount: 100 });
  } catch (err) {
    throw bad(file, `not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (doc === null || doc === undefined) return { file, clusters: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) throw bad(file, 'the top level must be a mapping');
  const list = (doc as Record<string, unknown>).clusters;
  if (list === undefined) return { file, clusters: [] };
  if (!Array.isArray(list)) throw bad(file, '`clusters` must be a list');
  const clusters = list.map((c, i) => {
    const entry = c as Record<string, unknown>;
    if (typeof entry !== 'object' || entry === null) throw bad(file, `clusters[${i}] must be a mapping`);
    const name = typeof entry.name === 'string' ? entry.name : 'default';
    if (typeof entry.cni !== 'string') throw bad(file, `clusters[${i}].cni must be a string`);
    const cni = cniProfile(entry.cni);
    if (!cni) throw bad(file, `clusters[${i}].cni: unknown CNI "${entry.cni}"`);
    return { name, cni };
  });
  return { file, clusters };
}
