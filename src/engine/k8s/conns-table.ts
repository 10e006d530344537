import { PodConns } from './pod-conns.js';

/**
 * Interned PodConns: each distinct set gets a small integer, so a connectivity matrix is an
 * Int32Array per row and unions/intersections of ids are memoised. This is what lets the map of
 * 5,000 workloads stay in memory and be computed in seconds (issue #4 item 8).
 */
export class ConnsTable {
  static readonly NONE = 0;
  static readonly ALL = 1;
  readonly #items: PodConns[] = [];
  readonly #ids = new Map<string, number>();
  readonly #unions = new Map<number, number>();
  readonly #intersections = new Map<number, number>();
  readonly #differences = new Map<number, number>();

  constructor() {
    this.id(PodConns.none());
    this.id(PodConns.all());
  }

  id(c: PodConns): number {
    const key = c.key();
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#items.length;
      this.#items.push(c);
      this.#ids.set(key, id);
    }
    return id;
  }

  get(id: number): PodConns {
    return this.#items[id]!;
  }

  get size(): number {
    return this.#items.length;
  }

  union(a: number, b: number): number {
    if (a === b || b === ConnsTable.NONE || a === ConnsTable.ALL) return a;
    if (a === ConnsTable.NONE || b === ConnsTable.ALL) return b;
    return this.#memo(this.#unions, a, b, () => this.get(a).union(this.get(b)));
  }

  intersect(a: number, b: number): number {
    if (a === b || b === ConnsTable.ALL || a === ConnsTable.NONE) return a;
    if (a === ConnsTable.ALL || b === ConnsTable.NONE) return b;
    return this.#memo(this.#intersections, a, b, () => this.get(a).intersect(this.get(b)));
  }

  subtract(a: number, b: number): number {
    if (b === ConnsTable.NONE || a === ConnsTable.NONE) return a;
    if (a === b || b === ConnsTable.ALL) return ConnsTable.NONE;
    // Not symmetric: the pair keeps its order in the key.
    const key = a * 67_108_864 + b;
    let id = this.#differences.get(key);
    if (id === undefined) {
      id = this.id(this.get(a).subtract(this.get(b)));
      this.#differences.set(key, id);
    }
    return id;
  }

  #memo(cache: Map<number, number>, a: number, b: number, f: () => PodConns): number {
    // Symmetric operations: order the pair, pack it in one number (ids stay far below 2^26).
    const key = a < b ? a * 67_108_864 + b : b * 67_108_864 + a;
    let id = cache.get(key);
    if (id === undefined) {
      id = this.id(f());
      cache.set(key, id);
    }
    return id;
  }
}
