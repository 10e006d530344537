import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import { type Locator, type Position, parsePointer } from '../../model/index.js';

/** A node on a pointer's path, and where to report it: the value itself, or its key for block collections. */
interface Step {
  readonly node: unknown;
  readonly at: number;
}

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** The string a JS object key gets for this key node (what `toJS` does for scalars). */
function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  if (typeof v === 'symbol') return undefined;
  return v === null ? '' : String(v);
}

/**
 * Where a member is reported. A scalar or flow collection: where its value starts. A block collection
 * starts on the next line, so the key (`metadata:`) is the better place; an empty value likewise.
 */
function memberStart(pair: Pair, value: unknown): number | undefined {
  const keyAt = startOf(pair.key);
  if (isScalar(value) && value.source !== '' && value.range) return value.range[0];
  if ((isMap(value) || isSeq(value)) && value.flow) return startOf(value);
  return keyAt ?? startOf(value);
}

/**
 * Finds where a JSON pointer of one YAML document lies in the file (1-based line and column of the
 * whole file, not of the document). Follows aliases to their anchors and `<<` merge keys; a missing
 * member resolves to the nearest existing parent, as the JSON locator does. Map members are indexed
 * once per looked-up map, so many lookups stay linear.
 */
export class YamlLocator implements Locator {
  readonly #members = new WeakMap<object, Map<string, Step>>();

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  locate(pointer: string): Position | undefined {
    const offset = this.offsetOf(pointer);
    if (offset === undefined) return undefined;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  offsetOf(pointer: string): number | undefined {
    let node: unknown = this.doc.contents;
    let at = startOf(node);
    if (at === undefined) return undefined;
    for (const token of parsePointer(pointer)) {
      const step = this.child(node, token);
      if (step === undefined) break;
      node = step.node;
      at = step.at;
    }
    return at;
  }

  private deref(node: unknown): unknown {
    if (!isAlias(node)) return node;
    try {
      return node.resolve(this.doc) ?? node;
    } catch {
      return node;
    }
  }

  private child(parent: unknown, token: string): Step | undefined {
    const node = this.deref(parent);
    if (isSeq(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      const item: unknown = node.items[Number(token)];
      const at = startOf(item);
      return at === undefined ? undefined : { node: item, at };
    }
    if (!isMap(node)) return undefined;
    return this.members(node).get(token);
  }

  private members(map: object): Map<string, Step> {
    let out = this.#members.get(map);
    if (out) return out;
    out = new Map();
    this.#members.set(map, out);
    const own = new Map<string, Step>();
    const merged: Map<string, Step>[] = [];
    for (const pair of (map as { items: Pair[] }).items) {
      const key = keyText(pair.key);
      if (key !== undefined) {
        const at = memberStart(pair, pair.value);
        if (at !== undefined) own.set(key, { node: pair.value, at });
        continue;
      }
      // `<<: *base` or `<<: [*a, *b]`: earlier sources win, own keys win over all (YAML merge).
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
        const v = this.deref(pair.value);
        const sources = isSeq(v) ? v.items.map((x) => this.deref(x)) : [v];
        for (const s of sources) if (isMap(s) && s !== map) merged.push(this.members(s));
      }
    }
    for (const m of merged.reverse()) for (const [k, step] of m) out.set(k, step);
    for (const [k, step] of own) out.set(k, step);
    return out;
  }
}
