import type { Fragment } from '../model/index.js';
import { fixedSource } from '../model/index.js';
import {
  DiagnosticSink,
  defaultLimits,
  type Importer,
  type InputLimits,
  type JsonDocument,
  parseJsonDocument,
} from './_kit/index.js';
import { awsCliImporter } from './aws-cli/index.js';
import { terraformImporter } from './terraform/index.js';

/** Every importer, most specific first. Each one decides by content whether a document is its own. */
export const importers: readonly Importer[] = [awsCliImporter, terraformImporter];

/** Run the importers that accept this document. A bug in one becomes a diagnostic, never a crash. */
export function importDocument(doc: JsonDocument): Fragment[] {
  const out: Fragment[] = [];
  for (const imp of importers) {
    if (!imp.accepts(doc)) continue;
    try {
      out.push(imp.import(doc));
    } catch (err) {
      out.push({
        elements: [],
        diagnostics: [
          {
            code: 'IMPORT_INTERNAL',
            severity: 'error',
            message: `the ${imp.id} importer failed on this file: ${err instanceof Error ? err.message : String(err)}`,
            hint: 'This is a Rampart bug; please report it with the file. The other inputs are still analysed.',
            source: fixedSource(doc.file, '', 0, 0),
          },
        ],
      });
    }
  }
  if (out.length === 0)
    out.push({
      elements: [],
      diagnostics: [
        {
          code: 'IMPORT_UNRECOGNIZED',
          severity: 'unsupported',
          message: 'no importer recognises this file (not AWS CLI or Terraform JSON)',
          hint: 'Supported: AWS CLI describe-* output and terraform show -json (plan or state).',
          source: fixedSource(doc.file, '', 1, 1),
        },
      ],
    });
  return out;
}

/** Parse and import one file's text. Pure: the caller reads the file. */
export function importText(file: string, text: string, limits: InputLimits = defaultLimits): Fragment[] {
  const sink = new DiagnosticSink();
  const doc = parseJsonDocument(file, text, sink, limits);
  if (!doc) return [{ elements: [], diagnostics: sink.diagnostics }];
  const fragments = importDocument(doc);
  return sink.diagnostics.length > 0
    ? [{ elements: [], diagnostics: sink.diagnostics }, ...fragments]
    : fragments;
}
