import type { CST } from 'yaml';

/**
 * Collection nesting of one document's syntax tree, counted without recursion and stopping past
 * `limit`. Checked before composing: the YAML composer recurses per level, and a stack overflow there
 * can take the process down instead of throwing (seen with 50k nested `[`).
 */
export function cstDepthExceeds(doc: CST.Document, limit: number): boolean {
  const tokens: (CST.Token | undefined)[] = [doc.value];
  const depths: number[] = [1];
  while (tokens.length > 0) {
    const t = tokens.pop();
    const d = depths.pop()!;
    if (t === undefined) continue;
    if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection') continue;
    if (d > limit) return true;
    for (const item of t.items) {
      for (const child of [item.key, item.value]) {
        if (child === undefined || child === null) continue;
        tokens.push(child);
        depths.push(d + 1);
      }
    }
  }
  return false;
}
