import type { Position } from '../../model/index.js';

/** Offsets of line starts, built once per text; offset -> 1-based line/column by binary search. */
export class LineIndex {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    let i = text.indexOf('\n');
    while (i !== -1) {
      this.#starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }
  position(offset: number): Position {
    const s = this.#starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo]! + 1 };
  }
}
