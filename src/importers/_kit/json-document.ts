import { fixedSource, type Locator } from '../../model/index.js';
import { boundedBody } from './bounded-body.js';
import { JsonLocator } from './json-locator.js';
import { inspectValue } from './json-scan.js';
import { syntaxErrorOffset } from './json-syntax.js';
import { defaultLimits, type InputLimits } from './limits.js';
import { LineIndex } from './line-index.js';
import type { DiagnosticSink } from './sink.js';
import { removeUnsafeKeys } from './unsafe-keys.js';

/** One parsed input file: the value plus what is needed to point back into the text. */
export interface JsonDocument {
  readonly file: string;
  readonly value: unknown;
  readonly locator: Locator;
}

/**
 * Parse one JSON file. Returns undefined (with one fatal diagnostic) when the file cannot be read as
 * JSON at all; otherwise the value, with unsafe keys removed and reported.
 */
export function parseJsonDocument(
  file: string,
  text: string,
  sink: DiagnosticSink,
  limits: InputLimits = defaultLimits,
): JsonDocument | undefined {
  const body = boundedBody(file, text, sink, limits);
  if (body === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = syntaxErrorOffset(body, message);
    const pos = new LineIndex(body).position(offset);
    sink.report(
      'fatal',
      'IMPORT_JSON_SYNTAX',
      fixedSource(file, '', pos.line, pos.column),
      `not valid JSON: ${message.split('\n')[0]}`,
      'Re-export the file; the rest of the inputs are still analysed.',
    );
    return undefined;
  }
  const shape = inspectValue(value, limits.maxDepth);
  if (shape.tooDeep) {
    sink.report(
      'fatal',
      'IMPORT_JSON_TOO_DEEP',
      fixedSource(file, '', 1, 1),
      `JSON nests deeper than the limit of ${limits.maxDepth} levels`,
      'Cloud and Terraform exports nest far less; check that this is the file you meant.',
    );
    return undefined;
  }
  const locator = new JsonLocator(body);
  if (shape.unsafeKeys) removeUnsafeKeys(value, file, locator, sink);
  return { file, value, locator };
}
