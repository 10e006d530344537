import type { Diagnostic, Element, Fragment } from '../../model/index.js';
import { own } from '../_kit/aws/index.js';
import {
  DiagnosticSink,
  type Importer,
  type ImportSession,
  type Json,
  type JsonDocument,
  Reader,
} from '../_kit/index.js';
import type { AwsContext } from './context.js';
import { convertParentScoped, ignoredKeys, itemConverters, unsupportedKeys } from './dispatch.js';
import { pathHints } from './path-hints.js';
import { type AwsSession, sessionOf } from './session.js';

const PARENT_KEYS = [
  'AdditionalRoutesAvailable',
  'TransitGatewayRouteTablePropagations',
  'TargetHealthDescriptions',
  'SecurityGroupRules',
];

function isRoot(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function recognised(root: Json): boolean {
  for (const k of Object.keys(root)) {
    // Own keys only: a top-level "constructor" or "toString" must not reach Object.prototype.
    if (
      Object.hasOwn(itemConverters, k) ||
      Object.hasOwn(unsupportedKeys, k) ||
      ignoredKeys.has(k) ||
      PARENT_KEYS.includes(k)
    )
      return true;
  }
  // Bare `Entries` / `Associations` lists are ambiguous alone: require AWS item shapes.
  const first = (k: string): unknown => (Array.isArray(root[k]) ? (root[k] as unknown[])[0] : undefined);
  const e = first('Entries');
  const a = first('Associations');
  return (
    (isRoot(e) && 'Cidr' in e) ||
    (isRoot(a) && 'TransitGatewayAttachmentId' in a) ||
    (Array.isArray(root.Entries) && root.Entries.length === 0 && Object.keys(root).length <= 2)
  );
}

/** AWS CLI `describe-*` JSON (and Batfish's `aws_configs` snapshot files), any folder layout. */
export const awsCliImporter: Importer = {
  id: 'aws-cli',
  description: 'AWS CLI describe-* JSON output (EC2, ELBv2, RDS), any folder layout',
  accepts(doc: JsonDocument): boolean {
    return isRoot(doc.value) && !('format_version' in doc.value) && recognised(doc.value);
  },
  import(doc: JsonDocument): Fragment {
    return importDocument(doc, undefined);
  },
  session(): ImportSession {
    return sessionOf(importDocument);
  },
};

function importDocument(doc: JsonDocument, session: AwsSession | undefined): Fragment {
  const sink = new DiagnosticSink();
  const ctx: AwsContext = session
    ? { r: new Reader(doc, sink), hints: pathHints(doc.file), ledger: session }
    : { r: new Reader(doc, sink), hints: pathHints(doc.file) };
  const elements: Element[] = [];
  const root = doc.value as Json;
  const scoped = convertParentScoped(ctx, root);
  if (scoped) elements.push(...scoped);
  else
    for (const key of Object.keys(root)) {
      const convert = own(itemConverters, key);
      if (convert) {
        for (const [o, p] of ctx.r.objects(root, key, '')) {
          const out = convert(ctx, o, p);
          if (Array.isArray(out)) elements.push(...out);
          else if (out) elements.push(out);
        }
      } else if (own(unsupportedKeys, key) !== undefined) {
        const n = Array.isArray(root[key]) ? root[key].length : 0;
        if (n > 0)
          ctx.r.report(
            'unsupported',
            'IMPORT_AWS_UNSUPPORTED',
            `/${key}`,
            `${n} ${own(unsupportedKeys, key)} not modelled yet; paths through them are not analysed`,
          );
      }
    }
  return { elements, diagnostics: sink.diagnostics as Diagnostic[] };
}
