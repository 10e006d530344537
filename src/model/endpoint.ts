import type { ElementBase } from './element.js';

export type EndpointKind =
  | 'nic'
  | 'nat-gateway'
  | 'load-balancer-node'
  | 'interface-endpoint'
  | 'gateway-lb-endpoint'
  | 'database'
  | 'transit-attachment'
  | 'lambda'
  | 'pod'
  | 'other';

export type OsHint = 'linux' | 'windows' | 'unknown';

export interface Identity {
  readonly iamRole?: string;
  readonly serviceAccount?: string;
  readonly spiffeId?: string;
}

/**
 * Anything with addresses that sends or receives: an ENI/NIC, a pod, a load-balancer node, a NAT
 * gateway's interface, an interface endpoint, a database interface.
 */
export interface Endpoint extends ElementBase {
  readonly kind: 'endpoint';
  readonly endpointKind: EndpointKind;
  readonly networkId?: string;
  readonly subnetId?: string;
  readonly zone?: string;
  readonly primaryPrivateIp?: string;
  /** All private IPv4 addresses, primary first. */
  readonly privateIps: readonly string[];
  readonly publicIps: readonly string[];
  readonly ipv6Ips: readonly string[];
  /** Endpoint-level filters (security groups, NIC NSG), in input order. */
  readonly filterIds: readonly string[];
  /** Membership groups a rule can name: Azure application security groups. */
  readonly memberOf?: readonly string[];
  /** GCP network tags of the instance (firewall targets and tag-scoped routes). */
  readonly networkTags?: readonly string[];
  /** The resource that owns this interface (instance, load balancer, database, NAT gateway, vpce, attachment). */
  readonly ownerId?: string;
  readonly identity?: Identity;
  readonly osHint: OsHint;
  /** false means the interface forwards traffic not addressed to it (appliance). */
  readonly sourceDestCheck?: boolean;
  readonly requesterManaged?: boolean;
  /** Provider's own interface type (AWS InterfaceType), kept for display. */
  readonly interfaceType?: string;
  readonly description?: string;
  readonly state?: string;
}
