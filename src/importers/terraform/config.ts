import { arnParts, isAccountId } from '../_kit/aws/index.js';
import type { Json } from '../_kit/index.js';

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

/** `{constant_value}` of an expression, when it is a literal. */
export function constantOf(expr: unknown): unknown {
  const e = obj(expr);
  return e && 'constant_value' in e ? e.constant_value : undefined;
}

export interface ConfigResource {
  readonly expressions: Json;
  readonly providerKey?: string;
}

/**
 * The plan's `configuration` block, read leniently (it only helps resolve values unknown until apply):
 * resources with their expressions per module path, module calls, outputs and provider configurations.
 */
export class ConfigIndex {
  readonly #root: Json | undefined;
  readonly #providers: Json;
  readonly #variables: Json;
  readonly #resources = new Map<string, Map<string, ConfigResource>>();

  constructor(doc: Json) {
    const configuration = obj(doc.configuration);
    this.#root = obj(configuration?.root_module);
    this.#providers = obj(configuration?.provider_config) ?? {};
    this.#variables = obj(doc.variables) ?? {};
  }

  get present(): boolean {
    return this.#root !== undefined;
  }

  /** The configuration module at a path of module call names ([] = root). */
  module(path: readonly string[]): Json | undefined {
    let m = this.#root;
    for (const name of path) m = obj(obj(obj(m?.module_calls)?.[name])?.module);
    return m;
  }

  moduleCall(parentPath: readonly string[], name: string): Json | undefined {
    return obj(obj(this.module(parentPath)?.module_calls)?.[name]);
  }

  /** The managed resource block `type.name` of a module (indexed once per module). */
  resource(path: readonly string[], type: string, name: string): ConfigResource | undefined {
    const key = path.join('.');
    let index = this.#resources.get(key);
    if (!index) {
      index = new Map();
      this.#resources.set(key, index);
      const m = this.module(path);
      for (const r of Array.isArray(m?.resources) ? m.resources : []) {
        const o = obj(r);
        if (!o || o.mode === 'data' || typeof o.type !== 'string' || typeof o.name !== 'string') continue;
        const k = `${o.type}.${o.name}`;
        if (index.has(k)) continue;
        index.set(k, {
          expressions: obj(o.expressions) ?? {},
          ...(typeof o.provider_config_key === 'string' ? { providerKey: o.provider_config_key } : {}),
        });
      }
    }
    return index.get(`${type}.${name}`);
  }

  output(path: readonly string[], name: string): unknown {
    return obj(obj(this.module(path)?.outputs)?.[name])?.expression;
  }

  /** Value of a root module input variable, from the plan's `variables`. */
  rootVariable(name: string): unknown {
    return obj(this.#variables[name])?.value;
  }

  /** Default of a module's variable (`variables.<name>.default`), used when the call does not set it. */
  variableDefault(path: readonly string[], name: string): unknown {
    return obj(obj(this.module(path)?.variables)?.[name])?.default;
  }

  #provider(key: string): Json | undefined {
    const p = obj(this.#providers[key]) ?? obj(this.#providers[key.slice(key.lastIndexOf(':') + 1)]);
    return obj(p?.expressions);
  }

  /** Region a provider configuration sets as a literal. */
  providerRegion(key: string): string | undefined {
    const v = constantOf(this.#provider(key)?.region);
    return typeof v === 'string' && v !== '' ? v : undefined;
  }

  /** Account a provider configuration pins: `assume_role.role_arn` or a single `allowed_account_ids`. */
  providerAccount(key: string): string | undefined {
    const e = this.#provider(key);
    if (!e) return undefined;
    const roles = Array.isArray(e.assume_role) ? e.assume_role : [e.assume_role];
    for (const role of roles) {
      const arn = constantOf(obj(role)?.role_arn);
      const account = typeof arn === 'string' ? arnParts(arn)?.account : undefined;
      if (isAccountId(account)) return account;
    }
    const allowed = constantOf(e.allowed_account_ids);
    if (Array.isArray(allowed) && allowed.length === 1 && isAccountId(String(allowed[0])))
      return String(allowed[0]);
    return undefined;
  }
}
