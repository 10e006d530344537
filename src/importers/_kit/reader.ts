import {
  type DiagnosticSeverity,
  escapePointerToken,
  formatIp,
  parseCidr,
  parseIp,
  type SourceRef,
  sourceRef,
} from '../../model/index.js';
import { NONE } from './empty.js';
import type { JsonDocument } from './json-document.js';
import type { DiagnosticSink } from './sink.js';

export type Json = Record<string, unknown>;

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const CANONICAL_V4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

const CANONICAL_V4_CIDR = new RegExp(
  `^(${OCTET})\\.(${OCTET})\\.(${OCTET})\\.(${OCTET})/(3[0-2]|[12]?[0-9])$`,
);

/**
 * Fast path: an IPv4 CIDR already in canonical form (no leading zeros, no host bits), which is what
 * exports contain; checked with plain numbers instead of the bigint parser.
 */
function canonicalV4Cidr(text: string): boolean {
  const m = CANONICAL_V4_CIDR.exec(text);
  if (!m) return false;
  const value = ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]);
  return value % 2 ** (32 - Number(m[5])) === 0;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A JSON object (not null, not an array). */
export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Typed, located access to one parsed document. Every wrong type, missing required field or invalid
 * value becomes a diagnostic at its JSON pointer and the accessor returns undefined (or []), so a
 * converter keeps going with the rest of the object. Pointers are built only when reporting.
 */
export class Reader {
  constructor(
    readonly doc: JsonDocument,
    readonly sink: DiagnosticSink,
  ) {}

  src(pointer: string): SourceRef {
    return sourceRef(this.doc.file, pointer, this.doc.locator);
  }

  at(pointer: string, key: string | number): string {
    return `${pointer}/${escapePointerToken(key)}`;
  }

  report(severity: DiagnosticSeverity, code: string, pointer: string, message: string, hint?: string): void {
    this.sink.report(severity, code, this.src(pointer), message, hint);
  }

  wrongType(pointer: string, expected: string, got: unknown): void {
    this.report(
      'error',
      'IMPORT_WRONG_TYPE',
      pointer,
      `expected ${expected} at ${pointer || '/'}, found ${typeName(got)}`,
      'Check that the file is unmodified CLI/Terraform output.',
    );
  }

  /** The value itself as an object, or undefined with a diagnostic. */
  asObject(v: unknown, pointer: string): Json | undefined {
    if (isObject(v)) return v;
    this.wrongType(pointer, 'an object', v);
    return undefined;
  }

  /** Items of an array field that are objects, with their pointers. Missing/null gives []. */
  objects(o: Json, key: string, pointer: string): readonly [Json, string][] {
    const v = o[key];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return NONE;
    const p = this.at(pointer, key);
    if (!Array.isArray(v)) {
      this.wrongType(p, 'an array', v);
      return NONE;
    }
    const out: [Json, string][] = [];
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      if (isObject(item)) out.push([item, `${p}/${i}`]);
      else this.wrongType(`${p}/${i}`, 'an object', item);
    }
    return out;
  }

  /**
   * One string field from each object of a list (`Groups[].GroupId`): the hot case of id lists,
   * without building item pointers unless something is wrong.
   */
  ids(o: Json, listKey: string, idKey: string, pointer: string): readonly string[] {
    const v = o[listKey];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return NONE;
    if (!Array.isArray(v)) {
      this.wrongType(this.at(pointer, listKey), 'an array', v);
      return NONE;
    }
    const out: string[] = [];
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (!isObject(item)) {
        this.wrongType(`${this.at(pointer, listKey)}/${i}`, 'an object', item);
        continue;
      }
      const x = this.string(item, idKey, `${this.at(pointer, listKey)}/${i}`, true);
      if (x !== undefined) out.push(x);
    }
    return out;
  }

  object(o: Json, key: string, pointer: string): Json | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (isObject(v)) return v;
    this.wrongType(this.at(pointer, key), 'an object', v);
    return undefined;
  }

  string(o: Json, key: string, pointer: string, required = false): string | undefined {
    const v = o[key];
    if (typeof v === 'string') return v;
    if (v === undefined || v === null) {
      if (required) this.missing(pointer, key);
      return undefined;
    }
    this.wrongType(this.at(pointer, key), 'a string', v);
    return undefined;
  }

  missing(pointer: string, key: string): void {
    this.report(
      'error',
      'IMPORT_MISSING_FIELD',
      pointer,
      `required field "${key}" is missing at ${pointer || '/'}`,
      'The object is skipped or incomplete; re-export it.',
    );
  }

  number(o: Json, key: string, pointer: string): number | undefined {
    const v = o[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === undefined || v === null) return undefined;
    this.wrongType(this.at(pointer, key), 'a number', v);
    return undefined;
  }

  boolean(o: Json, key: string, pointer: string): boolean | undefined {
    const v = o[key];
    if (typeof v === 'boolean') return v;
    if (v === undefined || v === null) return undefined;
    this.wrongType(this.at(pointer, key), 'a boolean', v);
    return undefined;
  }

  /** Array of strings; non-strings are reported and dropped. */
  strings(o: Json, key: string, pointer: string): string[] {
    const v = o[key];
    if (v === undefined || v === null) return [];
    const p = this.at(pointer, key);
    if (!Array.isArray(v)) {
      this.wrongType(p, 'an array', v);
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x === 'string') out.push(x);
      else this.wrongType(`${p}/${i}`, 'a string', x);
    });
    return out;
  }

  /**
   * A CIDR in canonical form. Invalid -> error and undefined; host bits set -> warning and the
   * network address (what AWS stores).
   */
  cidr(text: string, pointer: string): string | undefined {
    if (canonicalV4Cidr(text)) return text;
    const c = parseCidr(text);
    if (typeof c === 'string') {
      this.report(
        'error',
        'IMPORT_INVALID_CIDR',
        pointer,
        c,
        'Fix the CIDR; rules and routes using it are ignored.',
      );
      return undefined;
    }
    if (c.hostBitsSet)
      this.report(
        'warning',
        'IMPORT_CIDR_HOST_BITS',
        pointer,
        `CIDR "${text}" has host bits set; read as ${c.canonical}`,
        `Write ${c.canonical} to say what is meant.`,
      );
    return c.canonical;
  }

  /** Optional CIDR field of an object. */
  cidrField(o: Json, key: string, pointer: string): string | undefined {
    const t = this.string(o, key, pointer);
    return t === undefined ? undefined : this.cidr(t, this.at(pointer, key));
  }

  /** An IP address in canonical form, or undefined with an error. */
  ip(text: string, pointer: string): string | undefined {
    // Fast path: a dotted quad without leading zeros is already canonical (most addresses in exports).
    if (CANONICAL_V4.test(text)) return text;
    const a = parseIp(text);
    if (a === undefined) {
      this.report('error', 'IMPORT_INVALID_IP', pointer, `"${text}" is not a valid IP address`);
      return undefined;
    }
    return formatIp(a.family, a.value);
  }

  ipField(o: Json, key: string, pointer: string): string | undefined {
    const t = this.string(o, key, pointer);
    return t === undefined ? undefined : this.ip(t, this.at(pointer, key));
  }
}
