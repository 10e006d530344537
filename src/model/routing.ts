import type { AddressRef, PeerRef } from './addressing.js';
import type { ElementBase } from './element.js';
import type { SourceRef } from './source.js';

export type RouteTargetKind =
  | 'local'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'transit-gateway'
  | 'peering'
  | 'network-interface'
  | 'instance'
  | 'vpn-gateway'
  | 'gateway-endpoint'
  | 'gwlb-endpoint'
  | 'local-gateway'
  | 'carrier-gateway'
  | 'core-network'
  | 'virtual-appliance'
  | 'none'
  | 'unknown';

export interface RouteTarget {
  readonly kind: RouteTargetKind;
  readonly id?: string;
}

export interface Route {
  readonly destination: AddressRef;
  readonly target: RouteTarget;
  readonly origin: 'local' | 'static' | 'propagated';
  /** A blackhole route still wins longest-prefix match and drops. */
  readonly state: 'active' | 'blackhole';
  /** Tie-break among equal prefixes where the provider has one (GCP route priority; lower wins). */
  readonly priority?: number;
  /** Routes that apply only to some instances (GCP network tags). Absent: the whole table. */
  readonly appliesTo?: PeerRef;
  readonly source: SourceRef;
}

export interface RouteTableAssociations {
  readonly main: boolean;
  readonly subnetIds: readonly string[];
  /** Edge associations (AWS gateway route tables for an IGW/VGW). */
  readonly gatewayIds: readonly string[];
}

export interface RouteTable extends ElementBase {
  readonly kind: 'route-table';
  readonly networkId: string;
  readonly routes: readonly Route[];
  readonly associations: RouteTableAssociations;
  readonly propagatingGatewayIds: readonly string[];
}
