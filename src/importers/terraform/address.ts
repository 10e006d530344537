/**
 * Terraform resource addresses (`module.vpc["prod"].aws_subnet.private[0]`) and configuration references
 * (`aws_vpc.main.id`, `module.vpc.vpc_id`, `var.subnet_ids`), as the JSON output format writes them.
 * Instance keys are normalised to text: `0` for count indexes, `"name"` (JSON-quoted) for for_each keys.
 */

export interface Step {
  readonly name: string;
  readonly key?: string;
}

/** Split a traversal into names with optional index keys. Undefined when it is not one. */
export function parseTraversal(text: string): Step[] | undefined {
  const steps: Step[] = [];
  let i = 0;
  while (i < text.length) {
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    let key: string | undefined;
    if (text[i] === '[') {
      const k = readKey(text, i + 1);
      if (!k) return undefined;
      key = k.key;
      i = k.end;
    }
    steps.push(key === undefined ? { name: m[0] } : { name: m[0], key });
    if (i === text.length) break;
    if (text[i] !== '.') return undefined;
    i++;
    if (i === text.length) return undefined;
  }
  return steps.length > 0 ? steps : undefined;
}

/** `[0]` or `["a.b"]` starting after `[`: the normalised key and the offset after `]`. */
function readKey(text: string, start: number): { key: string; end: number } | undefined {
  if (text[start] === '"') {
    let j = start + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    if (text[j + 1] !== ']') return undefined;
    try {
      const s = JSON.parse(text.slice(start, j + 1)) as string;
      return { key: JSON.stringify(s), end: j + 2 };
    } catch {
      return undefined;
    }
  }
  const m = /^(-?\d+)\]/.exec(text.slice(start));
  return m ? { key: String(Number(m[1])), end: start + m[0].length } : undefined;
}

export function keyText(step: Step): string {
  return step.key === undefined ? step.name : `${step.name}[${step.key}]`;
}

/** Module instance prefix (`module.a.module.b["x"]`, '' for the root) of module steps. */
export function modulePrefix(steps: readonly Step[]): string {
  return steps.map((s) => `module.${keyText(s)}`).join('.');
}

export interface ResourceAddress {
  /** Module instance steps, outermost first. */
  readonly modules: readonly Step[];
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly key?: string;
}

export function parseAddress(address: string): ResourceAddress | undefined {
  const steps = parseTraversal(address);
  if (!steps) return undefined;
  const modules: Step[] = [];
  let i = 0;
  while (i + 1 < steps.length && steps[i]!.name === 'module' && steps[i]!.key === undefined) {
    modules.push(steps[i + 1]!);
    i += 2;
  }
  const rest = steps.slice(i);
  const data = rest[0]?.name === 'data' && rest[0].key === undefined;
  const [t, n] = data ? [rest[1], rest[2]] : [rest[0], rest[1]];
  if (!t || !n || t.key !== undefined || rest.length !== (data ? 3 : 2)) return undefined;
  return {
    modules,
    mode: data ? 'data' : 'managed',
    type: t.name,
    name: n.name,
    ...(n.key === undefined ? {} : { key: n.key }),
  };
}

/** One entry of a configuration expression's `references`. */
export type Reference =
  | {
      readonly kind: 'resource';
      readonly type: string;
      readonly name: string;
      readonly key?: string;
      readonly attr?: string;
    }
  | { readonly kind: 'module'; readonly name: string; readonly key?: string; readonly output?: string }
  | { readonly kind: 'var'; readonly name: string }
  /** `count.index`, `each.key`: the referrer's own instance key picks the instance. */
  | { readonly kind: 'instance-key' }
  /** locals, data sources, `each.value`, `path.*`...: values this importer cannot follow. */
  | { readonly kind: 'opaque'; readonly text: string };

const OPAQUE_ROOTS = new Set(['local', 'data', 'path', 'terraform', 'self', 'each', 'count']);

export function parseReference(text: string): Reference {
  const steps = parseTraversal(text);
  const first = steps?.[0];
  if (!steps || !first) return { kind: 'opaque', text };
  if (text === 'count.index' || text === 'each.key') return { kind: 'instance-key' };
  if (first.name === 'var' && steps[1]) return { kind: 'var', name: steps[1].name };
  if (first.name === 'module' && steps[1])
    return {
      kind: 'module',
      name: steps[1].name,
      ...(steps[1].key === undefined ? {} : { key: steps[1].key }),
      ...(steps[2] ? { output: steps[2].name } : {}),
    };
  if (OPAQUE_ROOTS.has(first.name) || !steps[1] || first.key !== undefined) return { kind: 'opaque', text };
  return {
    kind: 'resource',
    type: first.name,
    name: steps[1].name,
    ...(steps[1].key === undefined ? {} : { key: steps[1].key }),
    ...(steps[2] ? { attr: steps[2].name } : {}),
  };
}

/** One reference per subject, in order: `aws_subnet.a[0].id`, `aws_subnet.a[0]`, `aws_subnet.a` are one. */
export function subjects(parsed: readonly Reference[]): Reference[] {
  const groups = new Map<string, Reference[]>();
  for (const p of parsed) {
    if (p.kind === 'instance-key') continue;
    const k =
      p.kind === 'resource'
        ? `r:${p.type}.${p.name}`
        : p.kind === 'module'
          ? `m:${p.name}`
          : p.kind === 'var'
            ? `v:${p.name}`
            : `o:${p.text}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const out: Reference[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    if (first.kind !== 'resource' && first.kind !== 'module') {
      out.push(first);
      continue;
    }
    // Most specific first: keyed instances over the whole resource, with an attribute (or output) over without.
    const keyed = list.filter((x) => 'key' in x && x.key !== undefined);
    const pool = keyed.length > 0 ? keyed : list;
    const best = new Map<string, Reference>();
    for (const x of pool) {
      const key = 'key' in x ? (x.key ?? '') : '';
      const detail = x.kind === 'resource' ? x.attr : x.kind === 'module' ? x.output : undefined;
      const k = x.kind === 'module' ? `${key}.${detail ?? ''}` : key;
      const prev = best.get(k);
      const prevDetail = prev?.kind === 'resource' ? prev.attr : undefined;
      if (!prev || (prev.kind === 'resource' && prevDetail === undefined && detail !== undefined))
        best.set(k, x);
    }
    let chosen = [...best.values()];
    if (first.kind === 'module' && chosen.some((x) => x.kind === 'module' && x.output !== undefined))
      chosen = chosen.filter((x) => x.kind === 'module' && x.output !== undefined);
    out.push(...chosen);
  }
  return out;
}
