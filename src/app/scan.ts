import type { DiagnosticJson, Inventory } from '../contract/index.js';
import { type Diagnostic, plainSource } from '../model/index.js';
import { inventoryOf } from './inventory.js';
import { type LoadOptions, loadEstate } from './load-estate.js';

export interface ScanResult {
  readonly inventory: Inventory;
  readonly diagnostics: readonly DiagnosticJson[];
  /** Findings come with the checks issue; the contract already carries the array. */
  readonly findings: readonly unknown[];
}

export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    source: plainSource(d.source),
  };
}

/** `rampart scan`: import everything under the paths and describe it. */
export async function scan(paths: readonly string[], opts: LoadOptions = {}): Promise<ScanResult> {
  const { estate, files } = await loadEstate(paths, opts);
  return {
    inventory: inventoryOf(estate, files.length),
    diagnostics: estate.diagnostics.map(diagnosticJson),
    findings: [],
  };
}
