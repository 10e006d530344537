import type { Diagnostic, Fragment } from '../../model/index.js';
import {
  DiagnosticSink,
  type Importer,
  isObject,
  type Json,
  type JsonDocument,
  Reader,
} from '../_kit/index.js';
import { ConfigIndex } from './config.js';
import { TfContext } from './context.js';
import { dispositionOf } from './dispatch.js';
import { finalize } from './finalize.js';
import { normalize } from './normalize.js';
import { ResourceView } from './view.js';
import { walkDocument } from './walk.js';

const CONTENT_KEYS = ['planned_values', 'values', 'resource_changes', 'prior_state'];

/** The JSON output format promises compatible minor versions; other majors are rejected (cloud-semantics §6.2). */
function supportedVersion(r: Reader, root: Json): boolean {
  const v = root.format_version;
  const major = typeof v === 'string' ? /^(\d+)\.\d+/.exec(v)?.[1] : undefined;
  if (major === '0' || major === '1') return true;
  r.report(
    'fatal',
    'IMPORT_TF_FORMAT_VERSION',
    '/format_version',
    `Terraform JSON format_version ${JSON.stringify(v)} is not supported (expected 0.x or 1.x); nothing was imported from this file`,
    'Produce the file with a Terraform version whose `show -json` output is format 1.x.',
  );
  return false;
}

function internalError(r: Reader, pointer: string, what: string, err: unknown): void {
  r.report(
    'error',
    'IMPORT_TF_INTERNAL',
    pointer,
    `internal error while reading ${what}: ${err instanceof Error ? err.message : String(err)}`,
    'This is a bug in Rampart; the rest of the file was imported. Please report it with the file.',
  );
}

function convertAll(ctx: TfContext): void {
  const unsupported = new Map<string, { pointer: string; count: number }>();
  for (const res of ctx.resources) {
    const d = dispositionOf(res.type);
    if (d === 'ignored') continue;
    if (d === 'unsupported') {
      const seen = unsupported.get(res.type);
      if (seen) seen.count++;
      else unsupported.set(res.type, { pointer: res.pointer, count: 1 });
      continue;
    }
    try {
      d.convert(new ResourceView(ctx, res));
    } catch (err) {
      internalError(ctx.r, res.pointer, res.address, err);
    }
  }
  for (const [type, { pointer, count }] of unsupported)
    ctx.r.report(
      'unsupported',
      'IMPORT_TF_UNSUPPORTED',
      pointer,
      `${count} ${type} resource${count === 1 ? '' : 's'} not modelled yet; paths through ${count === 1 ? 'it' : 'them'} are not analysed`,
    );
}

/** `terraform show -json` output: a plan (planned values, changes, configuration) or a state. AWS provider. */
export const terraformImporter: Importer = {
  id: 'terraform',
  description: 'Terraform `terraform show -json` plans and states (AWS provider resources)',
  accepts(doc: JsonDocument): boolean {
    return (
      isObject(doc.value) &&
      'format_version' in doc.value &&
      CONTENT_KEYS.some((k) => k in (doc.value as Json))
    );
  },
  import(doc: JsonDocument): Fragment {
    const sink = new DiagnosticSink();
    const r = new Reader(doc, sink);
    if (!isObject(doc.value)) {
      r.wrongType('', 'an object', doc.value);
      return { elements: [], diagnostics: sink.diagnostics as Diagnostic[] };
    }
    const root = doc.value;
    if (!supportedVersion(r, root)) return { elements: [], diagnostics: sink.diagnostics as Diagnostic[] };
    const walked = walkDocument(r, root);
    const managed = walked.resources.filter((x) => x.mode === 'managed');
    const ctx = new TfContext(r, new ConfigIndex(root), managed);
    convertAll(ctx);
    try {
      finalize(ctx);
      normalize(ctx.out);
    } catch (err) {
      internalError(r, '', 'the file as a whole', err);
    }
    return { elements: ctx.out.elements(), diagnostics: sink.diagnostics as Diagnostic[] };
  },
};
