import { own } from '../_kit/aws/index.js';
import type { Json } from '../_kit/index.js';
import { modulePrefix, parseReference, type Reference, type Step, subjects } from './address.js';
import { type ConfigIndex, constantOf } from './config.js';
import { expectedTypes } from './reference-types.js';
import { isUnknownAt, type TfResource } from './walk.js';

/** An element id a reference leads to, and the resource type it belongs to when it names a resource. */
export interface Target {
  readonly id: string;
  readonly type?: string;
}

/** `complete` is false when some part of the expression could not be followed (locals, data sources...). */
export interface Resolution {
  readonly targets: readonly Target[];
  readonly complete: boolean;
}

interface Scope {
  readonly modules: readonly Step[];
  /** The referring resource's instance key, for `aws_subnet.x[count.index]`-style pairing. */
  readonly key?: string;
}

const ELB_TYPES = new Set([
  'aws_lb',
  'aws_alb',
  'aws_lb_target_group',
  'aws_alb_target_group',
  'aws_lb_listener',
  'aws_alb_listener',
]);

/** Attributes of a VPC that name its default objects, and the resource type that manages each. */
const VPC_DEFAULTS: Readonly<Record<string, string>> = {
  default_security_group_id: 'aws_default_security_group',
  default_network_acl_id: 'aws_default_network_acl',
  default_route_table_id: 'aws_default_route_table',
  main_route_table_id: 'aws_default_route_table',
};

/** Attributes whose values are object ids (never CIDRs, names of other things, ports...). */
const ID_LIKE = /^(?:id|arn|arn_suffix|name|.*_ids?|.*_arns?)$/;

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function sameConstants(block: Json, values: Json): boolean {
  let compared = 0;
  for (const [k, e] of Object.entries(block)) {
    const c = constantOf(e);
    if (c === undefined || !(k in values)) continue;
    const v = values[k];
    const blank = (x: unknown): boolean => x === null || x === '' || (Array.isArray(x) && x.length === 0);
    if (!(blank(c) && blank(v)) && JSON.stringify(c) !== JSON.stringify(v)) return false;
    compared++;
  }
  return compared > 0;
}

/**
 * Follows configuration references (`configuration.root_module...expressions.<attr>.references`) to the
 * resources an unknown value will come from, across module inputs (`var.x`) and outputs (`module.m.out`).
 */
export class Resolver {
  readonly #byResource = new Map<string, TfResource[]>();
  readonly #moduleKeys = new Map<string, Set<string | undefined>>();

  constructor(
    resources: readonly TfResource[],
    private readonly config: ConfigIndex,
    private readonly idOf: (res: TfResource) => string | undefined,
  ) {
    for (const r of resources) {
      const k = `${modulePrefix(r.modules)}|${r.type}.${r.name}`;
      const list = this.#byResource.get(k);
      if (list) list.push(r);
      else this.#byResource.set(k, [r]);
      r.modules.forEach((m, i) => {
        const pk = `${modulePrefix(r.modules.slice(0, i))}|${m.name}`;
        const keys = this.#moduleKeys.get(pk) ?? new Set();
        keys.add(m.key);
        this.#moduleKeys.set(pk, keys);
      });
    }
  }

  /**
   * Resolve `path` (an attribute, or a path into nested blocks) of `res`. `match` selects a block of a set.
   * With `subject`, the result is the id of the referenced resource of those types, whatever attribute of
   * it the expression reads (the VPC behind `aws_vpc.main.default_route_table_id`).
   */
  resolve(
    res: TfResource,
    path: readonly (string | number)[],
    match?: Json,
    subject?: ReadonlySet<string>,
  ): Resolution {
    const cfg = this.config.resource(
      res.modules.map((m) => m.name),
      res.type,
      res.name,
    );
    let e: unknown = cfg?.expressions;
    for (const seg of path) {
      if (Array.isArray(e)) {
        const blocks = e.map(obj).filter((b): b is Json => b !== undefined);
        const picked = match ? blocks.filter((b) => sameConstants(b, match)) : [];
        e =
          picked.length === 1
            ? picked[0]
            : blocks.length === 1
              ? blocks[0]
              : typeof seg === 'number' && !match
                ? blocks[seg]
                : undefined;
        if (typeof seg === 'number') continue;
      }
      const o = obj(e);
      // An attribute-style block list has one expression for all elements: use it whole.
      if (o && ('references' in o || 'constant_value' in o)) break;
      e = o?.[String(seg)];
    }
    const attr = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
    const scope = { modules: res.modules, ...(res.key === undefined ? {} : { key: res.key }) };
    return this.#expression(e, scope, subject ?? expectedTypes(attr), 0, subject !== undefined);
  }

