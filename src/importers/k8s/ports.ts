import type { PodPort, PodProtocol } from '../../model/index.js';
import type { Json, Reader } from '../_kit/index.js';

const PROTOCOLS: ReadonlySet<string> = new Set(['TCP', 'UDP', 'SCTP']);

/**
 * The `protocol` field of a port entry, or `fallback` when absent (TCP for Kubernetes, ANY for Cilium).
 * An unknown value is an `IMPORT_K8S_PROTOCOL` error and undefined: the entry is dropped.
 */
export function readProtocol(
  r: Reader,
  o: Json,
  p: string,
  fallback: PodProtocol | 'ANY',
  allowAny = false,
): PodProtocol | 'ANY' | undefined {
  const v = o.protocol;
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'string' && (PROTOCOLS.has(v) || (allowAny && v === 'ANY')))
    return v as PodProtocol | 'ANY';
  r.report(
    'error',
    'IMPORT_K8S_PROTOCOL',
    r.at(p, 'protocol'),
    `unknown protocol ${JSON.stringify(v)} (${allowAny ? 'TCP, UDP, SCTP or ANY' : 'TCP, UDP or SCTP'}); the port entry is ignored`,
    'Protocols are upper case: TCP, UDP, SCTP.',
  );
  return undefined;
}

export function badPort(r: Reader, pointer: string, message: string): undefined {
  r.report(
    'error',
    'IMPORT_K8S_PORT',
    pointer,
    message,
    'The API server rejects this port; the entry is ignored.',
  );
  return undefined;
}

/** A port number 1-65535, or undefined with an error at `pointer`. */
export function portNumber(r: Reader, v: unknown, pointer: string, min = 1): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 65535) return v;
  return badPort(r, pointer, `port ${JSON.stringify(v)} is not a number ${min}-65535`);
}

/** A named port: letters, digits and `-`, at least one letter (IANA service name). */
export function portName(r: Reader, v: string, pointer: string): string | undefined {
  if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(v) && /[a-z]/i.test(v)) return v;
  return badPort(
    r,
    pointer,
    /^[0-9]+$/.test(v)
      ? `port "${v}" is a string of digits: write the number without quotes`
      : `port name "${v}" is not a valid port name`,
  );
}

/**
 * One NetworkPolicy `ports` entry (k8s-mesh §1.5): protocol (default TCP), `port` as a number or a
 * name, `endPort` for an inclusive range (needs a numeric `port`, not below it).
 */
export function readPolicyPort(r: Reader, e: Json, p: string): PodPort | undefined {
  const protocol = readProtocol(r, e, p, 'TCP');
  if (protocol === undefined) return undefined;
  const port: unknown = e.port;
  const endPort: unknown = e.endPort;
  const hasEnd = endPort !== undefined && endPort !== null;
  if (port === undefined || port === null) {
    if (hasEnd) return badPort(r, r.at(p, 'endPort'), 'endPort without a numeric port');
    return { protocol };
  }
  if (typeof port === 'string') {
    if (hasEnd) return badPort(r, r.at(p, 'endPort'), `endPort needs a numeric port, not the name "${port}"`);
    const name = portName(r, port, r.at(p, 'port'));
    return name === undefined ? undefined : { protocol, name };
  }
  const n = portNumber(r, port, r.at(p, 'port'));
  if (n === undefined) return undefined;
  if (!hasEnd) return { protocol, port: n };
  const end = portNumber(r, endPort, r.at(p, 'endPort'));
  if (end === undefined) return undefined;
  if (end < n) return badPort(r, r.at(p, 'endPort'), `endPort ${end} is less than port ${n}`);
  return { protocol, port: n, endPort: end };
}

/**
 * A rule's `ports` list: absent or empty means every port (`all`). Invalid entries are dropped with
 * their diagnostics; when all are invalid the rule matches no port (never widened to `all`).
 */
export function readPolicyPorts(
  r: Reader,
  o: Json,
  p: string,
  key: string,
  one: (r: Reader, e: Json, p: string) => PodPort | undefined = readPolicyPort,
): readonly PodPort[] | 'all' {
  const v = o[key];
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return 'all';
  const out: PodPort[] = [];
  for (const [e, ep] of r.objects(o, key, p)) {
    const port = one(r, e, ep);
    if (port) out.push(port);
  }
  return out;
}
