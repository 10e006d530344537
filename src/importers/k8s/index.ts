import type { Element, Fragment } from '../../model/index.js';
import {
  DiagnosticSink,
  type Importer,
  type ImportSession,
  isObject,
  type Json,
  type JsonDocument,
  Reader,
} from '../_kit/index.js';
import type { K8sContext } from './context.js';
import { convertObject, groupOf } from './dispatch.js';
import { K8sSession } from './session.js';

function isList(v: Json): boolean {
  return (
    typeof v.kind === 'string' && (v.kind === 'List' || v.kind.endsWith('List')) && Array.isArray(v.items)
  );
}

/** A Kubernetes object (`apiVersion` and `kind`) or a `List` / `*List` of them. */
export function isK8sObject(v: unknown): boolean {
  return isObject(v) && typeof v.kind === 'string' && (typeof v.apiVersion === 'string' || isList(v));
}

/**
 * One object, or each item of a List. Items inherit what their list implies: `PodList` items are Pods
 * and may omit apiVersion/kind (kubectl output does).
 */
function visit(
  ctx: K8sContext,
  v: Json,
  p: string,
  inherited: { apiVersion?: string; kind?: string },
  out: Element[],
): void {
  const { r } = ctx;
  const apiVersion = r.string(v, 'apiVersion', p) ?? inherited.apiVersion;
  const kind = r.string(v, 'kind', p) ?? inherited.kind;
  if (kind === undefined) {
    r.missing(p, 'kind');
    return;
  }
  if (isList(v)) {
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    const defaults = itemKind === undefined ? {} : { kind: itemKind, ...(apiVersion ? { apiVersion } : {}) };
    for (const [item, ip] of r.objects(v, 'items', p)) visit(ctx, item, ip, defaults, out);
    return;
  }
  try {
    convertObject(ctx, v, p, groupOf(apiVersion, kind), kind, out);
  } catch (err) {
    // One object failing must not lose the rest of a List or file.
    r.report(
      'error',
      'IMPORT_K8S_INTERNAL',
      p,
      `internal error while reading this ${kind}: ${err instanceof Error ? err.message : String(err)}`,
      'This is a bug in Rampart; the rest of the file was imported. Please report it with the manifest.',
    );
  }
}

function importDocument(doc: JsonDocument, session: K8sSession): Fragment {
  const sink = new DiagnosticSink();
  const ctx: K8sContext = { r: new Reader(doc, sink), ledger: session };
  const elements: Element[] = [];
  visit(ctx, doc.value as Json, '', {}, elements);
  return { elements, diagnostics: sink.diagnostics };
}

/**
 * Kubernetes manifests, YAML or JSON, one object or a List per document (kubectl get -o yaml, Helm
 * template output, raw manifests): namespaces, workloads, services, NetworkPolicy, Admin/Baseline
 * AdminNetworkPolicy, Cilium policies, Istio and Linkerd policy objects.
 */
export const k8sImporter: Importer = {
  id: 'k8s',
  description: 'Kubernetes manifests (YAML or JSON): workloads, services, network and mesh policies',
  accepts(doc: JsonDocument): boolean {
    return isK8sObject(doc.value);
  },
  import(doc: JsonDocument): Fragment {
    const session = new K8sSession();
    const one = importDocument(doc, session);
    const end = session.finish();
    return {
      elements: [...one.elements, ...end.elements],
      diagnostics: [...one.diagnostics, ...end.diagnostics],
    };
  },
  session(): ImportSession {
    const session = new K8sSession();
    return { import: (doc) => importDocument(doc, session), finish: () => session.finish() };
  },
};
