import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { type Element, type ElementKind, type ElementOf, elementKinds } from './element-union.js';
import { mergeDuplicate } from './merge.js';
import { forEachReference } from './references.js';
import { formatLocation } from './source.js';

/** What one importer produced from one input file. */
export interface Fragment {
  readonly elements: readonly Element[];
  readonly diagnostics: readonly Diagnostic[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const bySource = (x: Element, y: Element): number =>
  cmp(x.source.file, y.source.file) || cmp(x.source.pointer, y.source.pointer);

/** kind -> id -> the element, or the list of duplicates when several inputs define it. */
type Groups = Map<ElementKind, Map<string, Element | Element[]>>;

function groupByKind(all: readonly Element[]): Groups {
  // One element per id is the common case: store it bare, make a list only for duplicates.
  const byKind: Groups = new Map();
  for (const e of all) {
    let ids = byKind.get(e.kind);
    if (ids === undefined) {
      ids = new Map();
      byKind.set(e.kind, ids);
    }
    const same = ids.get(e.id);
    if (same === undefined) ids.set(e.id, e);
    else if (Array.isArray(same)) same.push(e);
    else ids.set(e.id, [same, e]);
  }
  return byKind;
}

/** Merge the views of one object, in source order (deterministic), reporting real conflicts. */
function mergeGroup(group: Element[], diagnostics: Diagnostic[]): Element {
  group.sort(bySource);
  let element = group[0]!;
  for (let i = 1; i < group.length; i++) {
    const e = group[i]!;
    const m = mergeDuplicate(element, e);
    if (m.conflict)
      diagnostics.push({
        code: 'MODEL_DUPLICATE_ID',
        severity: 'warning',
        message: `${e.kind} ${e.id} is defined twice with different content; keeping the one at ${formatLocation(element.source)}`,
        hint: 'Import each export once, or export both files at the same time.',
        source: e.source,
      });
    element = m.element;
  }
  return element;
}

/** What buildEstate has already computed, so the Estate does not index everything again. */
interface Indexed {
  readonly byKind: Map<ElementKind, Element[]>;
  readonly index: Map<ElementKind, Map<string, Element>>;
}

/** Everything read from all inputs: immutable, sorted by kind then id, with an index. */
export class Estate {
  readonly elements: readonly Element[];
  readonly diagnostics: readonly Diagnostic[];
  readonly #byKind: Map<ElementKind, Element[]> = new Map();
  readonly #index: Map<ElementKind, Map<string, Element>> = new Map();
  #byId: Map<string, Element[]> | undefined;

  constructor(elements: readonly Element[], diagnostics: readonly Diagnostic[], indexed?: Indexed) {
    this.elements = elements;
    this.diagnostics = diagnostics;
    if (indexed) {
      this.#byKind = indexed.byKind;
      this.#index = indexed.index;
      return;
    }
    for (const e of elements) {
      let list = this.#byKind.get(e.kind);
      let index = this.#index.get(e.kind);
      if (list === undefined || index === undefined) {
        list = [];
        index = new Map();
        this.#byKind.set(e.kind, list);
        this.#index.set(e.kind, index);
      }
      list.push(e);
      index.set(e.id, e);
    }
  }

  get<K extends ElementKind>(kind: K, id: string): ElementOf<K> | undefined {
    return this.#index.get(kind)?.get(id) as ElementOf<K> | undefined;
  }

  all<K extends ElementKind>(kind: K): readonly ElementOf<K>[] {
    return (this.#byKind.get(kind) ?? []) as ElementOf<K>[];
  }

  /** Elements of any kind with this id. */
  find(id: string): readonly Element[] {
    if (this.#byId === undefined) {
      this.#byId = new Map();
      for (const e of this.elements) {
        const same = this.#byId.get(e.id);
        if (same) same.push(e);
        else this.#byId.set(e.id, [e]);
      }
    }
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
  // Kind order, then id order by code unit (native string sort, no JS comparator over 20k ids).
  const groups = groupByKind(all);
  const merged: Element[] = [];
  const byKind = new Map<ElementKind, Element[]>();
  for (const k of elementKinds) {
    const ids = groups.get(k);
    if (ids === undefined) continue;
    const list: Element[] = [];
    for (const id of [...ids.keys()].sort()) {
      const v = ids.get(id)!;
      const element = Array.isArray(v) ? mergeGroup(v, diagnostics) : v;
      if (Array.isArray(v)) ids.set(id, element);
      list.push(element);
      merged.push(element);
    }
    byKind.set(k, list);
  }
  // After merging every id maps to one element: the groups are the index.
  const estate = new Estate(merged, diagnostics, {
    byKind,
    index: groups as Map<ElementKind, Map<string, Element>>,
  });
  let current: Element | undefined;
  // One visitor for all elements (no closure per element).
  const check = (id: string, kinds: readonly ElementKind[], field: string): void => {
    for (const k of kinds) if (estate.get(k, id) !== undefined) return;
    const e = current!;
    diagnostics.push({
      code: 'MODEL_DANGLING_REFERENCE',
      severity: 'warning',
      message: `${e.kind} ${e.id} refers to ${kinds.join(' or ')} ${id} (${field}), which is not in the inputs`,
      hint: 'Import the export that defines it (another account, region or call); until then paths through it are unknown.',
      source: e.source,
    });
  };
  for (const e of merged) {
    current = e;
    forEachReference(e, check);
  }
  // Sorted in place: the estate holds this same array.
  diagnostics.sort(compareDiagnostics);
  return estate;
}
