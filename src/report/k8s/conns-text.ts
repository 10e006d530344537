/**
 * The `<conns>` part of a `k8s connlist` line, in netpol-analyzer's grammar
 * (shared/conformance/k8s/netpol-analyzer/README.md): `All Connections`, `No Connections`, or
 * per-protocol items such as `SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535` or `TCP 8080,http`.
 */
import { byCodeUnitOrder, type NamedPortRef, POD_PROTOCOLS, type PodConns } from '../../engine/index.js';
import type { PodProtocol, PortSet } from '../../model/index.js';

export const ALL_CONNECTIONS = 'All Connections';
export const NO_CONNECTIONS = 'No Connections';

/** The question `--focus-conn` asks: which pairs allow exactly this protocol and port. */
export interface FocusConn {
  readonly protocol: PodProtocol;
  readonly port: number;
}

/** Go's `sort.Strings` order (byte order; the same as UTF-16 order for the ASCII these names use). */
export const byCodeUnit = byCodeUnitOrder;

/** Maximal ranges, ascending: `80`, `1-79`, `81-65535`. */
function ranges(ports: PortSet): string[] {
  return ports.intervals().map(({ lo, hi }) => (lo === hi ? `${lo}` : `${lo}-${hi}`));
}

/**
 * `<conns>` of one edge. Within a protocol the numbers come first, then the unresolved named ports
 * sorted by name; the protocol items are sorted as strings. Named ports keep a set from collapsing
 * to `All Connections`, as in netpol-analyzer (a port set with names is not the full set).
 */
export function connsText(conns: PodConns, named: readonly NamedPortRef[] = []): string {
  if (named.length === 0 && conns.isAll()) return ALL_CONNECTIONS;
  const items: string[] = [];
  // '' holds admin-policy names that have no protocol; Go prints them after an empty protocol.
  for (const protocol of ['', ...POD_PROTOCOLS] as const) {
    const names = [...new Set(named.filter((n) => n.protocol === protocol).map((n) => n.name))];
    const parts = [...(protocol === '' ? [] : ranges(conns.ports(protocol))), ...names.sort(byCodeUnit)];
    if (parts.length > 0) items.push(`${protocol} ${parts.join(',')}`);
  }
  return items.length === 0 ? NO_CONNECTIONS : items.sort(byCodeUnit).join(',');
}

/** `UDP 52`, as in `Permitted connections on UDP 52:`. */
export function focusConnText(f: FocusConn): string {
  return `${f.protocol} ${f.port}`;
}
