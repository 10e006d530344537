/** Small helpers that walk JSON text without building values. Input is assumed to be valid JSON. */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  return i;
}

/** `i` at an opening quote; returns the offset just past the closing quote. */
export function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) return text.length;
    let bs = 0;
    for (let k = q - 1; k > i && text.charCodeAt(k) === 0x5c; k--) bs++;
    if (bs % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** `i` at the first character of a value; returns the offset just past it. Iterative: depth-safe. */
export function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c !== 0x7b && c !== 0x5b) {
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 0x2c || d === 0x7d || d === 0x5d || WS.has(d)) break;
      j++;
    }
    return j;
  }
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 0x22) {
      j = skipString(text, j);
      continue;
    }
    if (d === 0x7b || d === 0x5b) depth++;
    else if (d === 0x7d || d === 0x5d) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

export interface ValueShape {
  /** Nesting of objects/arrays exceeds the limit (the walk stops there). */
  readonly tooDeep: boolean;
  /** Some object has an own `__proto__` key (JSON.parse creates it as a plain property). */
  readonly unsafeKeys: boolean;
}

/**
 * One walk over a parsed value (not the text: several times faster on large exports), iterative so
 * depth cannot overflow the stack: is it too deep, and does it carry `__proto__` keys?
 */
export function inspectValue(root: unknown, limit: number): ValueShape {
  const values: unknown[] = [root];
  const depths: number[] = [1];
  let unsafeKeys = false;
  while (values.length > 0) {
    const v = values.pop();
    const d = depths.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > limit) return { tooDeep: true, unsafeKeys };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === 'object') {
          values.push(x);
          depths.push(d + 1);
        }
      }
    } else
      for (const k in v) {
        if (k === '__proto__') unsafeKeys = true;
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === 'object') {
          values.push(x);
          depths.push(d + 1);
        }
      }
  }
  return { tooDeep: false, unsafeKeys };
}
