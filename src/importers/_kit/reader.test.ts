import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr, parseIp } from '../../model/index.js';
import { parseJsonDocument } from './json-document.js';
import { Reader } from './reader.js';
import { DiagnosticSink } from './sink.js';

function reader(): { r: Reader; sink: DiagnosticSink } {
  const sink = new DiagnosticSink();
  const doc = parseJsonDocument('f.json', '{}', sink);
  if (!doc) throw new Error('unreachable');
  return { r: new Reader(doc, sink), sink };
}

const octet = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map(String),
  fc.constantFrom('00', '01', '256', '999'),
);
const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const prefix = fc.oneof(fc.integer({ min: 0, max: 32 }).map(String), fc.constantFrom('33', '08', '', '-1'));

describe('Reader fast paths agree with the full parsers', () => {
  it('cidr(): same canonical result or the same rejection as parseCidr', () => {
    fc.assert(
      fc.property(v4, prefix, fc.boolean(), (a, p, bare) => {
        const text = bare ? a : `${a}/${p}`;
        const { r, sink } = reader();
        const full = parseCidr(text);
        expect(r.cidr(text, '/x')).toBe(typeof full === 'string' ? undefined : full.canonical);
        expect(sink.diagnostics.length > 0).toBe(typeof full === 'string' || full.hostBitsSet);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 10_000) },
    );
  });

  it('ip(): canonical dotted quads pass through, everything else goes through parseIp', () => {
    fc.assert(
      fc.property(v4, (text) => {
        const { r } = reader();
        expect(r.ip(text, '/x') !== undefined).toBe(parseIp(text) !== undefined);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 10_000) },
    );
  });
});
