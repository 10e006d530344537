/** JSON shapes of `rampart scan --format json` (shared with the UI; types only). */

export interface SourceJson {
  readonly file: string;
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
}

export interface DiagnosticJson {
  readonly code: string;
  readonly severity: 'fatal' | 'error' | 'warning' | 'unsupported';
  readonly message: string;
  readonly hint?: string;
  readonly source: SourceJson;
}

export interface NetworkSummary {
  readonly id: string;
  readonly name?: string;
  readonly cidrs: readonly string[];
  readonly subnets: number;
  readonly endpoints: number;
  readonly flowLogs: boolean;
}

export interface ScopeInventory {
  readonly provider: string;
  readonly account: string;
  readonly region: string;
  /** Element counts by kind (model kinds, plus filter kinds such as `aws-security-group`). */
  readonly counts: Readonly<Record<string, number>>;
  readonly networks: readonly NetworkSummary[];
}

export interface Inventory {
  readonly files: number;
  readonly totals: Readonly<Record<string, number>>;
  readonly scopes: readonly ScopeInventory[];
}

export interface ScanResultJson {
  readonly tool: { readonly name: 'rampart'; readonly version: string };
  readonly inventory: Inventory;
  readonly findings: readonly unknown[];
  readonly diagnostics: readonly DiagnosticJson[];
}
