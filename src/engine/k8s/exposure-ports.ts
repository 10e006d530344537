import { type PodPort, type PodProtocol, PortSet } from '../../model/index.js';
import type { NamedPortRef } from './connlist.js';
import { NamedConns } from './named-conns.js';
import { POD_PROTOCOLS, PodConns } from './pod-conns.js';
import type { Pod } from './view.js';

/**
 * Where the named ports of a rule are looked up (k8s-mesh §1.5: on the destination):
 * - `unknown`: the destination is a representative peer or the whole cluster; names stay names;
 * - `pod`: a real pod; a name it does not declare with that protocol means nothing;
 * - `pod-or-name`: a real pod for the cluster-wide ingress exposure, where netpol-analyzer keeps a
 *   name the pod does not declare as a name.
 */
export type PortTarget =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'pod' | 'pod-or-name'; readonly pod: Pod };

export const UNKNOWN_TARGET: PortTarget = { kind: 'unknown' };

function resolve(pod: Pod, name: string, protocol: PodProtocol): PodConns {
  let out = PodConns.none();
  for (const c of pod.workload.ports)
    if (c.name === name && c.protocol.toUpperCase() === protocol)
      out = out.union(PodConns.of(protocol, PortSet.of(c.port)));
  return out;
}

/**
 * One named entry. An admin-policy name has no protocol of its own (`ANY`): on a pod it takes the
 * container port's protocol; left unresolved it keeps an empty protocol, as netpol-analyzer prints it.
 */
function namedEntry(p: PodPort & { name: string }, target: PortTarget): NamedConns {
  const protocols = p.protocol === 'ANY' ? POD_PROTOCOLS : [p.protocol];
  const asName: NamedPortRef = { protocol: p.protocol === 'ANY' ? '' : p.protocol, name: p.name };
  if (target.kind === 'unknown') return NamedConns.of(PodConns.none(), [asName]);
  let conns = PodConns.none();
  for (const protocol of protocols) conns = conns.union(resolve(target.pod, p.name, protocol));
  if (conns.isEmpty() && target.kind === 'pod-or-name') return NamedConns.of(conns, [asName]);
  return NamedConns.of(conns);
}

/** What a rule's port list allows toward the target; `all` is every port of every protocol. */
export function portsFor(ports: readonly PodPort[] | 'all', target: PortTarget): NamedConns {
  if (ports === 'all') return NamedConns.all();
  let out = NamedConns.none();
  for (const p of ports) {
    if (p.name !== undefined) {
      out = out.union(namedEntry({ ...p, name: p.name }, target));
      continue;
    }
    const set =
      p.port === undefined ? PortSet.all() : PortSet.range(p.port, Math.max(p.port, p.endPort ?? p.port));
    for (const protocol of p.protocol === 'ANY' ? POD_PROTOCOLS : [p.protocol])
      out = out.union(NamedConns.of(PodConns.of(protocol, set)));
  }
  return out;
}
