export type {
  DiagnosticJson,
  Inventory,
  NetworkSummary,
  ScanResultJson,
  ScopeInventory,
  SourceJson,
} from './inventory.js';
