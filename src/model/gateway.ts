import type { AddressRef } from './addressing.js';
import type { ElementBase } from './element.js';
import type { SourceRef } from './source.js';

export type GatewayKind =
  | 'internet'
  | 'egress-only-internet'
  | 'nat'
  | 'vpn'
  | 'customer'
  | 'direct-connect'
  | 'local'
  | 'carrier';

export interface GatewayAddress {
  readonly privateIp?: string;
  readonly publicIp?: string;
  readonly endpointId?: string;
  readonly allocationId?: string;
}

/** Internet, egress-only, NAT and VPN gateways. Transit gateways have their own type. */
export interface Gateway extends ElementBase {
  readonly kind: 'gateway';
  readonly gatewayKind: GatewayKind;
  /** Networks the gateway is attached to, with the attachment state (AWS `available`/`attached`). */
  readonly attachments: readonly { readonly networkId: string; readonly state: string }[];
  /** Set for NAT gateways: where they live. */
  readonly networkId?: string;
  readonly subnetId?: string;
  readonly connectivity?: 'public' | 'private';
  readonly addresses: readonly GatewayAddress[];
  readonly state?: string;
  /**
   * VPN gateways: the Site-to-Site VPN connections that end on it, with their static routes (the
   * prefixes the gateway forwards to the customer side) and whether BGP may add others.
   */
  readonly vpnConnections?: readonly {
    readonly id: string;
    readonly staticRoutesOnly: boolean;
    readonly routes: readonly string[];
    readonly state?: string;
  }[];
}

/** Transit gateway (AWS TGW; later Azure vWAN hub). */
export interface TransitGateway extends ElementBase {
  readonly kind: 'transit-gateway';
  readonly state?: string;
  readonly autoAssociate: boolean;
  readonly autoPropagate: boolean;
  readonly defaultAssociationTableId?: string;
  readonly defaultPropagationTableId?: string;
  readonly securityGroupReferencing: boolean;
}

export type TransitResourceKind = 'vpc' | 'vpn' | 'direct-connect-gateway' | 'peering' | 'connect' | 'other';

export interface TransitAttachment extends ElementBase {
  readonly kind: 'transit-attachment';
  readonly gatewayId: string;
  readonly resourceKind: TransitResourceKind;
  readonly resourceId?: string;
  readonly resourceOwner?: string;
  /** For VPC attachments: the network and one subnet per enabled zone. */
  readonly networkId?: string;
  readonly subnetIds: readonly string[];
  readonly state?: string;
  readonly applianceMode?: boolean;
  readonly securityGroupReferencing?: boolean;
  /** Route table this attachment is associated with, when the attachment record says so. */
  readonly associatedTableId?: string;
}

export interface TransitRoute {
  readonly destination: AddressRef;
  readonly attachmentIds: readonly string[];
  readonly type: 'static' | 'propagated';
  readonly state: 'active' | 'blackhole';
  readonly source: SourceRef;
}

export interface TransitRouteTable extends ElementBase {
  readonly kind: 'transit-route-table';
  readonly gatewayId: string;
  /**
   * Routes as the input lists them: static and blackhole routes, and propagated ones where the input
   * shows them (AWS CLI search-transit-gateway-routes). Propagated routes an input cannot list
   * (Terraform across root modules) follow from `propagations` and the attachments' networks.
   */
  readonly routes: readonly TransitRoute[];
  /** Attachments associated with this table (each attachment has at most one). */
  readonly associations: readonly string[];
  /** Attachments propagating their routes into this table. */
  readonly propagations: readonly string[];
  readonly isDefaultAssociation: boolean;
  readonly isDefaultPropagation: boolean;
  /** True when the route listing stopped at the API's limit (AWS AdditionalRoutesAvailable). */
  readonly routesTruncated: boolean;
  /** False when no route listing was imported for this table: its routes are not known. */
  readonly routesKnown: boolean;
}

export interface PeeringSide {
  readonly networkId: string;
  readonly account?: string;
  readonly region?: string;
  readonly cidrs: readonly string[];
}

/** VPC / VNet peering. Never transitive. */
export interface Peering extends ElementBase {
  readonly kind: 'peering';
  readonly requester: PeeringSide;
  readonly accepter: PeeringSide;
  readonly status: string;
  /** Only active peerings carry traffic. */
  readonly active: boolean;
  /**
   * Provider switches that change what crosses the peering: Azure allowForwardedTraffic,
   * allowGatewayTransit, useRemoteGateways; GCP exportCustomRoutes, importCustomRoutes.
   */
  readonly options?: Readonly<Record<string, boolean>>;
}

/** AWS VPC endpoint (gateway, interface, GWLB); Azure private endpoint / service endpoint later. */
export interface ServiceEndpoint extends ElementBase {
  readonly kind: 'service-endpoint';
  readonly endpointType: 'gateway' | 'interface' | 'gateway-load-balancer';
  readonly networkId: string;
  readonly serviceName: string;
  readonly routeTableIds: readonly string[];
  readonly subnetIds: readonly string[];
  readonly endpointIds: readonly string[];
  readonly filterIds: readonly string[];
  readonly privateDns?: boolean;
  /** Endpoint policy document as given (an L7 authorization annotation, not a packet filter). */
  readonly policy?: string;
  readonly state?: string;
}

/** A named list of CIDRs. AWS `describe-managed-prefix-lists` has no entries: `entriesKnown` says so. */
export interface PrefixList extends ElementBase {
  readonly kind: 'prefix-list';
  readonly managedBy: 'provider' | 'customer';
  readonly addressFamily?: 'IPv4' | 'IPv6';
  readonly cidrs: readonly string[];
  readonly entriesKnown: boolean;
  readonly maxEntries?: number;
}

/** An allocated public address (AWS Elastic IP). */
export interface PublicAddress extends ElementBase {
  readonly kind: 'public-address';
  readonly address: string;
  readonly privateIp?: string;
  readonly endpointId?: string;
  readonly instanceId?: string;
}
