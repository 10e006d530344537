import type { SourceRef } from './source.js';

export type DiagnosticSeverity = 'fatal' | 'error' | 'warning' | 'unsupported';

/**
 * One problem with the input. `fatal` means the file could not be read at all; everything else lets the
 * rest of the file be analysed. Codes are UPPER_SNAKE with a layer prefix (IMPORT_, MODEL_, APP_).
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  readonly hint?: string;
  readonly source: SourceRef;
}

export const severityRank: Readonly<Record<DiagnosticSeverity, number>> = {
  fatal: 0,
  error: 1,
  warning: 2,
  unsupported: 3,
};

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.source.file.localeCompare(b.source.file) ||
    a.source.line - b.source.line ||
    a.source.column - b.source.column ||
    a.source.pointer.localeCompare(b.source.pointer) ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}
