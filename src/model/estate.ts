import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { type Element, type ElementKind, type ElementOf, elementKinds } from './element-union.js';
import { mergeDuplicate } from './merge.js';
import { referencesOf } from './references.js';
import { formatLocation } from './source.js';

/** What one importer produced from one input file. */
export interface Fragment {
  readonly elements: readonly Element[];
  readonly diagnostics: readonly Diagnostic[];
}

const kindOrder = new Map(elementKinds.map((k, i) => [k, i]));

function compareElements(a: Element, b: Element): number {
  return (
    (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    a.source.file.localeCompare(b.source.file) ||
    a.source.pointer.localeCompare(b.source.pointer)
  );
}

/** Everything read from all inputs: immutable, sorted by kind then id, with an index. */
export class Estate {
  readonly elements: readonly Element[];
  readonly diagnostics: readonly Diagnostic[];
  readonly #byKey: Map<string, Element>;
  readonly #byKind: Map<ElementKind, Element[]>;
  readonly #byId: Map<string, Element[]>;

  constructor(elements: readonly Element[], diagnostics: readonly Diagnostic[]) {
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.#byKey = new Map();
    this.#byKind = new Map();
    this.#byId = new Map();
    for (const e of elements) {
      this.#byKey.set(`${e.kind}\u0000${e.id}`, e);
      const list = this.#byKind.get(e.kind);
      if (list) list.push(e);
      else this.#byKind.set(e.kind, [e]);
      const same = this.#byId.get(e.id);
      if (same) same.push(e);
      else this.#byId.set(e.id, [e]);
    }
  }

  get<K extends ElementKind>(kind: K, id: string): ElementOf<K> | undefined {
    return this.#byKey.get(`${kind}\u0000${id}`) as ElementOf<K> | undefined;
  }

  all<K extends ElementKind>(kind: K): readonly ElementOf<K>[] {
    return (this.#byKind.get(kind) ?? []) as ElementOf<K>[];
  }

  /** Elements of any kind with this id. */
  find(id: string): readonly Element[] {
    return this.#byId.get(id) ?? [];
  }

  counts(): Partial<Record<ElementKind, number>> {
    const out: Partial<Record<ElementKind, number>> = {};
    for (const k of elementKinds) {
      const n = this.#byKind.get(k)?.length ?? 0;
      if (n > 0) out[k] = n;
    }
    return out;
  }
}

/**
 * Merge fragments into one estate: duplicates (the same object seen in two files, or an ENI seen inside
 * an instance and on its own) are merged, references are checked, output is deterministic whatever the
 * order of the fragments.
 */
export function buildEstate(fragments: Iterable<Fragment>): Estate {
  const all: Element[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of fragments) {
    for (const e of f.elements) all.push(e);
    for (const d of f.diagnostics) diagnostics.push(d);
  }
  all.sort(compareElements);
  const merged: Element[] = [];
  for (const e of all) {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === e.kind && prev.id === e.id) {
      const m = mergeDuplicate(prev, e);
      merged[merged.length - 1] = m.element;
      if (m.conflict)
        diagnostics.push({
          code: 'MODEL_DUPLICATE_ID',
          severity: 'warning',
          message: `${e.kind} ${e.id} is defined twice with different content; keeping the one at ${formatLocation(prev.source)}`,
          hint: 'Import each export once, or export both files at the same time.',
          source: e.source,
        });
      continue;
    }
    merged.push(e);
  }
  const estate = new Estate(merged, []);
  for (const e of merged) {
    for (const ref of referencesOf(e)) {
      if (ref.kinds.some((k) => estate.get(k, ref.id) !== undefined)) continue;
      diagnostics.push({
        code: 'MODEL_DANGLING_REFERENCE',
        severity: 'warning',
        message: `${e.kind} ${e.id} refers to ${ref.kinds.join(' or ')} ${ref.id} (${ref.field}), which is not in the inputs`,
        hint: 'Import the export that defines it (another account, region or call); until then paths through it are unknown.',
        source: e.source,
      });
    }
  }
  diagnostics.sort(compareDiagnostics);
  return new Estate(merged, diagnostics);
}
