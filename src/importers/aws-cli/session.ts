import type { Diagnostic, Element, Fragment } from '../../model/index.js';
import { DiagnosticSink, type ImportSession, type Json, type JsonDocument, Reader } from '../_kit/index.js';
import type { AwsContext, InterfaceLedger, InterfaceOptions } from './context.js';
import { convertInterface } from './convert-interface.js';
import type { PathHints } from './path-hints.js';

interface Deferred {
  readonly doc: JsonDocument;
  readonly hints: PathHints;
  readonly id: string;
  readonly o: Json;
  readonly p: string;
  readonly opts: InterfaceOptions;
}

/**
 * Across the documents of one run: an interface listed inside describe-instances is converted only if
 * no describe-network-interfaces document lists it (that record is the ground truth, cloud-semantics
 * §6.1). Until then the instance contributes just what it knows beyond the record: owner and OS.
 */
export class AwsSession implements InterfaceLedger {
  readonly #listed = new Set<string>();
  readonly #deferred: Deferred[] = [];

  /** A full interface record was imported. */
  listed(id: string): void {
    this.#listed.add(id);
  }

  /** An interface seen inside an instance: convert it at the end unless a record lists it. */
  defer(ctx: AwsContext, id: string, o: Json, p: string, opts: InterfaceOptions): void {
    this.#deferred.push({ doc: ctx.r.doc, hints: ctx.hints, id, o, p, opts });
  }

  finish(): Fragment {
    const sink = new DiagnosticSink();
    const elements: Element[] = [];
    for (const d of this.#deferred) {
      if (this.#listed.has(d.id)) continue;
      const e = convertInterface({ r: new Reader(d.doc, sink), hints: d.hints }, d.o, d.p, d.opts);
      if (e) elements.push(e);
    }
    this.#deferred.length = 0;
    return { elements, diagnostics: sink.diagnostics as Diagnostic[] };
  }
}

/** Wraps a per-document import function into the registry's session shape. */
export function sessionOf(importDoc: (doc: JsonDocument, session: AwsSession) => Fragment): ImportSession {
  const session = new AwsSession();
  return { import: (doc) => importDoc(doc, session), finish: () => session.finish() };
}
