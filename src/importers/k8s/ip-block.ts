import { type Cidr, parseCidr } from '../../model/index.js';
import type { Json, Reader } from '../_kit/index.js';

export interface IpBlock {
  readonly cidr: string;
  readonly except: readonly string[];
}

function inside(inner: Cidr, outer: Cidr): boolean {
  if (inner.family !== outer.family || inner.prefix <= outer.prefix) return false;
  const shift = BigInt((inner.family === 4 ? 32 : 128) - outer.prefix);
  return inner.network >> shift === outer.network >> shift;
}

/**
 * `{cidr, except[]}` (NetworkPolicy ipBlock, Cilium CIDRSet). Every `except` must lie strictly inside `cidr`
 * (k8s-mesh §1.4). Undefined, with a located error, when anything is invalid: the whole block is then
 * dropped, since dropping only an `except` would widen it.
 */
export function readIpBlock(r: Reader, o: Json, p: string, cidrKey = 'cidr'): IpBlock | undefined {
  const text = r.string(o, cidrKey, p, true);
  if (text === undefined) return undefined;
  const cidr = r.cidr(text, r.at(p, cidrKey));
  if (cidr === undefined) return undefined;
  const outer = parseCidr(cidr) as Cidr;
  const raw = o.except;
  if (raw === undefined || raw === null) return { cidr, except: [] };
  const ep = r.at(p, 'except');
  if (!Array.isArray(raw)) {
    r.wrongType(ep, 'a list of CIDRs', raw);
    return undefined;
  }
  const except: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const x: unknown = raw[i];
    const xp = r.at(ep, i);
    if (typeof x !== 'string') {
      r.wrongType(xp, 'a string', x);
      return undefined;
    }
    const c = r.cidr(x, xp);
    if (c === undefined) return undefined;
    const parsed = parseCidr(c) as Cidr;
    if (!inside(parsed, outer)) {
      r.report(
        'error',
        'IMPORT_K8S_EXCEPT_OUTSIDE_CIDR',
        xp,
        `except "${x}" is not strictly inside the block's cidr "${text}"; the block is ignored`,
        'The API server rejects this: every except entry must be a strict sub-range of cidr.',
      );
      return undefined;
    }
    except.push(c);
  }
  return { cidr, except };
}
