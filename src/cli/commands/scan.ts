import { defaultLimits, type ScanResult, scan, toolVersion } from '../../app/index.js';
import type { ScanResultJson } from '../../contract/index.js';
import { renderDiagnosticsText, renderInventoryText } from '../../report/index.js';
import { inputExitCode } from '../diagnostics.js';
import type { Output } from '../output.js';

export interface ScanOptions {
  readonly format: string;
  readonly maxDiagnostics?: number;
  /** Largest input file read, in bytes (default 256 MiB). */
  readonly maxFileBytes?: number;
}

export const scanFormats = ['text', 'json'] as const;

/** Exit code: 2 when some input could not be read or was invalid, else 0 (findings come later). */
export function scanExitCode(result: ScanResult): number {
  return inputExitCode(result.diagnostics);
}

export function renderScan(result: ScanResult, format: string, maxDiagnostics = 50): string {
  if (format === 'json') {
    const body: ScanResultJson = {
      tool: { name: 'rampart', version: toolVersion() },
      inventory: result.inventory,
      findings: result.findings,
      diagnostics: result.diagnostics,
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  return `${renderInventoryText(result.inventory)}\n${renderDiagnosticsText(result.diagnostics, maxDiagnostics)}`;
}

export async function runScan(paths: readonly string[], opts: ScanOptions, io: Output): Promise<number> {
  const limits =
    opts.maxFileBytes === undefined ? defaultLimits : { ...defaultLimits, maxBytes: opts.maxFileBytes };
  const result = await scan(paths.length > 0 ? paths : ['.'], { limits });
  io.out(renderScan(result, opts.format, opts.maxDiagnostics));
  return scanExitCode(result);
}
