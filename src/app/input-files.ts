import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** File extensions the importers read: JSON exports, and YAML (Kubernetes manifests, Helm output). */
const EXTENSIONS = ['.json', '.yaml', '.yml'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.rampart', '.terraform']);
/** Rampart's own configuration (declared intent, cluster profiles) is not an input. */
const SKIP_FILES = new Set(['rampart.yaml', 'rampart.yml']);

export interface InputFile {
  /** Absolute path, for reading. */
  readonly path: string;
  /** What users see in messages: relative to the working directory when inside it. */
  readonly display: string;
  readonly size: number;
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') ? rel : abs;
}

/**
 * Every input file under the given paths, sorted, each once. A missing path is a usage error; a
 * directory is walked recursively (hidden folders and node_modules skipped), symlinked dirs not followed.
 */
export async function listInputFiles(paths: readonly string[], cwd = process.cwd()): Promise<InputFile[]> {
  const seen = new Map<string, InputFile>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(abs);
    } catch {
      throw new UsageError(
        'APP_PATH_NOT_FOUND',
        `input path not found: ${p}`,
        'Give a file or folder with exported JSON.',
      );
    }
    if (st.isFile()) seen.set(abs, { path: abs, display: displayPath(abs, cwd), size: st.size });
    else if (st.isDirectory()) await walk(abs, cwd, seen);
    else
      throw new UsageError(
        'APP_PATH_NOT_FILE',
        `input path is neither a file nor a folder: ${p}`,
        'Save the export to a file first.',
      );
  }
  return [...seen.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

async function walk(dir: string, cwd: string, out: Map<string, InputFile>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await walk(abs, cwd, out);
    } else if (
      e.isFile() &&
      EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x)) &&
      !SKIP_FILES.has(e.name.toLowerCase()) &&
      !out.has(abs)
    ) {
      const st = await stat(abs);
      out.set(abs, { path: abs, display: displayPath(abs, cwd), size: st.size });
    }
  }
}
