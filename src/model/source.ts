/** Where a model element or diagnostic came from. Lines and columns are 1-based; 0 means unknown. */
export interface SourceRef {
  readonly file: string;
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Resolves a JSON pointer of one file to a position. Implementations may build their index lazily. */
export interface Locator {
  locate(pointer: string): Position | undefined;
}

/**
 * A SourceRef whose line/column are computed on first read: importing 10k elements must not pay for
 * positions nobody prints, yet every element still carries them.
 */
class LazySourceRef implements SourceRef {
  #pos: Position | undefined;
  constructor(
    readonly file: string,
    readonly pointer: string,
    private readonly locator: Locator | undefined,
  ) {}
  private pos(): Position {
    if (this.#pos === undefined) this.#pos = this.locator?.locate(this.pointer) ?? { line: 0, column: 0 };
    return this.#pos;
  }
  get line(): number {
    return this.pos().line;
  }
  get column(): number {
    return this.pos().column;
  }
  toJSON(): SourceRef {
    return { file: this.file, pointer: this.pointer, line: this.line, column: this.column };
  }
}

export function sourceRef(file: string, pointer: string, locator?: Locator): SourceRef {
  return new LazySourceRef(file, pointer, locator);
}

export function fixedSource(file: string, pointer: string, line: number, column: number): SourceRef {
  return { file, pointer, line, column };
}

/** A plain copy, for serialising or comparing. */
export function plainSource(s: SourceRef): SourceRef {
  return { file: s.file, pointer: s.pointer, line: s.line, column: s.column };
}

/** RFC 6901: escape one reference token. */
export function escapePointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  // Fast path: almost no key contains the two characters that need escaping.
  if (token.indexOf('~') === -1 && token.indexOf('/') === -1) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  let out = pointer;
  for (const t of tokens) out += `/${escapePointerToken(t)}`;
  return out;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatLocation(s: SourceRef): string {
  return s.line > 0 ? `${s.file}:${s.line}:${s.column}` : s.file;
}
