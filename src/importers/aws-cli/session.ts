import type { Diagnostic, Element, Endpoint, Fragment } from '../../model/index.js';
import {
  DiagnosticSink,
  type ImportSession,
  type Json,
  type JsonDocument,
  type Mutable,
  Reader,
} from '../_kit/index.js';
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
 * Across the documents of one run, every interface becomes one endpoint built once. A
 * describe-network-interfaces record is the ground truth (cloud-semantics §6.1); the same interface
 * inside describe-instances adds only its owner and OS. Records are held until the run ends and emitted
 * with that added; an interface no record lists is converted from the instance's copy instead.
 */
export class AwsSession implements InterfaceLedger {
  readonly #kept: Mutable<Endpoint>[] = [];
  readonly #keptIds = new Set<string>();
  readonly #deferred = new Map<string, Deferred>();

  keep(e: Endpoint): boolean {
    this.#kept.push(e as Mutable<Endpoint>);
    this.#keptIds.add(e.id);
    return true;
  }

  defer(ctx: AwsContext, id: string, o: Json, p: string, opts: InterfaceOptions): void {
    // Keep the file and locator only: holding the whole parsed document until the run ends would keep
    // every other instance field alive too.
    const { file, locator } = ctx.r.doc;
    this.#deferred.set(id, { doc: { file, locator, value: null }, hints: ctx.hints, id, o, p, opts });
  }

  finish(): Fragment {
    const sink = new DiagnosticSink();
    const elements: Element[] = [];
    for (const e of this.#kept) {
      // Held objects were built by this run and not yet emitted: completing them in place is safe.
      const view = this.#deferred.get(e.id)?.opts;
      if (view?.osHint !== undefined && e.osHint === 'unknown') e.osHint = view.osHint;
      if (view?.instanceId !== undefined && e.ownerId === undefined) e.ownerId = view.instanceId;
      elements.push(e);
    }
    for (const d of this.#deferred.values()) {
      if (this.#keptIds.has(d.id)) continue;
      const e = convertInterface({ r: new Reader(d.doc, sink), hints: d.hints }, d.o, d.p, d.opts);
      if (e) elements.push(e);
    }
    this.#kept.length = 0;
    this.#keptIds.clear();
    this.#deferred.clear();
    return { elements, diagnostics: sink.diagnostics as Diagnostic[] };
  }
}

/** Wraps a per-document import function into the registry's session shape. */
export function sessionOf(importDoc: (doc: JsonDocument, session: AwsSession) => Fragment): ImportSession {
  const session = new AwsSession();
  return { import: (doc) => importDoc(doc, session), finish: () => session.finish() };
}
