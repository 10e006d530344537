import { diagnosticJson, type LoadOptions } from '../app/index.js';
import { renderDiagnosticsText } from '../report/index.js';
import type { Output } from './output.js';

type InputDiagnostics = Parameters<NonNullable<LoadOptions['onDiagnostics']>>[0];

/** Input problems worth a user's eye (warnings and worse, with file:line) on stderr; stdout stays the answer. */
export function printDiagnostics(io: Output, ds: InputDiagnostics, limit: number): void {
  const shown = ds.filter((d) => d.severity !== 'unsupported');
  if (shown.length > 0) io.err(renderDiagnosticsText(shown.map(diagnosticJson), limit));
}

/** Exit 2 when some input could not be read or was invalid (DESIGN §6); the rest was still analysed. */
export function inputExitCode(ds: readonly { readonly severity: string }[]): 0 | 2 {
  return ds.some((d) => d.severity === 'fatal' || d.severity === 'error') ? 2 : 0;
}

/**
 * Load options for the query commands: input problems go to stderr, so a partly broken export never
 * yields a silent answer.
 */
export function reportingTo(io: Output): LoadOptions {
  return { onDiagnostics: (ds) => printDiagnostics(io, ds, 20) };
}
