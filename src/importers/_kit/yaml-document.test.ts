import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from './sink.js';
import { parseYamlDocuments } from './yaml-document.js';

function parse(text: string, limits?: { maxBytes: number; maxDepth: number; maxAliases: number }) {
  const sink = new DiagnosticSink();
  const docs = parseYamlDocuments('f.yaml', text, sink, limits);
  return {
    docs,
    values: docs.map((d) => d.value),
    diags: sink.diagnostics.map(
      (d) => `${d.severity} ${d.code} ${d.source.line}:${d.source.column} ${d.source.pointer}`,
    ),
  };
}

describe('parseYamlDocuments (DESIGN §5)', () => {
  it('gives one document per ---, skipping empty and comment-only ones (Helm output)', () => {
    const r = parse(
      [
        '---',
        '# Source: chart/templates/a.yaml',
        '---',
        '# Source: chart/templates/b.yaml',
        'kind: A',
        '---',
        '',
        '---',
        'kind: B',
        '...',
        '~',
      ].join('\n'),
    );
    expect(r.values).toEqual([{ kind: 'A' }, { kind: 'B' }]);
    expect(r.diags).toEqual([]);
  });

  it('locates pointers at absolute file positions, through flow and block collections', () => {
    const text = [
      'kind: A', // 1
      '---', // 2
      'kind: B', // 3
      'metadata:', // 4
      '  name: b', // 5
      '  labels: {app: web, "a/b": x}', // 6
      'spec:', // 7
      '  ports:', // 8
      '  - port: 80', // 9
      '    name: http', // 10
      '  - {port: 443}', // 11
      '  empty:', // 12
    ].join('\n');
    const loc = parse(text).docs[1]!.locator;
    expect(loc.locate('')).toEqual({ line: 3, column: 1 });
    expect(loc.locate('/metadata')).toEqual({ line: 4, column: 1 });
    expect(loc.locate('/metadata/name')).toEqual({ line: 5, column: 9 });
    expect(loc.locate('/metadata/labels')).toEqual({ line: 6, column: 11 });
    expect(loc.locate('/metadata/labels/a~1b')).toEqual({ line: 6, column: 29 });
    expect(loc.locate('/spec/ports/0')).toEqual({ line: 9, column: 5 });
    expect(loc.locate('/spec/ports/0/name')).toEqual({ line: 10, column: 11 });
    expect(loc.locate('/spec/ports/1/port')).toEqual({ line: 11, column: 12 });
    expect(loc.locate('/spec/empty')).toEqual({ line: 12, column: 3 });
    // Missing members fall back to the nearest existing parent.
    expect(loc.locate('/spec/ports/7')).toEqual({ line: 8, column: 3 });
    expect(loc.locate('/nope/deeper')).toEqual({ line: 3, column: 1 });
  });

  it('follows aliases and merge keys when locating', () => {
    const text = 'base: &b\n  port: 80\nx:\n  <<: *b\n  name: n\ny: *b\n';
    const r = parse(text);
    expect(r.values).toEqual([{ base: { port: 80 }, x: { port: 80, name: 'n' }, y: { port: 80 } }]);
    const loc = r.docs[0]!.locator;
    expect(loc.locate('/x/port')).toEqual({ line: 2, column: 9 });
    expect(loc.locate('/y/port')).toEqual({ line: 2, column: 9 });
    expect(loc.locate('/x/name')).toEqual({ line: 5, column: 9 });
  });

  it('a syntax error is fatal for its document only, located where parsing stopped', () => {
    const r = parse('kind: A\n---\nkind: B\nspec: [1,\n---\nkind: C\n---\na: 1\na: 2\n');
    expect(r.values).toEqual([{ kind: 'A' }, { kind: 'C' }]);
    expect(r.diags).toEqual(['fatal IMPORT_YAML_SYNTAX 5:1 ', 'fatal IMPORT_YAML_SYNTAX 9:1 ']);
  });

  it('refuses alias bombs, self-referencing anchors, deep nesting and large files without throwing', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(parse(`kind: ok\n---\n${bomb}`).diags).toEqual(['fatal IMPORT_YAML_ALIASES 3:1 ']);
    expect(parse('&a [*a]').diags).toEqual(['fatal IMPORT_YAML_TOO_DEEP 1:4 ']);
    expect(parse(`a: ${'['.repeat(128)}${']'.repeat(128)}`).diags).toEqual([
      'fatal IMPORT_YAML_TOO_DEEP 1:1 ',
    ]);
    expect(parse(`a: ${'['.repeat(126)}${']'.repeat(126)}`).diags).toEqual([]);
    expect(parse(`a: ${'['.repeat(50_000)}${']'.repeat(50_000)}`).diags[0]).toMatch(
      /^fatal IMPORT_YAML_TOO_DEEP/,
    );
    expect(parse('a: 1', { maxBytes: 2, maxDepth: 10, maxAliases: 1 }).diags).toEqual([
      'fatal IMPORT_FILE_TOO_LARGE 0:0 ',
    ]);
  });

  it('drops __proto__ keys with a located error and never touches Object.prototype', () => {
    const r = parse('kind: A\nmetadata:\n  __proto__:\n    polluted: true\n  name: a\n');
    expect(r.diags).toEqual(['error IMPORT_UNSAFE_KEY 3:3 /metadata/__proto__']);
    expect(r.values).toEqual([{ kind: 'A', metadata: { name: 'a' } }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads CRLF line endings and a byte-order mark', () => {
    const r = parse('\ufeffkind: A\r\nmetadata:\r\n  name: a\r\n');
    expect(r.values).toEqual([{ kind: 'A', metadata: { name: 'a' } }]);
    expect(r.docs[0]!.locator.locate('/metadata/name')).toEqual({ line: 3, column: 9 });
  });
});
