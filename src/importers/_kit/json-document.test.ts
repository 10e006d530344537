import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from './json-document.js';
import { JsonLocator } from './json-locator.js';
import { syntaxErrorOffset } from './json-syntax.js';
import { DiagnosticSink } from './sink.js';

function parse(text: string, limits?: { maxBytes: number; maxDepth: number; maxAliases: number }) {
  const sink = new DiagnosticSink();
  const doc = parseJsonDocument('f.json', text, sink, limits);
  return {
    doc,
    diags: sink.diagnostics.map(
      (d) => `${d.severity} ${d.code} ${d.source.line}:${d.source.column} ${d.source.pointer} ${d.message}`,
    ),
  };
}

describe('parseJsonDocument (DESIGN §5)', () => {
  it('reports malformed JSON once, fatal, at the line and column of the error', () => {
    expect(parse('{\n  "Vpcs": [\n    {"VpcId": "vpc-1",}\n  ]\n}').diags).toEqual([
      'fatal IMPORT_JSON_SYNTAX 3:23  not valid JSON: Expected double-quoted property name in JSON at position 36',
    ]);
    // V8 gives no position for this one; our scanner finds it.
    const r = parse('{"a":\n  tru}');
    expect(r.doc).toBeUndefined();
    expect(r.diags[0]).toMatch(/^fatal IMPORT_JSON_SYNTAX 2:3 /);
    expect(parse('').diags[0]).toMatch(/^fatal IMPORT_JSON_SYNTAX 1:1 /);
  });

  it('refuses files over the size limit and documents nested too deep, without throwing', () => {
    expect(parse('{"a": 1}', { maxBytes: 4, maxDepth: 10, maxAliases: 1 }).diags).toEqual([
      'fatal IMPORT_FILE_TOO_LARGE 0:0  file is 8 bytes, over the 4-byte limit',
    ]);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    // 128 levels pass, 129 do not.
    expect(parse(`${'['.repeat(128)}${']'.repeat(128)}`).diags).toEqual([]);
    expect(parse(`{"a":${'['.repeat(128)}${']'.repeat(128)}}`).diags).toHaveLength(1);
    expect(parse(deep).diags).toEqual([
      'fatal IMPORT_JSON_TOO_DEEP 1:1  JSON nests deeper than the limit of 128 levels',
    ]);
  });

  it('drops __proto__ keys with a located error and never touches Object.prototype', () => {
    const r = parse('{"Vpcs": [{"VpcId": "vpc-1",\n "__proto__": {"polluted": true}}]}');
    expect(r.diags).toEqual([
      'error IMPORT_UNSAFE_KEY 2:15 /Vpcs/0/__proto__ key "__proto__" is not allowed and was ignored',
    ]);
    const value = r.doc?.value as { Vpcs: object[] } | undefined;
    expect(Object.keys(value?.Vpcs[0] ?? {})).toEqual(['VpcId']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('strips a byte-order mark', () => {
    expect(parse('\ufeff{"Vpcs": []}').doc?.value).toEqual({ Vpcs: [] });
  });
});

describe('JsonLocator', () => {
  const text = '{\n  "a/b": {"x~y": [10, {"k": "v"}]},\n  "list": [1,\n    2]\n}';
  const loc = new JsonLocator(text);
  it('finds values by RFC 6901 pointer, escapes included', () => {
    expect(loc.locate('')).toEqual({ line: 1, column: 1 });
    expect(loc.locate('/a~1b')).toEqual({ line: 2, column: 10 });
    expect(loc.locate('/a~1b/x~0y/1/k')).toEqual({ line: 2, column: 29 });
    expect(loc.locate('/list/1')).toEqual({ line: 4, column: 5 });
  });
  it('falls back to the nearest existing parent for a missing member', () => {
    expect(loc.locate('/list/7')).toEqual({ line: 3, column: 11 });
    expect(loc.locate('/nope/deeper')).toEqual({ line: 1, column: 1 });
  });
});

describe('syntaxErrorOffset', () => {
  it.each([
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['{"a": "b\\q"}', 8],
    ['{"a": 01}', 7],
    ['[1] x', 4],
    ['{"a": [1, 2}', 11],
  ])('%s -> %i', (text, offset) => {
    let message = '';
    try {
      JSON.parse(text);
    } catch (e) {
      message = (e as Error).message.replace(/at position \d+/, '');
    }
    expect(message).not.toBe('');
    // Without V8's position we must find the same place ourselves.
    expect(syntaxErrorOffset(text, message)).toBe(offset);
  });
});
