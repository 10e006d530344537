import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Fragment } from '../../model/index.js';
import { DiagnosticSink, type JsonDocument, parseJsonDocument } from '../_kit/index.js';
import { terraformImporter } from './index.js';

function importText(file: string, text: string): Fragment {
  const doc = parseJsonDocument(file, text, new DiagnosticSink());
  if (!doc) throw new Error('document does not parse');
  return terraformImporter.import(doc);
}

const FILE = 'fixtures/state-malformed.json';
const fragment = importText(FILE, readFileSync(new URL(`./${FILE}`, import.meta.url), 'utf8'));

describe('terraform: bad input (DESIGN §5)', () => {
  it('reports every malformed shape at its pointer and line, and keeps going', () => {
    expect(
      fragment.diagnostics.map((d) => `${d.severity} ${d.code} ${d.source.pointer}:${d.source.line}`),
    ).toEqual([
      'error IMPORT_WRONG_TYPE /values/root_module/resources/3/values:45',
      'error IMPORT_MISSING_FIELD /values/root_module/resources/4:47',
      'error IMPORT_WRONG_TYPE /values/root_module/child_modules:210',
      'error IMPORT_INVALID_CIDR /values/root_module/resources/1/values/cidr_block:27',
      'error IMPORT_MISSING_FIELD /values/root_module/resources/2/values:35',
      'error IMPORT_WRONG_TYPE /values/root_module/resources/5/values/ingress:63',
      'error IMPORT_WRONG_TYPE /values/root_module/resources/5/values/egress/3:83',
      'error IMPORT_TF_PROTOCOL /values/root_module/resources/5/values/egress/0/protocol:66',
      'error IMPORT_TF_PORTS /values/root_module/resources/5/values/egress/1:71',
      'error IMPORT_INVALID_CIDR /values/root_module/resources/5/values/egress/2/cidr_blocks/1:81',
      'error IMPORT_TF_ACTION /values/root_module/resources/6/values/ingress/0/action:100',
      'error IMPORT_MISSING_FIELD /values/root_module/resources/6/values/ingress/1:106',
      'error IMPORT_MISSING_FIELD /values/root_module/resources/6/values/ingress/2:113',
      'error IMPORT_TF_PORTS /values/root_module/resources/6/values/ingress/3:122',
      'error IMPORT_WRONG_TYPE /values/root_module/resources/6/values/subnet_ids:95',
      'error IMPORT_TF_RULE_TYPE /values/root_module/resources/8/values/type:165',
      'error IMPORT_MISSING_FIELD /values/root_module/resources/9/values:177',
      'error IMPORT_INVALID_IP /values/root_module/resources/11/values/private_ip:202',
      'error IMPORT_WRONG_TYPE /values/root_module/resources/11/values/source_dest_check:206',
      'warning IMPORT_TF_NOT_IN_INPUT /values/root_module/resources/10:183',
    ]);
  });

  it('imports the well-formed rest: good rules of a group with bad ones, a rule for a group elsewhere as a partial', () => {
    expect(fragment.elements.map((e) => `${e.kind} ${e.id}${e.partial ? ' (partial)' : ''}`)).toEqual([
      'network vpc-ok',
      'network vpc-bad',
      'filter sg-weird',
      'filter acl-bad',
      'instance i-ok',
      'endpoint eni-ok (partial)',
      'filter sg-elsewhere (partial)',
    ]);
    const sg = fragment.elements.find((e) => e.id === 'sg-weird');
    expect(
      sg?.kind === 'filter' && sg.rules.map((r) => `${r.id} ${r.connections} ${JSON.stringify(r.peer)}`),
    ).toEqual(['sg-weird/egress/0 tcp 443 {"kind":"cidr","cidr":"0.0.0.0/0"}']);
    const acl = fragment.elements.find((e) => e.id === 'acl-bad');
    expect(acl?.kind === 'filter' && acl.rules.map((r) => r.id)).toEqual(['acl-bad/ingress/140']);
    const vpc = fragment.elements.find((e) => e.id === 'vpc-ok');
    expect(vpc?.tags).toEqual({ Name: 'ok' });
  });

  it('turns a converter failure into IMPORT_TF_INTERNAL for that resource only', () => {
    const values = { id: 'vpc-1' } as Record<string, unknown>;
    Object.defineProperty(values, 'cidr_block', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const doc: JsonDocument = {
      file: 'x.json',
      locator: { locate: () => undefined },
      value: {
        format_version: '1.0',
        values: {
          root_module: {
            resources: [
              { address: 'aws_vpc.a', mode: 'managed', type: 'aws_vpc', name: 'a', values },
              {
                address: 'aws_vpc.b',
                mode: 'managed',
                type: 'aws_vpc',
                name: 'b',
                values: { id: 'vpc-2', cidr_block: '10.2.0.0/16' },
              },
            ],
          },
        },
      },
    };
    const f = terraformImporter.import(doc);
    expect(f.diagnostics.map((d) => [d.code, d.severity, d.source.pointer, d.message])).toEqual([
      [
        'IMPORT_TF_INTERNAL',
        'error',
        '/values/root_module/resources/0',
        'internal error while reading aws_vpc.a: boom',
      ],
    ]);
    expect(f.elements.map((e) => e.id)).toEqual(['vpc-2']);
  });
});

describe('terraform: format_version and recognition', () => {
  const state = (version: unknown): string =>
    JSON.stringify({
      format_version: version,
      values: {
        root_module: {
          resources: [
            {
              address: 'aws_vpc.a',
              mode: 'managed',
              type: 'aws_vpc',
              name: 'a',
              values: { id: 'vpc-1', cidr_block: '10.0.0.0/16' },
            },
          ],
        },
      },
    });

  it('rejects an unknown major version: one fatal diagnostic, nothing imported', () => {
    const f = importText('s.json', state('2.0'));
    expect(f.elements).toEqual([]);
    expect(f.diagnostics.map((d) => [d.severity, d.code, d.source.pointer, d.source.line])).toEqual([
      ['fatal', 'IMPORT_TF_FORMAT_VERSION', '/format_version', 1],
    ]);
    expect(importText('s.json', state(1)).diagnostics.map((d) => d.code)).toEqual([
      'IMPORT_TF_FORMAT_VERSION',
    ]);
  });

  it('accepts 0.x and 1.x', () => {
    expect(importText('s.json', state('0.2')).elements.map((e) => e.id)).toEqual(['vpc-1']);
    expect(importText('s.json', state('1.9')).elements.map((e) => e.id)).toEqual(['vpc-1']);
  });

  it('accepts only objects with format_version and plan or state content', () => {
    const accepts = (v: unknown): boolean =>
      terraformImporter.accepts({ file: 'x', value: v, locator: { locate: () => undefined } });
    expect(accepts({ format_version: '1.0', values: {} })).toBe(true);
    expect(accepts({ format_version: '1.0', resource_changes: [] })).toBe(true);
    expect(accepts({ format_version: '1.0', prior_state: {} })).toBe(true);
    expect(accepts({ format_version: '1.0', provider_schemas: {} })).toBe(false);
    expect(accepts({ values: {} })).toBe(false);
    expect(accepts({ Vpcs: [] })).toBe(false);
    expect(accepts([])).toBe(false);
  });
});
