import { Composer, type CST, type Document, LineCounter, Parser } from 'yaml';
import { cstDepthExceeds } from './yaml-depth.js';

/** One parse of a YAML stream: its documents, line starts, and where documents nested too deep began. */
export interface YamlPass {
  readonly docs: readonly Document.Parsed[];
  readonly lines: LineCounter;
  readonly tooDeep: readonly number[];
}

/**
 * `parseAllDocuments` in two steps, so documents nested deeper than `maxDepth` are refused before the
 * (recursive) composer sees them.
 */
export function parseStream(text: string, maxDepth: number): YamlPass {
  const lines = new LineCounter();
  const tokens: CST.Token[] = [];
  const tooDeep: number[] = [];
  for (const t of new Parser(lines.addNewLine).parse(text)) {
    if (t.type === 'document' && cstDepthExceeds(t, maxDepth)) tooDeep.push(t.offset);
    else tokens.push(t);
  }
  const docs = [...new Composer({ merge: true, prettyErrors: false }).compose(tokens)];
  return { docs, lines, tooDeep };
}

const LEADING_TABS = /^\t[\t ]*/gm;

/** Offset of the first line in `[from, to)` that starts with a tab, or -1. */
export function leadingTabAt(text: string, from: number, to: number): number {
  LEADING_TABS.lastIndex = from;
  const m = LEADING_TABS.exec(text);
  return m && m.index < to ? m.index : -1;
}

/**
 * The text with tabs at the start of lines read as spaces, one for one (offsets, lines and columns
 * stay the same). YAML forbids tabs in indentation, but kubectl's YAML reader accepts them in flow
 * collections, and hand-written manifests have them.
 */
export function tabsAsSpaces(text: string): string {
  return text.replace(LEADING_TABS, (m) => m.replace(/\t/g, ' '));
}
