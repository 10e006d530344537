import type { HttpRule, PodPolicyRule, PodPort } from '../../model/index.js';
import type { Json, Reader } from '../_kit/index.js';
import { entries, isUnset } from './context.js';
import { badPort, portName, portNumber, readProtocol } from './ports.js';

/** Ports that share one L7 list: one PodPolicyRule each. */
export interface PortGroup {
  readonly ports: PodPort[];
  readonly http?: readonly HttpRule[];
}

/** `{port, endPort?, protocol}`: port a number or digit string (`0` = all), or a name; protocol default ANY. */
function readPort(r: Reader, e: Json, p: string): PodPort | undefined {
  const protocol = readProtocol(r, e, p, 'ANY', true);
  if (protocol === undefined) return undefined;
  const raw: unknown = e.port;
  const pp = r.at(p, 'port');
  let port: number | undefined;
  if (raw === undefined || raw === null || raw === 0 || raw === '0') port = undefined;
  else if (typeof raw === 'number' || (typeof raw === 'string' && /^[0-9]+$/.test(raw))) {
    port = portNumber(r, Number(raw), pp);
    if (port === undefined) return undefined;
  } else if (typeof raw === 'string') {
    const name = portName(r, raw, pp);
    return name === undefined ? undefined : { protocol, name };
  } else return badPort(r, pp, `port ${JSON.stringify(raw)} is not a number or a port name`);
  const endRaw: unknown = e.endPort;
  if (endRaw === undefined || endRaw === null) return port === undefined ? { protocol } : { protocol, port };
  const ep = r.at(p, 'endPort');
  if (port === undefined) return badPort(r, ep, 'endPort without a numeric port');
  const end = portNumber(r, endRaw, ep);
  if (end === undefined) return undefined;
  if (end < port) return badPort(r, ep, `endPort ${end} is less than port ${port}`);
  return { protocol, port, endPort: end };
}

const HTTP_FIELDS = ['method', 'path', 'host'] as const;

function readHttpRule(r: Reader, h: Json, hp: string): HttpRule | undefined {
  if (!isUnset(h.headerMatches)) {
    r.report(
      'unsupported',
      'IMPORT_K8S_UNSUPPORTED',
      r.at(hp, 'headerMatches'),
      'HTTP headerMatches are not modelled; this HTTP rule is ignored (the port allows less, never more)',
    );
    return undefined;
  }
  const out: { -readonly [K in keyof HttpRule]: HttpRule[K] } = {};
  for (const k of HTTP_FIELDS) {
    const v = r.string(h, k, hp);
    if (v !== undefined) out[k] = v;
  }
  if (h.headers !== undefined) out.headers = r.strings(h, 'headers', hp);
  return out;
}

/** `rules` of one toPorts entry: the HTTP list, or undefined when it puts no L7 restriction. */
function readL7(
  r: Reader,
  tp: Json,
  tpp: string,
  action: PodPolicyRule['action'],
): readonly HttpRule[] | undefined {
  const rules = r.object(tp, 'rules', tpp);
  if (!rules) return undefined;
  const rp = r.at(tpp, 'rules');
  if (action !== 'allow') {
    r.report('error', 'IMPORT_K8S_INVALID_VALUE', rp, 'deny rules cannot carry L7 rules; they are ignored');
    return undefined;
  }
  for (const k of Object.keys(rules))
    if (k !== 'http' && !isUnset(rules[k]))
      r.report(
        'unsupported',
        'IMPORT_K8S_UNSUPPORTED',
        r.at(rp, k),
        `Cilium L7 ${k} rules are not modelled; the port is read as allowing every request`,
      );
  // An empty list allows every request (k8s-mesh §2).
  if (isUnset(rules.http)) return undefined;
  const out: HttpRule[] = [];
  for (const [h, hp] of entries(r, rules, 'http', rp)) {
    const rule = readHttpRule(r, h, hp);
    if (rule) out.push(rule);
  }
  return out;
}

/**
 * A rule's `toPorts`, grouped by L7 list: entries without L7 together, entries with the same HTTP list
 * together, in first-seen order. An entry without `ports` covers every port.
 */
export function readCiliumPorts(
  r: Reader,
  rule: Json,
  rp: string,
  action: PodPolicyRule['action'],
): PortGroup[] {
  const groups = new Map<string, PortGroup>();
  for (const [tp, tpp] of entries(r, rule, 'toPorts', rp)) {
    const http = readL7(r, tp, tpp, action);
    const key = http === undefined ? '' : JSON.stringify(http);
    let g = groups.get(key);
    if (!g) {
      g = http === undefined ? { ports: [] } : { ports: [], http };
      groups.set(key, g);
    }
    if (isUnset(tp.ports)) g.ports.push({ protocol: 'ANY' });
    else
      for (const [e, ep] of entries(r, tp, 'ports', tpp)) {
        const port = readPort(r, e, ep);
        if (port) g.ports.push(port);
      }
  }
  return [...groups.values()];
}
