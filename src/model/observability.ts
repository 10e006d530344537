import type { ElementBase } from './element.js';

/** Flow logging configured on a network, subnet, interface or transit gateway. */
export interface FlowLogConfig extends ElementBase {
  readonly kind: 'flow-log';
  readonly resourceId: string;
  readonly resourceKind:
    | 'network'
    | 'subnet'
    | 'endpoint'
    | 'transit-gateway'
    | 'transit-attachment'
    | 'other';
  readonly trafficType: 'ACCEPT' | 'REJECT' | 'ALL';
  readonly destinationType?: string;
  readonly destination?: string;
  readonly format?: string;
  readonly aggregationIntervalSeconds?: number;
  readonly status?: string;
}

/** Controls on where traffic may go beyond packet filters (types only for now). */
export interface EgressControl extends ElementBase {
  readonly kind: 'egress-control';
  readonly controlKind: 'dns-firewall' | 'domain-allow-list' | 'endpoint-policy' | 'service-control-policy';
  /** Resources the control applies to (networks, endpoints, accounts). */
  readonly appliesTo: readonly string[];
  readonly allowDomains: readonly string[];
  readonly denyDomains: readonly string[];
  readonly document?: string;
}
