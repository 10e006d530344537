import { readFile } from 'node:fs/promises';
import { createImportRun, defaultLimits, type InputLimits } from '../importers/index.js';
import { buildEstate, type Diagnostic, type Estate, type Fragment, fixedSource } from '../model/index.js';
import { type InputFile, listInputFiles } from './input-files.js';

export interface LoadedEstate {
  readonly estate: Estate;
  readonly files: readonly InputFile[];
}

export interface LoadOptions {
  readonly limits?: InputLimits;
  readonly cwd?: string;
  /** Told the input diagnostics once the estate is built (query commands print them on stderr). */
  readonly onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void;
}

/** Read every input under `paths` and build one estate. The only step of an import that does I/O. */
export async function loadEstate(paths: readonly string[], opts: LoadOptions = {}): Promise<LoadedEstate> {
  const limits = opts.limits ?? defaultLimits;
  const files = await listInputFiles(paths, opts.cwd);
  const fragments: Fragment[] = [];
  const run = createImportRun(limits);
  const read = (f: InputFile | undefined): Promise<string | Error> | undefined =>
    f === undefined || f.size > limits.maxBytes
      ? undefined
      : readFile(f.path, 'utf8').catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  const fatal = (f: InputFile, code: string, message: string, hint: string): Fragment => ({
    elements: [],
    diagnostics: [{ code, severity: 'fatal', message, hint, source: fixedSource(f.display, '', 0, 0) }],
  });
  // Read the next file while this one is converted: the disk work overlaps the CPU work.
  let next = read(files[0]);
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const pending = next;
    next = read(files[i + 1]);
    const text = await pending;
    if (text === undefined)
      fragments.push(
        fatal(
          f,
          'IMPORT_FILE_TOO_LARGE',
          `file is ${f.size} bytes, over the ${limits.maxBytes}-byte limit`,
          'Split the export, or raise the limit with --max-file-bytes.',
        ),
      );
    else if (text instanceof Error)
      fragments.push(
        fatal(
          f,
          'IMPORT_FILE_UNREADABLE',
          `cannot read the file: ${text.message}`,
          'Check that the file exists and is readable.',
        ),
      );
    else fragments.push(...run.importText(f.display, text));
  }
  fragments.push(...run.finish());
  const estate = buildEstate(fragments);
  opts.onDiagnostics?.(estate.diagnostics);
  return { estate, files };
}
