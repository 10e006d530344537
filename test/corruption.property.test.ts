/**
 * Issue #2 item 6: random corruptions of a valid snapshot never throw and always yield located
 * diagnostics (DESIGN §5). Text-level edits exercise the JSON reader; structural edits (wrong types,
 * deleted keys, unsafe keys, junk values) exercise every converter.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inventoryOf } from '../src/app/inventory.js';
import { importText } from '../src/importers/index.js';
import { buildEstate, type Diagnostic } from '../src/model/index.js';
import { listJson, repoRoot } from './support.js';

const RUNS = Number(process.env.FC_CORRUPTION_RUNS ?? 1000);
const files = [
  ...listJson(join(repoRoot, 'examples/acme/aws')),
  // Terraform: the smaller plan plus the importer's hand-made plan and state fixtures.
  join(repoRoot, 'examples/acme/terraform/network/plan.json'),
  ...listJson(join(repoRoot, 'src/importers/terraform/fixtures')),
].map((f) => ({
  name: relative(repoRoot, f),
  text: readFileSync(f, 'utf8'),
}));

function assertLocated(name: string, diags: readonly Diagnostic[]): void {
  for (const d of diags) {
    expect(d.source.file).toBe(name);
    expect(d.source.line, `${d.code} ${d.source.pointer}`).toBeGreaterThanOrEqual(1);
    expect(d.source.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

/** How many runs produced diagnostics: the properties must exercise the error paths, not skip them. */
const seen = { fatal: 0, located: 0 };

function run(name: string, text: string): void {
  const fragments = importText(name, text);
  const ds = fragments.flatMap((f) => f.diagnostics);
  if (ds.some((d) => d.severity === 'fatal')) seen.fatal++;
  else if (ds.length > 0) seen.located++;
  const estate = buildEstate(fragments);
  inventoryOf(estate, 1);
  // Element positions must resolve too (they are computed lazily).
  for (const e of estate.elements) expect(e.source.line).toBeGreaterThanOrEqual(1);
  assertLocated(name, estate.diagnostics);
}

const fileArb = fc.constantFrom(...files);
const junk = fc.oneof(
  fc.constant('{'),
  fc.constant(']'),
  fc.constant('"'),
  fc.constant(','),
  fc.constant(':'),
  fc.constant('\\'),
  fc.string({ maxLength: 4 }),
);

/** A random path into a JSON value (objects and arrays), chosen by a list of random numbers. */
function pick(root: unknown, choices: number[]): (string | number)[] {
  const path: (string | number)[] = [];
  let v = root;
  for (const c of choices) {
    if (Array.isArray(v) && v.length > 0) {
      const i = c % v.length;
      path.push(i);
      v = v[i];
    } else if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) {
      const keys = Object.keys(v);
      const k = keys[c % keys.length]!;
      path.push(k);
      v = (v as Record<string, unknown>)[k];
    } else break;
  }
  return path;
}

function setAt(
  root: unknown,
  path: (string | number)[],
  mutate: (parent: Record<string, unknown>, key: string | number) => void,
): void {
  let parent = root as Record<string, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) mutate(parent, last);
}

describe('corrupted snapshots', () => {
  it('text edits: never throw; a broken file is one fatal diagnostic at a real position', () => {
    fc.assert(
      fc.property(
        fileArb,
        fc.nat(),
        fc.nat({ max: 20 }),
        junk,
        fc.boolean(),
        (file, at, del, ins, truncate) => {
          const i = at % (file.text.length + 1);
          const text = truncate
            ? file.text.slice(0, i)
            : file.text.slice(0, i) + ins + file.text.slice(i + del);
          run(file.name, text);
        },
      ),
      { numRuns: RUNS },
    );
    expect(seen.fatal).toBeGreaterThan(RUNS / 4);
  });

  it('structural edits: wrong types, missing keys, unsafe keys and junk values are located, the rest imported', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({ kind: fc.constant('proto' as const) }),
      fc.record({
        kind: fc.constant('cidr' as const),
        value: fc.constantFrom('10.0.0.0/33', '300.1.2.3/8', '::g/64', '', '10.0.0.1/8'),
      }),
    );
    fc.assert(
      fc.property(
        fileArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        mutation,
        (file, choices, m) => {
          const doc = JSON.parse(file.text) as unknown;
          const path = pick(doc, choices);
          setAt(doc, path, (parent, key) => {
            if (m.kind === 'replace') parent[key] = m.value;
            else if (m.kind === 'cidr') parent[key] = m.value;
            else if (m.kind === 'delete') {
              if (Array.isArray(parent)) parent.splice(Number(key), 1);
              else delete parent[key];
            } else if (!Array.isArray(parent))
              Object.defineProperty(parent, '__proto__', { value: { polluted: 1 }, enumerable: true });
          });
          run(file.name, JSON.stringify(doc, null, 2));
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: RUNS },
    );
    expect(seen.located).toBeGreaterThan(RUNS / 4);
  });
});
