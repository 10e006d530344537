import { readFile } from 'node:fs/promises';
import { defaultLimits, type InputLimits, importText } from '../importers/index.js';
import { buildEstate, type Estate, type Fragment, fixedSource } from '../model/index.js';
import { type InputFile, listInputFiles } from './input-files.js';

export interface LoadedEstate {
  readonly estate: Estate;
  readonly files: readonly InputFile[];
}

export interface LoadOptions {
  readonly limits?: InputLimits;
  readonly cwd?: string;
}

/** Read every input under `paths` and build one estate. The only step of an import that does I/O. */
export async function loadEstate(paths: readonly string[], opts: LoadOptions = {}): Promise<LoadedEstate> {
  const limits = opts.limits ?? defaultLimits;
  const files = await listInputFiles(paths, opts.cwd);
  const fragments: Fragment[] = [];
  for (const f of files) {
    if (f.size > limits.maxBytes) {
      fragments.push({
        elements: [],
        diagnostics: [
          {
            code: 'IMPORT_FILE_TOO_LARGE',
            severity: 'fatal',
            message: `file is ${f.size} bytes, over the ${limits.maxBytes}-byte limit`,
            hint: 'Split the export, or raise the limit with --max-file-bytes.',
            source: fixedSource(f.display, '', 0, 0),
          },
        ],
      });
      continue;
    }
    const text = await readFile(f.path, 'utf8');
    fragments.push(...importText(f.display, text, limits));
  }
  return { estate: buildEstate(fragments), files };
}