  #expression(
    expr: unknown,
    scope: Scope,
    expected: ReadonlySet<string> | undefined,
    depth: number,
    asId = false,
  ): Resolution {
    const e = obj(expr);
    if (!e || depth > 16) return { targets: [], complete: false };
    if ('constant_value' in e)
      return asId ? { targets: [], complete: false } : this.#constant(e.constant_value);
    const refs = Array.isArray(e.references)
      ? e.references.filter((x): x is string => typeof x === 'string')
      : [];
    if (refs.length === 0) return { targets: [], complete: false };
    const parsed = refs.map(parseReference);
    const pairing = parsed.some((p) => p.kind === 'instance-key');
    const targets: Target[] = [];
    let complete = true;
    for (const ref of subjects(parsed)) {
      let r: Resolution;
      if (ref.kind === 'resource')
        r = this.#resource(asId ? { ...ref, attr: 'id' } : ref, scope, pairing, expected);
      else if (ref.kind === 'var') r = this.#variable(ref.name, scope, expected, depth, asId);
      else if (ref.kind === 'module') r = this.#moduleOutput(ref, scope, expected, depth, asId);
      else r = { targets: [], complete: false };
      targets.push(...r.targets);
      complete &&= r.complete;
    }
    const seen = new Set<string>();
    return { targets: targets.filter((t) => !seen.has(t.id) && seen.add(t.id)), complete };
  }

  #constant(v: unknown): Resolution {
    const list = Array.isArray(v) ? v : [v];
    const ids = list.filter((x): x is string => typeof x === 'string' && x !== '');
    return { targets: ids.map((id) => ({ id })), complete: ids.length === list.length };
  }

  #resource(
    ref: Extract<Reference, { kind: 'resource' }>,
    scope: Scope,
    pairing: boolean,
    expected: ReadonlySet<string> | undefined,
  ): Resolution {
    // Another type's attribute that names an object of the expected kind (`aws_vpc.x.default_security_group_id`).
    const named =
      ref.attr !== undefined &&
      (Object.hasOwn(VPC_DEFAULTS, ref.attr) || ref.attr === 'primary_network_interface_id');
    if (expected && !expected.has(ref.type) && !named) return { targets: [], complete: true };
    let found = this.#byResource.get(`${modulePrefix(scope.modules)}|${ref.type}.${ref.name}`) ?? [];
    if (ref.key !== undefined) found = found.filter((r) => r.key === ref.key);
    else if (found.length > 1 && pairing && scope.key !== undefined)
      found = found.filter((r) => r.key === scope.key);
    if (found.length === 0) return { targets: [], complete: false };
    const targets: Target[] = [];
    for (const r of found)
      for (const id of this.attributeIds(r, ref.attr ?? 'id')) targets.push({ id, type: r.type });
    return { targets, complete: targets.length > 0 };
  }

  #variable(
    name: string,
    scope: Scope,
    expected: ReadonlySet<string> | undefined,
    depth: number,
    asId: boolean,
  ): Resolution {
    const last = scope.modules[scope.modules.length - 1];
    if (!last)
      return asId ? { targets: [], complete: false } : this.#constant(this.config.rootVariable(name));
    const parent = scope.modules.slice(0, -1);
    const call = this.config.moduleCall(
      parent.map((m) => m.name),
      last.name,
    );
    const expr = obj(call?.expressions)?.[name];
    if (expr === undefined)
      return asId
        ? { targets: [], complete: false }
        : this.#constant(
            this.config.variableDefault(
              scope.modules.map((m) => m.name),
              name,
            ),
          );
    return this.#expression(expr, { modules: parent }, expected, depth + 1, asId);
  }

  #moduleOutput(
    ref: Extract<Reference, { kind: 'module' }>,
    scope: Scope,
    expected: ReadonlySet<string> | undefined,
    depth: number,
    asId: boolean,
  ): Resolution {
    if (ref.output === undefined) return { targets: [], complete: false };
    const keys = [...(this.#moduleKeys.get(`${modulePrefix(scope.modules)}|${ref.name}`) ?? [])];
    const chosen = ref.key !== undefined ? [ref.key] : keys;
    if (chosen.length !== 1) return { targets: [], complete: false };
    const step: Step = chosen[0] === undefined ? { name: ref.name } : { name: ref.name, key: chosen[0] };
    const child = [...scope.modules, step];
    const expr = this.config.output(
      child.map((m) => m.name),
      ref.output,
    );
    return this.#expression(expr, { modules: child }, expected, depth + 1, asId);
  }

  /** Element ids an attribute of a resource stands for: its value when known, else what it will name. */
  attributeIds(res: TfResource, attr: string): string[] {
    if (!ID_LIKE.test(attr)) return [];
    const v = res.values[attr];
    if (!isUnknownAt(res.afterUnknown, [attr])) {
      if (typeof v === 'string' && v !== '') return [v];
      if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v as string[];
    }
    const self = this.idOf(res);
    if (attr === 'id' || (ELB_TYPES.has(res.type) && (attr === 'arn' || attr === 'arn_suffix')))
      return self ? [self] : [];
    if (
      (res.type === 'aws_eip' && attr === 'allocation_id') ||
      (res.type === 'aws_db_subnet_group' && attr === 'name')
    )
      return self ? [self] : [];
    if (
      (res.type === 'aws_instance' && attr === 'primary_network_interface_id') ||
      (res.type === 'aws_nat_gateway' && attr === 'network_interface_id')
    )
      return [`${res.address}.${attr}`];
    const defaultType = own(VPC_DEFAULTS, attr);
    if (defaultType && (res.type === 'aws_vpc' || res.type === 'aws_default_vpc') && self)
      return this.#defaultOf(defaultType, self);
    return [];
  }

  /** The `aws_default_*` resource that adopts a VPC's default object, found through its `vpc_id`. */
  #defaultOf(type: string, vpcId: string): string[] {
    const out: string[] = [];
    for (const list of this.#byResource.values()) {
      for (const r of list) {
        if (r.type !== type) continue;
        const vpc = this.attributeIds(r, 'vpc_id')[0] ?? this.resolve(r, ['vpc_id']).targets[0]?.id;
        const id = this.idOf(r);
        if (vpc === vpcId && id) out.push(id);
      }
    }
    return out.length === 1 ? out : [];
  }
}
