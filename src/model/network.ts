import type { ElementBase } from './element.js';

/** AWS VPC, Azure VNet, GCP VPC network. `cidrs` holds IPv4 and IPv6 blocks in canonical form. */
export interface Network extends ElementBase {
  readonly kind: 'network';
  readonly cidrs: readonly string[];
  readonly isDefault?: boolean;
  readonly state?: string;
}

/** AWS subnet, Azure subnet, GCP subnetwork. */
export interface Subnet extends ElementBase {
  readonly kind: 'subnet';
  readonly networkId: string;
  readonly cidrs: readonly string[];
  readonly zone?: string;
  readonly zoneId?: string;
  readonly mapPublicIpOnLaunch?: boolean;
  readonly defaultForZone?: boolean;
  readonly state?: string;
  /** Subnet-level filters attached by the subnet's own record (Azure subnet NSG). AWS NACLs list their subnets instead. */
  readonly filterIds: readonly string[];
}
