import type { ElementBase, Tags } from '../../model/index.js';
import { escapePointerToken } from '../../model/index.js';
import { arnParts, isAccountId, regionOfZone } from '../_kit/aws/index.js';
import { isObject, type Json } from '../_kit/index.js';
import type { TfContext } from './context.js';
import type { Target } from './resolve.js';
import { hasUnknownAt, isUnknownAt, type TfResource } from './walk.js';

export type Path = readonly (string | number)[];

/** Model field names whose values are unknown until apply, collected for one element. */
export type Unknowns = string[];

export interface BaseOptions {
  readonly name?: string | undefined;
  readonly account?: string | undefined;
  readonly zone?: string | undefined;
  readonly tags?: Tags | undefined;
}

/**
 * Located, typed access to one resource's values (or one nested block of them). Terraform writes ""
 * for unset strings: read as absent. Values unknown until apply are reported once, with the model
 * fields they leave empty added to the caller's `Unknowns`; references are followed through the
 * configuration before anything is declared unknown.
 */
export class ResourceView {
  constructor(
    readonly ctx: TfContext,
    readonly res: TfResource,
    readonly o: Json = res.values,
    readonly prefix: Path = [],
  ) {}

  get address(): string {
    return this.res.address;
  }

  pointer(attr?: string | number): string {
    const path = attr === undefined ? this.prefix : [...this.prefix, attr];
    return this.res.valuesPointer + path.map((s) => `/${escapePointerToken(s)}`).join('');
  }

  unknown(attr: string): boolean {
    return isUnknownAt(this.res.afterUnknown, [...this.prefix, attr]);
  }

  /** Report that `attr` is unknown until apply; the model fields it fills join `u`. */
  warnUnknown(attr: string, u: Unknowns | undefined, fields: readonly string[], unresolved = false): void {
    if (!u) return;
    u.push(...fields);
    const path = [...this.prefix, attr];
    const pointer = this.res.unknownPointer
      ? this.res.unknownPointer + path.map((s) => `/${escapePointerToken(s)}`).join('')
      : this.pointer(attr);
    const what = path.join('.');
    this.ctx.r.report(
      'warning',
      'IMPORT_TF_UNKNOWN_VALUE',
      pointer,
      `${what} of ${this.address} is unknown until apply${unresolved ? ' and its configuration reference could not be followed' : ''}; ${fields[0] === 'rules.peer' ? 'the rule peer is marked unknown' : `${fields.join(', ')} left empty`}`,
      'Analyse the state after apply (terraform show -json) for a definite answer.',
    );
  }

  raw(attr: string): unknown {
    return this.o[attr];
  }

  str(attr: string, u?: Unknowns, ...fields: string[]): string | undefined {
    if (this.unknown(attr)) {
      this.warnUnknown(attr, u, fields);
      return undefined;
    }
    const v = this.o[attr];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v;
    this.ctx.r.wrongType(this.pointer(attr), 'a string', v);
    return undefined;
  }

