import type { Diagnostic, DiagnosticSeverity, SourceRef } from '../../model/index.js';

/** Collects diagnostics; importers report and keep going. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  report(
    severity: DiagnosticSeverity,
    code: string,
    source: SourceRef,
    message: string,
    hint?: string,
  ): void {
    this.diagnostics.push(
      hint === undefined ? { code, severity, message, source } : { code, severity, message, hint, source },
    );
  }
}
