import type { Element, ElementKind, ElementOf } from '../../model/index.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type Rec = Record<string, unknown>;

interface Contribution {
  readonly kind: ElementKind;
  readonly id: string;
  readonly apply: (e: Rec) => void;
  readonly skeleton: (() => Element) | undefined;
  readonly missing: (() => void) | undefined;
}

export interface ContributeOptions<K extends ElementKind> {
  /** The partial element to create when the target is not in this file. */
  readonly skeleton?: () => ElementOf<K>;
  /** Called instead when there is no skeleton and the target is not in this file. */
  readonly missing?: () => void;
}

function key(kind: ElementKind, id: string): string {
  return `${kind}\u0000${id}`;
}

/**
 * The elements of one file. Resources that add to another resource (a route to a table, a rule to a
 * group, an association) contribute to it: applied to the target when this file has it, so a state's
 * separate rule resources and the inline copy Terraform keeps after refresh end up in one element;
 * otherwise a partial element carries them (merged by `buildEstate` with the full one from another file).
 */
export class Assembly {
  readonly #elements: Rec[] = [];
  readonly #index = new Map<string, Rec>();
  readonly #contributions: Contribution[] = [];

  /** Add an element; `unknown` lists model fields left empty because Terraform knows them only after apply. */
  add(e: Element, unknown: readonly string[] = []): void {
    const rec = { ...e } as Rec;
    markUnknown(rec, unknown);
    this.#elements.push(rec);
    const k = key(e.kind, e.id);
    const prev = this.#index.get(k);
    if (!prev || (prev.partial === true && e.partial !== true)) this.#index.set(k, rec);
  }

  contribute<K extends ElementKind>(
    kind: K,
    id: string,
    apply: (e: Mutable<ElementOf<K>>) => void,
    opts: ContributeOptions<K> = {},
  ): void {
    this.#contributions.push({
      kind,
      id,
      apply: apply as unknown as (e: Rec) => void,
      skeleton: opts.skeleton,
      missing: opts.missing,
    });
  }

  get<K extends ElementKind>(kind: K, id: string): Mutable<ElementOf<K>> | undefined {
    return this.#index.get(key(kind, id)) as Mutable<ElementOf<K>> | undefined;
  }

  /** Every element of a kind (full and partial), in input order. */
  all<K extends ElementKind>(kind: K): Mutable<ElementOf<K>>[] {
    return this.#elements.filter((e) => e.kind === kind) as unknown as Mutable<ElementOf<K>>[];
  }

  /** Apply every contribution, creating partial elements where the file lacks the target. */
  applyContributions(): void {
    for (const c of this.#contributions) {
      let target = this.#index.get(key(c.kind, c.id));
      if (!target && c.skeleton) {
        this.add(c.skeleton());
        target = this.#index.get(key(c.kind, c.id));
      }
      if (target) c.apply(target);
      else c.missing?.();
    }
    this.#contributions.length = 0;
  }

  elements(): Element[] {
    return this.#elements as unknown as Element[];
  }
}

/** Add model field names to an element's `unknown` list. */
export function markUnknown(e: { unknown?: readonly string[] }, fields: readonly string[]): void {
  if (fields.length === 0) return;
  (e as { unknown?: readonly string[] }).unknown = [...new Set([...(e.unknown ?? []), ...fields])].sort();
}
