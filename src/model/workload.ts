import type { ElementBase } from './element.js';
import type { OsHint } from './endpoint.js';

/** A VM instance. Its interfaces are endpoints; the primary one is `endpointIds[0]`. */
export interface Instance extends ElementBase {
  readonly kind: 'instance';
  readonly state?: string;
  readonly networkId?: string;
  readonly subnetId?: string;
  readonly endpointIds: readonly string[];
  readonly osHint: OsHint;
  readonly platform?: string;
  readonly imageId?: string;
  readonly iamInstanceProfile?: string;
}

export interface LoadBalancer extends ElementBase {
  readonly kind: 'load-balancer';
  readonly lbType: 'application' | 'network' | 'gateway' | 'classic';
  readonly scheme: 'internet-facing' | 'internal';
  readonly networkId?: string;
  readonly subnetIds: readonly string[];
  readonly filterIds: readonly string[];
  readonly dnsName?: string;
  readonly state?: string;
  // Node interfaces are the endpoints whose ownerId is this load balancer (AWS requester-managed ENIs).
  readonly crossZone?: boolean;
}

/** A listening port on a load balancer (or, later, any TLS endpoint a scan probed). */
export interface Listener extends ElementBase {
  readonly kind: 'listener';
  readonly ownerId: string;
  readonly port: number;
  readonly protocol: string;
  readonly tlsPolicy?: string;
  readonly certificateIds: readonly string[];
  readonly targetGroupIds: readonly string[];
  readonly actionTypes: readonly string[];
  /** For redirects: the target port/protocol. */
  readonly redirect?: { readonly port?: string; readonly protocol?: string };
}

export interface Target {
  readonly id: string;
  readonly port?: number;
  readonly zone?: string;
  readonly health?: string;
}

export interface TargetGroup extends ElementBase {
  readonly kind: 'target-group';
  readonly protocol?: string;
  readonly port?: number;
  readonly targetType: 'instance' | 'ip' | 'lambda' | 'alb';
  readonly networkId?: string;
  readonly loadBalancerIds: readonly string[];
  readonly targets: readonly Target[];
  /** False when no target listing (describe-target-health) was imported. */
  readonly targetsKnown: boolean;
}

/** A managed database instance (AWS RDS). Its interfaces may or may not be known. */
export interface Database extends ElementBase {
  readonly kind: 'database';
  readonly engine?: string;
  readonly port?: number;
  readonly networkId?: string;
  readonly subnetIds: readonly string[];
  readonly filterIds: readonly string[];
  readonly publiclyAccessible: boolean;
  readonly address?: string;
  readonly state?: string;
  readonly storageEncrypted?: boolean;
}
