import { type Document, isScalar, type LineCounter } from 'yaml';
import { fixedSource, type SourceRef } from '../../model/index.js';
import { boundedBody } from './bounded-body.js';
import type { JsonDocument } from './json-document.js';
import { inspectValue } from './json-scan.js';
import { defaultLimits, type InputLimits } from './limits.js';
import type { DiagnosticSink } from './sink.js';
import { removeUnsafeKeys } from './unsafe-keys.js';
import { YamlLocator } from './yaml-locator.js';
import { leadingTabAt, parseStream, tabsAsSpaces } from './yaml-stream.js';

const HINT = 'Fix this document; the other documents of the file are still imported.';

/** `---` alone, comments only (Helm's `# Source:` headers), or an explicit null: nothing to import. */
function isEmpty(doc: Document): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && c.value === null);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Parse one YAML file into one `JsonDocument` per YAML document (`---`), each with a locator giving
 * positions in the whole file. Untrusted-input limits (DESIGN §5): file size, alias expansions
 * (billion laughs), nesting depth, `__proto__` keys. A document that breaks a limit or does not parse
 * gets one located fatal diagnostic and is skipped; the other documents are still returned.
 */
export function parseYamlDocuments(
  file: string,
  text: string,
  sink: DiagnosticSink,
  limits: InputLimits = defaultLimits,
): JsonDocument[] {
  const body = boundedBody(file, text, sink, limits);
  if (body === undefined) return [];
  try {
    return readStream(file, body, sink, limits);
  } catch (err) {
    // The parser reports problems as document errors; this is a last guard, never expected.
    sink.report(
      'fatal',
      'IMPORT_YAML_SYNTAX',
      fixedSource(file, '', 1, 1),
      `not valid YAML: ${firstLine(err instanceof Error ? err.message : String(err))}`,
      HINT,
    );
    return [];
  }
}

function readStream(file: string, body: string, sink: DiagnosticSink, limits: InputLimits): JsonDocument[] {
  const first = parseStream(body, limits.maxDepth);
  const at = (offset: number): SourceRef => {
    const p = first.lines.linePos(offset);
    return fixedSource(file, '', p.line, p.col);
  };
  for (const offset of first.tooDeep) tooDeep(sink, at(offset), limits);
  const out: JsonDocument[] = [];
  let retry: Map<number, Document.Parsed> | undefined;
  for (const doc of first.docs) {
    let read: { doc: Document.Parsed; lines: LineCounter } = { doc, lines: first.lines };
    const tab = doc.errors.length > 0 ? leadingTabAt(body, doc.range[0], doc.range[2]) : -1;
    if (tab >= 0) {
      // Tabs in indentation: read as spaces (as kubectl does) when that makes the document valid.
      const second = retry === undefined ? parseStream(tabsAsSpaces(body), limits.maxDepth) : undefined;
      retry ??= new Map(second!.docs.map((d) => [d.range[0], d]));
      const again = retry.get(doc.range[0]);
      if (again && again.errors.length === 0) {
        sink.report(
          'warning',
          'IMPORT_YAML_TABS',
          at(tab),
          'a line is indented with a tab, which YAML forbids; it was read as a space',
          'Indent with spaces; strict YAML readers reject this document.',
        );
        read = { doc: again, lines: first.lines };
      }
    }
    const d = readDocument(file, read.doc, read.lines, sink, limits, at);
    if (d) out.push(d);
  }
  return out;
}

function tooDeep(sink: DiagnosticSink, source: SourceRef, limits: InputLimits, why = ''): void {
  sink.report(
    'fatal',
    'IMPORT_YAML_TOO_DEEP',
    source,
    `YAML nests deeper than the limit of ${limits.maxDepth} levels${why}`,
    'Kubernetes manifests nest far less; check that this is the file you meant.',
  );
}

function readDocument(
  file: string,
  doc: Document.Parsed,
  lines: LineCounter,
  sink: DiagnosticSink,
  limits: InputLimits,
  at: (offset: number) => SourceRef,
): JsonDocument | undefined {
  const start = doc.contents?.range?.[0] ?? doc.range[0];
  const error = doc.errors[0];
  if (error) {
    sink.report(
      'fatal',
      'IMPORT_YAML_SYNTAX',
      at(error.pos[0]),
      `not valid YAML: ${firstLine(error.message)}`,
      HINT,
    );
    return undefined;
  }
  if (isEmpty(doc)) return undefined;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const aliases = /excessive alias/i.test(message);
    sink.report(
      'fatal',
      aliases ? 'IMPORT_YAML_ALIASES' : 'IMPORT_YAML_SYNTAX',
      at(start),
      aliases
        ? `YAML aliases expand beyond the limit of ${limits.maxAliases} (${firstLine(message)})`
        : `not valid YAML: ${firstLine(message)}`,
      aliases
        ? 'Kubernetes manifests need few anchors; expand them, or check the file is what you meant.'
        : HINT,
    );
    return undefined;
  }
  const shape = inspectValue(value, limits.maxDepth);
  if (shape.tooDeep) {
    tooDeep(sink, at(start), limits, ' once aliases are expanded (or an alias refers to its own anchor)');
    return undefined;
  }
  const locator = new YamlLocator(doc, lines);
  if (shape.unsafeKeys) removeUnsafeKeys(value, file, locator, sink);
  return { file, value, locator };
}
