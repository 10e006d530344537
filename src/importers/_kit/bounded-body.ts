import { fixedSource } from '../../model/index.js';
import type { InputLimits } from './limits.js';
import type { DiagnosticSink } from './sink.js';

/**
 * A file's text without its byte-order mark, or undefined (one fatal diagnostic) when it is over the
 * size limit (DESIGN §5): the first check of every parser.
 */
export function boundedBody(
  file: string,
  text: string,
  sink: DiagnosticSink,
  limits: InputLimits,
): string | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length <= limits.maxBytes) return body;
  sink.report(
    'fatal',
    'IMPORT_FILE_TOO_LARGE',
    fixedSource(file, '', 0, 0),
    `file is ${body.length} bytes, over the ${limits.maxBytes}-byte limit`,
    'Split the file, or raise the limit with --max-file-bytes.',
  );
  return undefined;
}
