import type { Fragment } from '../model/index.js';
import { fixedSource, sourceRef } from '../model/index.js';
import {
  DiagnosticSink,
  defaultLimits,
  type Importer,
  type ImportSession,
  type InputLimits,
  type JsonDocument,
  parseJsonDocument,
  parseYamlDocuments,
} from './_kit/index.js';
import { awsCliImporter } from './aws-cli/index.js';
import { k8sImporter } from './k8s/index.js';
import { terraformImporter } from './terraform/index.js';

/** Every importer, most specific first. Each one decides by content whether a document is its own. */
export const importers: readonly Importer[] = [awsCliImporter, terraformImporter, k8sImporter];

/** `.yaml` / `.yml` files are read as YAML streams (several documents); anything else as one JSON value. */
function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

function internalError(importer: Importer, file: string, err: unknown): Fragment {
  return {
    elements: [],
    diagnostics: [
      {
        code: 'IMPORT_INTERNAL',
        severity: 'error',
        message: `the ${importer.id} importer failed on this file: ${err instanceof Error ? err.message : String(err)}`,
        hint: 'This is a Rampart bug; please report it with the file. The other inputs are still analysed.',
        source: fixedSource(file, '', 0, 0),
      },
    ],
  };
}

function unrecognized(doc: JsonDocument): Fragment {
  return {
    elements: [],
    diagnostics: [
      {
        code: 'IMPORT_UNRECOGNIZED',
        severity: 'unsupported',
        message:
          'no importer recognises this document (not AWS CLI or Terraform JSON, nor a Kubernetes object)',
        hint: 'Supported: AWS CLI describe-* output, terraform show -json (plan or state), Kubernetes manifests (YAML or JSON).',
        source: sourceRef(doc.file, '', doc.locator),
      },
    ],
  };
}

/** Importing the files of one scan: documents one by one, then what needs them all. Pure. */
export interface ImportRun {
  importText(file: string, text: string): Fragment[];
  finish(): Fragment[];
}

export function createImportRun(limits: InputLimits = defaultLimits): ImportRun {
  const sessions = new Map<Importer, ImportSession>();
  const importDoc = (doc: JsonDocument): Fragment[] => {
    const out: Fragment[] = [];
    for (const imp of importers) {
      if (!imp.accepts(doc)) continue;
      try {
        let session = sessions.get(imp);
        if (session === undefined && imp.session) {
          session = imp.session();
          sessions.set(imp, session);
        }
        out.push(session ? session.import(doc) : imp.import(doc));
      } catch (err) {
        // A bug in one importer becomes a diagnostic, never a crash.
        out.push(internalError(imp, doc.file, err));
      }
    }
    if (out.length === 0) out.push(unrecognized(doc));
    return out;
  };
  return {
    importText(file, text) {
      const sink = new DiagnosticSink();
      const docs = isYamlFile(file)
        ? parseYamlDocuments(file, text, sink, limits)
        : [parseJsonDocument(file, text, sink, limits)].filter((d) => d !== undefined);
      const fragments = docs.flatMap(importDoc);
      return sink.diagnostics.length > 0
        ? [{ elements: [], diagnostics: sink.diagnostics }, ...fragments]
        : fragments;
    },
    finish() {
      const out: Fragment[] = [];
      for (const [imp, session] of sessions) {
        try {
          out.push(session.finish());
        } catch (err) {
          out.push(internalError(imp, '', err));
        }
      }
      sessions.clear();
      return out;
    },
  };
}

/** Parse and import one file's text on its own. */
export function importText(file: string, text: string, limits: InputLimits = defaultLimits): Fragment[] {
  const run = createImportRun(limits);
  return [...run.importText(file, text), ...run.finish()];
}
