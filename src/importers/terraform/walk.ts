import { isObject, type Json, type Reader } from '../_kit/index.js';
import { parseAddress, type Step } from './address.js';

/** One resource instance as the estate will have it: from a state, or after the plan is applied. */
export interface TfResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Normalised instance key (`0`, `"a"`), if the resource uses count or for_each. */
  readonly key?: string;
  /** Module instance steps, outermost first. */
  readonly modules: readonly Step[];
  readonly values: Json;
  /** Pointer to the resource object (element sources point here). */
  readonly pointer: string;
  readonly valuesPointer: string;
  /** The plan's `after_unknown` for this resource: `true` leaves mark values unknown until apply. */
  readonly afterUnknown?: unknown;
  readonly unknownPointer?: string;
  readonly actions?: readonly string[];
  readonly providerName?: string;
}

export interface Walked {
  readonly plan: boolean;
  readonly resources: TfResource[];
}

interface Change {
  readonly index: number;
  readonly actions: string[];
  readonly afterUnknown: unknown;
}

function changesByAddress(r: Reader, root: Json): Map<string, Change> {
  const out = new Map<string, Change>();
  for (const [rc, p] of r.objects(root, 'resource_changes', '')) {
    // Deposed objects are being destroyed; they are not the resource's planned value.
    if (typeof rc.address !== 'string' || rc.deposed !== undefined) continue;
    const change = r.object(rc, 'change', p);
    if (!change) continue;
    const actions = r.strings(change, 'actions', `${p}/change`);
    out.set(rc.address, { index: Number(p.split('/').pop()), actions, afterUnknown: change.after_unknown });
  }
  return out;
}

function deleteOnly(actions: readonly string[] | undefined): boolean {
  return (
    actions !== undefined && actions.length > 0 && actions.every((a) => a === 'delete' || a === 'forget')
  );
}

/** Reads one resource object of a module's `resources` list. Undefined (with a diagnostic) if unusable. */
function readResource(
  r: Reader,
  o: Json,
  p: string,
  valuesKey: string,
  change?: Change,
): TfResource | undefined {
  const address = r.string(o, 'address', p, true);
  if (address === undefined) return undefined;
  const parsed = parseAddress(address);
  if (!parsed) {
    r.report(
      'error',
      'IMPORT_TF_ADDRESS',
      `${p}/address`,
      `"${address}" is not a Terraform resource address`,
      'The resource is skipped.',
    );
    return undefined;
  }
  const values = o[valuesKey];
  if (!isObject(values)) {
    if (values !== undefined && values !== null) r.wrongType(`${p}/${valuesKey}`, 'an object', values);
    else r.missing(p, valuesKey);
    return undefined;
  }
  const mode = r.string(o, 'mode', p) ?? parsed.mode;
  return {
    address,
    mode: mode === 'data' ? 'data' : 'managed',
    type: r.string(o, 'type', p) ?? parsed.type,
    name: r.string(o, 'name', p) ?? parsed.name,
    ...(parsed.key === undefined ? {} : { key: parsed.key }),
    modules: parsed.modules,
    values,
    pointer: p,
    valuesPointer: `${p}/${valuesKey}`,
    ...(change
      ? {
          afterUnknown: change.afterUnknown,
          unknownPointer: `/resource_changes/${change.index}/change/after_unknown`,
          actions: change.actions,
        }
      : {}),
    ...(typeof o.provider_name === 'string' ? { providerName: o.provider_name } : {}),
  };
}

function walkModule(
  r: Reader,
  m: Json,
  p: string,
  changes: Map<string, Change>,
  out: TfResource[],
  depth: number,
): void {
  for (const [o, rp] of r.objects(m, 'resources', p)) {
    if (o.deposed !== undefined) continue;
    const change = typeof o.address === 'string' ? changes.get(o.address) : undefined;
    if (deleteOnly(change?.actions)) continue;
    const res = readResource(r, o, rp, 'values', change);
    if (res) out.push(res);
  }
  if (depth > 64) return;
  for (const [c, cp] of r.objects(m, 'child_modules', p)) walkModule(r, c, cp, changes, out, depth + 1);
}

/**
 * Every resource instance of a plan (`planned_values`, with `resource_changes` for actions and unknowns)
 * or a state (`values`). A plan without planned values falls back to `resource_changes[].change.after`.
 */
export function walkDocument(r: Reader, root: Json): Walked {
  const resources: TfResource[] = [];
  const changes = changesByAddress(r, root);
  const planned = r.object(root, 'planned_values', '');
  if (planned) {
    const rm = r.object(planned, 'root_module', '/planned_values');
    if (rm) walkModule(r, rm, '/planned_values/root_module', changes, resources, 0);
    return { plan: true, resources };
  }
  if (changes.size > 0) {
    for (const [rc, p] of r.objects(root, 'resource_changes', '')) {
      const change =
        typeof rc.address === 'string' && rc.deposed === undefined ? changes.get(rc.address) : undefined;
      if (!change || deleteOnly(change.actions) || change.actions.every((a) => a === 'read')) continue;
      const after = r.object(rc, 'change', p);
      if (!after) continue;
      const res = readResource(r, { ...rc, after: after.after }, p, 'after', change);
      if (res) resources.push({ ...res, valuesPointer: `${p}/change/after` });
    }
    return { plan: true, resources };
  }
  const valuesKey = root.values !== undefined ? 'values' : 'prior_state';
  let values = r.object(root, valuesKey, '');
  let vp = `/${valuesKey}`;
  if (values && valuesKey === 'prior_state') {
    values = r.object(values, 'values', vp);
    vp = `${vp}/values`;
  }
  const rm = values ? r.object(values, 'root_module', vp) : undefined;
  if (rm) walkModule(r, rm, `${vp}/root_module`, changes, resources, 0);
  return { plan: false, resources };
}

/** Whether the value at `path` (or any container of it) is marked unknown in an `after_unknown` tree. */
export function isUnknownAt(afterUnknown: unknown, path: readonly (string | number)[]): boolean {
  let cur = afterUnknown;
  for (const seg of path) {
    if (cur === true) return true;
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<string, unknown>)[String(seg)];
  }
  return cur === true;
}

/** Whether anything at or below `path` is unknown (a list with some unknown elements, for example). */
export function hasUnknownAt(afterUnknown: unknown, path: readonly (string | number)[]): boolean {
  let cur = afterUnknown;
  for (const seg of path) {
    if (cur === true) return true;
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<string, unknown>)[String(seg)];
  }
  const stack = [cur];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === true) return true;
    if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}
