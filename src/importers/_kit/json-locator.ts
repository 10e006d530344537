import { type Locator, type Position, parsePointer } from '../../model/index.js';
import { skipString, skipValue, skipWs } from './json-scan.js';
import { LineIndex } from './line-index.js';

/**
 * Finds where a JSON pointer's value starts in the text. Each container on a looked-up path is indexed
 * once (its members' offsets), so many lookups in one file stay linear overall. Built only when some
 * position is actually needed.
 */
export class JsonLocator implements Locator {
  readonly #text: string;
  #lines: LineIndex | undefined;
  readonly #children = new Map<number, Map<string, number>>();

  constructor(text: string) {
    this.#text = text;
  }

  locate(pointer: string): Position | undefined {
    const offset = this.offsetOf(pointer);
    if (offset === undefined) return undefined;
    this.#lines ??= new LineIndex(this.#text);
    return this.#lines.position(offset);
  }

  /** Offset of the deepest existing value on the pointer's path (a missing key points at its parent). */
  offsetOf(pointer: string): number | undefined {
    let at = skipWs(this.#text, 0);
    if (at >= this.#text.length) return undefined;
    for (const token of parsePointer(pointer)) {
      const next = this.children(at).get(token);
      if (next === undefined) break;
      at = next;
    }
    return at;
  }

  private children(at: number): Map<string, number> {
    let map = this.#children.get(at);
    if (map) return map;
    map = new Map();
    this.#children.set(at, map);
    const t = this.#text;
    const open = t.charCodeAt(at);
    if (open !== 0x7b && open !== 0x5b) return map;
    let i = skipWs(t, at + 1);
    let index = 0;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 0x7d || c === 0x5d) break;
      if (open === 0x7b) {
        const end = skipString(t, i);
        const key = JSON.parse(t.slice(i, end)) as string;
        i = skipWs(t, end);
        i = skipWs(t, i + 1); // past ':'
        map.set(key, i); // JSON.parse keeps the last duplicate; so do we
      } else {
        map.set(String(index++), i);
      }
      i = skipWs(t, skipValue(t, i));
      if (t.charCodeAt(i) === 0x2c) i = skipWs(t, i + 1);
    }
    return map;
  }
}
