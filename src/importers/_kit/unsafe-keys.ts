import { type Locator, sourceRef } from '../../model/index.js';
import type { DiagnosticSink } from './sink.js';

/** Keys that would change an object's prototype if copied with assignment semantics. */
const UNSAFE_KEYS = new Set(['__proto__']);

/**
 * Iterative walk (depth-safe) that deletes `__proto__` own properties of a parsed value (JSON.parse
 * and the YAML reader both create them as plain properties) and reports each one at its pointer.
 */
export function removeUnsafeKeys(root: unknown, file: string, locator: Locator, sink: DiagnosticSink): void {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [v, ptr] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        stack.push([x, `${ptr}/${i}`]);
      });
      continue;
    }
    for (const key of Object.keys(v)) {
      const childPtr = `${ptr}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (UNSAFE_KEYS.has(key)) {
        Reflect.deleteProperty(v, key);
        sink.report(
          'error',
          'IMPORT_UNSAFE_KEY',
          sourceRef(file, childPtr, locator),
          `key "${key}" is not allowed and was ignored`,
          'No cloud export uses this key; the file may have been tampered with.',
        );
        continue;
      }
      stack.push([(v as Record<string, unknown>)[key], childPtr]);
    }
  }
}
