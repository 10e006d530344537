import { type PodProtocol, PortSet } from '../../model/index.js';

/** Kubernetes policies speak of ports 1-65535 of TCP, UDP and SCTP only (k8s-mesh §1.5, §7-6). */
export const K8S_PORTS: PortSet = PortSet.range(1, 65535);
export const POD_PROTOCOLS: readonly PodProtocol[] = ['SCTP', 'TCP', 'UDP'];

/**
 * What one workload may open to another: a port set per protocol. `ConnectionSet` keeps SCTP as an
 * all-or-nothing protocol number, while NetworkPolicy gives SCTP ports, hence this small type.
 */
export class PodConns {
  static readonly #NONE = new PodConns(PortSet.empty(), PortSet.empty(), PortSet.empty());
  static readonly #ALL = new PodConns(K8S_PORTS, K8S_PORTS, K8S_PORTS);

  private constructor(
    readonly tcp: PortSet,
    readonly udp: PortSet,
    readonly sctp: PortSet,
  ) {}

  static none(): PodConns {
    return PodConns.#NONE;
  }
  static all(): PodConns {
    return PodConns.#ALL;
  }
  static of(protocol: PodProtocol, ports: PortSet): PodConns {
    const p = ports.intersect(K8S_PORTS);
    const e = PortSet.empty();
    if (protocol === 'TCP') return new PodConns(p, e, e);
    if (protocol === 'UDP') return new PodConns(e, p, e);
    return new PodConns(e, e, p);
  }

  ports(protocol: PodProtocol): PortSet {
    return protocol === 'TCP' ? this.tcp : protocol === 'UDP' ? this.udp : this.sctp;
  }
  union(o: PodConns): PodConns {
    if (o.isEmpty()) return this;
    if (this.isEmpty()) return o;
    return new PodConns(this.tcp.union(o.tcp), this.udp.union(o.udp), this.sctp.union(o.sctp));
  }
  intersect(o: PodConns): PodConns {
    if (o.isAll()) return this;
    if (this.isAll()) return o;
    return new PodConns(this.tcp.intersect(o.tcp), this.udp.intersect(o.udp), this.sctp.intersect(o.sctp));
  }
  subtract(o: PodConns): PodConns {
    if (o.isEmpty()) return this;
    return new PodConns(this.tcp.subtract(o.tcp), this.udp.subtract(o.udp), this.sctp.subtract(o.sctp));
  }
  isEmpty(): boolean {
    return this.tcp.isEmpty() && this.udp.isEmpty() && this.sctp.isEmpty();
  }
  isAll(): boolean {
    return this.tcp.equals(K8S_PORTS) && this.udp.equals(K8S_PORTS) && this.sctp.equals(K8S_PORTS);
  }
  equals(o: PodConns): boolean {
    return this.tcp.equals(o.tcp) && this.udp.equals(o.udp) && this.sctp.equals(o.sctp);
  }
  /** A stable key for grouping equal sets. */
  key(): string {
    return `${this.tcp.toString()}|${this.udp.toString()}|${this.sctp.toString()}`;
  }
}
