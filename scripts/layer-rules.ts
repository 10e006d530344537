/**
 * The layer rules of DESIGN §1 as data, and a checker over source texts. Our own instead of
 * dependency-cruiser because that needs TypeScript's JS API, which TypeScript 7 (native) does not ship.
 */
import { dirname, join, normalize } from 'node:path/posix';

/** Layer of a file under src/, most specific prefix first. */
const LAYERS: readonly [string, string][] = [
  ['src/model/net/', 'model/net'],
  ['src/model/', 'model'],
  ['src/contract/', 'contract'],
  ['src/importers/', 'importers'],
  ['src/engine/', 'engine'],
  ['src/checks/', 'checks'],
  ['src/flows/parsers/', 'flows/parsers'],
  ['src/flows/store/', 'flows/store'],
  ['src/flows/detections/', 'flows/detections'],
  ['src/flows/', 'flows'],
  ['src/report/', 'report'],
  ['src/app/', 'app'],
  ['src/server/', 'server'],
  ['src/cli/', 'cli'],
  ['web/', 'web'],
];

/** Which layers each layer may import (besides itself). */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'model/net': [],
  model: ['model/net'],
  contract: [],
  importers: ['model', 'model/net'],
  engine: ['model', 'model/net'],
  checks: ['model', 'model/net', 'engine'],
  'flows/parsers': ['model', 'model/net'],
  'flows/store': ['model', 'model/net', 'flows'],
  'flows/detections': ['model', 'model/net', 'flows'],
  flows: ['model', 'model/net'],
  report: ['model', 'model/net', 'engine', 'contract'],
  app: [
    'model',
    'model/net',
    'contract',
    'importers',
    'engine',
    'checks',
    'flows',
    'flows/parsers',
    'flows/store',
    'flows/detections',
    'report',
  ],
  server: ['app', 'contract', 'report', 'model', 'model/net'],
  cli: ['app', 'contract', 'report', 'model', 'model/net'],
  web: ['contract'],
};

/** Layers that must stay pure: no file system, network, process or clock. */
const PURE = new Set([
  'model/net',
  'model',
  'contract',
  'importers',
  'engine',
  'checks',
  'flows/parsers',
  'report',
]);
const IO_MODULES =
  /^(?:node:)?(?:fs|fs\/promises|net|http|https|http2|dgram|child_process|process|os|worker_threads|cluster|tls|dns)$/;
const IO_GLOBALS: readonly [RegExp, string][] = [
  [/\bprocess\.\w/, 'process'],
  [/\bDate\.now\(/, 'the clock (Date.now)'],
  [/\bnew Date\(\)/, 'the clock (new Date())'],
  [/\bperformance\.now\(/, 'the clock (performance.now)'],
  [/\bfetch\(/, 'the network (fetch)'],
];

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

export function layerOf(file: string): string | undefined {
  return LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1];
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function imports(text: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec === undefined) continue;
    const at = (m.index ?? 0) + m[0].indexOf(spec);
    out.push({ spec, line: text.slice(0, at).split('\n').length });
  }
  return out;
}

function resolveSpec(from: string, spec: string): string {
  return normalize(join(dirname(from), spec)).replace(/\.js$/, '.ts');
}

/** Importer folders (src/importers/<name>/) may not import each other; `_kit` is shared. */
function importerName(file: string): string | undefined {
  const m = /^src\/importers\/([^/]+)\//.exec(file);
  return m && m[1] !== '_kit' ? m[1] : undefined;
}

/** One check folder (src/checks/<provider>/<...>/<slug>/check.ts) may not import another. */
function checkFolder(file: string): string | undefined {
  const m = /^src\/checks\/(?!_kit\/|compliance\/)(.+)\/[^/]+$/.exec(file);
  return m?.[1];
}

/** Check every file; `files` maps repo-relative posix paths to their text. */
export function checkLayers(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const layer = layerOf(file);
    if (layer === undefined) continue;
    const isTest = /\.test\.ts$/.test(file);
    const edges: string[] = [];
    graph.set(file, edges);
    for (const { spec, line } of imports(text)) {
      if (!spec.startsWith('.')) {
        if (PURE.has(layer) && !isTest && IO_MODULES.test(spec))
          out.push({
            file,
            line,
            rule: 'pure-layer',
            message: `${layer} must not import ${spec} (no I/O below app/)`,
          });
        continue;
      }
      const target = resolveSpec(file, spec);
      edges.push(target);
      const tl = layerOf(target);
      if (tl === undefined) continue;
      if (tl !== layer && !(ALLOWED[layer] ?? []).includes(tl))
        out.push({ file, line, rule: 'layer', message: `${layer} may not import ${tl} (${spec})` });
      // Into another folder only through its index.ts; reaching up to an ancestor's own files is fine.
      const into = dirname(target);
      const ancestor = `${dirname(file)}/`.startsWith(`${into}/`);
      if (!ancestor && !target.endsWith('/index.ts') && !isTest)
        out.push({
          file,
          line,
          rule: 'index-only',
          message: `import into another folder must go through its index.ts (${spec})`,
        });
      const a = importerName(file);
      const b = importerName(target);
      if (a && b && a !== b)
        out.push({
          file,
          line,
          rule: 'importer-isolation',
          message: `importer ${a} may not import importer ${b}`,
        });
      const ca = checkFolder(file);
      const cb = checkFolder(target);
      if (ca && cb && ca !== cb)
        out.push({ file, line, rule: 'check-isolation', message: `check ${ca} may not import check ${cb}` });
    }
    if (PURE.has(layer) && !isTest) {
      const lines = text.split('\n');
      lines.forEach((l, i) => {
        if (/^\s*(\/\/|\*)/.test(l)) return;
        for (const [re, what] of IO_GLOBALS)
          if (re.test(l))
            out.push({ file, line: i + 1, rule: 'pure-layer', message: `${layer} must not use ${what}` });
      });
    }
  }
  out.push(...cycles(graph));
  return out;
}

/** Import cycles between files (each reported once, at its first file). */
function cycles(graph: ReadonlyMap<string, string[]>): Violation[] {
  const out: Violation[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (!graph.has(m)) continue;
      const s = state.get(m);
      if (s === 1)
        out.push({
          file: m,
          line: 1,
          rule: 'no-cycle',
          message: `import cycle: ${[...stack.slice(stack.indexOf(m)), m].join(' -> ')}`,
        });
      else if (s === undefined) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return out;
}
