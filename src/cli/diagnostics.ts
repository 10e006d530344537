import { diagnosticJson, type LoadOptions } from '../app/index.js';
import { renderDiagnosticsText } from '../report/index.js';
import type { Output } from './output.js';

/**
 * Load options for the query commands: input problems (warnings and worse, with file:line) go to
 * stderr, so a partly broken export never yields a silent answer; stdout keeps the answer alone.
 */
export function reportingTo(io: Output): LoadOptions {
  return {
    onDiagnostics: (ds) => {
      const shown = ds.filter((d) => d.severity !== 'unsupported');
      if (shown.length > 0) io.err(renderDiagnosticsText(shown.map(diagnosticJson), 20));
    },
  };
}