  num(attr: string): number | undefined {
    const v = this.o[attr];
    if (this.unknown(attr) || v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    // Some provider versions keep numbers as strings (`deregistration_delay`, ports in redirects).
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
    this.ctx.r.wrongType(this.pointer(attr), 'a number', v);
    return undefined;
  }

  bool(attr: string): boolean | undefined {
    const v = this.o[attr];
    if (this.unknown(attr) || v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.ctx.r.wrongType(this.pointer(attr), 'a boolean', v);
    return undefined;
  }

  /** A list (or set) of strings; unknown -> [] and reported. */
  strs(attr: string, u?: Unknowns, ...fields: string[]): string[] {
    if (hasUnknownAt(this.res.afterUnknown, [...this.prefix, attr])) this.warnUnknown(attr, u, fields);
    const v = this.o[attr];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.ctx.r.wrongType(this.pointer(attr), 'an array', v);
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x === 'string') {
        if (x !== '') out.push(x);
      } else if (x !== null) this.ctx.r.wrongType(`${this.pointer(attr)}/${i}`, 'a string', x);
    });
    return out;
  }

  /** Nested blocks (`ingress`, `route`, `default_action`...) as views; non-objects are reported. */
  list(attr: string): ResourceView[] {
    const v = this.o[attr];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      if (isObject(v)) return [new ResourceView(this.ctx, this.res, v, [...this.prefix, attr])];
      this.ctx.r.wrongType(this.pointer(attr), 'an array', v);
      return [];
    }
    const out: ResourceView[] = [];
    v.forEach((x, i) => {
      if (isObject(x)) out.push(new ResourceView(this.ctx, this.res, x, [...this.prefix, attr, i]));
      else this.ctx.r.wrongType(`${this.pointer(attr)}/${i}`, 'an object', x);
    });
    return out;
  }

  /** An id-valued attribute: its value, or (unknown until apply) what its configuration refers to. */
  ref(attr: string, u?: Unknowns, ...fields: string[]): string | undefined {
    return this.refTarget(attr, u, ...fields)?.id;
  }

  refTarget(attr: string, u?: Unknowns, ...fields: string[]): Target | undefined {
    if (!this.unknown(attr)) {
      const known = this.str(attr);
      return known === undefined ? undefined : { id: known };
    }
    const r = this.ctx.resolver.resolve(
      this.res,
      [...this.prefix, attr],
      this.prefix.length > 0 ? this.o : undefined,
    );
    if (r.complete && r.targets.length === 1) return r.targets[0];
    this.warnUnknown(attr, u, fields, true);
    return undefined;
  }

  /** A list of ids: the known ones plus those the configuration refers to while unknown. */
  refs(attr: string, u?: Unknowns, ...fields: string[]): string[] {
    const known = this.strs(attr);
    if (!hasUnknownAt(this.res.afterUnknown, [...this.prefix, attr])) return known;
    const r = this.ctx.resolver.resolve(
      this.res,
      [...this.prefix, attr],
      this.prefix.length > 0 ? this.o : undefined,
    );
    if (!r.complete || r.targets.length === 0) this.warnUnknown(attr, u, fields, true);
    return [...new Set([...known, ...r.targets.map((t) => t.id)])];
  }

  /** A CIDR in canonical form; invalid -> located error. */
  cidr(attr: string, u?: Unknowns, ...fields: string[]): string | undefined {
    const t = this.str(attr, u, ...fields);
    return t === undefined ? undefined : this.ctx.r.cidr(t, this.pointer(attr));
  }

  ip(attr: string, u?: Unknowns, ...fields: string[]): string | undefined {
    const t = this.str(attr, u, ...fields);
    return t === undefined ? undefined : this.ctx.r.ip(t, this.pointer(attr));
  }

  /** `tags_all` (provider default tags included, as AWS reports them), else `tags`. */
  tags(): Tags {
    const v = this.unknown('tags_all') || !isObject(this.o.tags_all) ? this.o.tags : this.o.tags_all;
    const out: Record<string, string> = {};
    if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
    return out;
  }

  /** The resource's model id; a state without one gets a located error. */
  id(): string | undefined {
    const id = this.ctx.idOf(this.res);
    if (id === undefined) this.ctx.r.missing(this.res.valuesPointer, 'id');
    return id;
  }

  /** Common element fields: account and region from the ARN / owner / zone, else the provider's. */
  base(
    id: string,
    opts: BaseOptions = {},
    pointer = this.prefix.length > 0 ? this.pointer() : this.res.pointer,
  ): ElementBase {
    const tags = opts.tags ?? this.tags();
    const v = this.res.values;
    const arn =
      typeof v.arn === 'string' && !isUnknownAt(this.res.afterUnknown, ['arn']) ? arnParts(v.arn) : undefined;
    const owner = typeof v.owner_id === 'string' && isAccountId(v.owner_id) ? v.owner_id : undefined;
    const zone = opts.zone ?? (typeof v.availability_zone === 'string' ? v.availability_zone : undefined);
    const defaults = this.ctx.defaults(this.res);
    const account =
      opts.account ?? owner ?? (isAccountId(arn?.account) ? arn.account : undefined) ?? defaults.account;
    const region = arn?.region ?? regionOfZone(zone) ?? defaults.region;
    const name = opts.name ?? tags.Name;
    return {
      id,
      provider: 'aws',
      ...(account ? { account } : {}),
      ...(region ? { region } : {}),
      ...(name ? { name } : {}),
      tags,
      source: this.ctx.r.src(pointer),
    };
  }

  /** A view of the same resource's top-level values (from a nested block's view). */
  top(): ResourceView {
    return this.prefix.length === 0 ? this : new ResourceView(this.ctx, this.res);
  }
}
