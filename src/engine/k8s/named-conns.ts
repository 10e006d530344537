import type { PodProtocol } from '../../model/index.js';
import type { NamedPortRef } from './connlist.js';
import { K8S_PORTS, PodConns } from './pod-conns.js';

const keyOf = (n: NamedPortRef) => `${n.protocol} ${n.name}`;
/** Whether `c` holds every port of the protocol; a name without protocol needs every protocol. */
const fullIn = (c: PodConns, protocol: PodProtocol | '') =>
  protocol === '' ? c.isAll() : c.ports(protocol).equals(K8S_PORTS);

/**
 * Connections toward a peer whose container ports are unknown: the port numbers, plus named ports
 * that could not be resolved (k8s-mesh §1.5 resolves a name on the destination pod; a representative
 * peer or "the entire cluster" has none to resolve it on, so the name stays, printed `TCP http`).
 *
 * A name stands for one unknown number of its protocol (of any protocol, for an admin policy's
 * name): it lies inside a protocol whose whole port range is present (so such a name is dropped,
 * the range already says it), it survives an intersection only with the same name or a whole
 * protocol, and subtracting a name from a numeric range leaves the range (the number is unknown).
 */
export class NamedConns {
  private constructor(
    readonly conns: PodConns,
    readonly names: readonly NamedPortRef[],
  ) {}

  static of(conns: PodConns, names: readonly NamedPortRef[] = []): NamedConns {
    const seen = new Map<string, NamedPortRef>();
    for (const n of names) if (!fullIn(conns, n.protocol)) seen.set(keyOf(n), n);
    return new NamedConns(conns, [...seen.values()]);
  }
  static none(): NamedConns {
    return NamedConns.of(PodConns.none());
  }
  static all(): NamedConns {
    return NamedConns.of(PodConns.all());
  }

  #has(n: NamedPortRef): boolean {
    return fullIn(this.conns, n.protocol) || this.names.some((m) => keyOf(m) === keyOf(n));
  }

  union(o: NamedConns): NamedConns {
    return NamedConns.of(this.conns.union(o.conns), [...this.names, ...o.names]);
  }
  intersect(o: NamedConns): NamedConns {
    return NamedConns.of(this.conns.intersect(o.conns), [
      ...this.names.filter((n) => o.#has(n)),
      ...o.names.filter((n) => this.#has(n)),
    ]);
  }
  subtract(o: NamedConns): NamedConns {
    return NamedConns.of(
      this.conns.subtract(o.conns),
      this.names.filter((n) => !o.#has(n)),
    );
  }
  isEmpty(): boolean {
    return this.conns.isEmpty() && this.names.length === 0;
  }
  containedIn(o: NamedConns): boolean {
    return this.conns.subtract(o.conns).isEmpty() && this.names.every((n) => o.#has(n));
  }
  equals(o: NamedConns): boolean {
    return this.containedIn(o) && o.containedIn(this);
  }
}
