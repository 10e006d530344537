import type { PeerRef } from './addressing.js';
import type { ElementBase } from './element.js';
import type { ConnectionSet } from './net/index.js';
import type { SourceRef } from './source.js';

export type FilterKind =
  | 'aws-security-group'
  | 'aws-network-acl'
  | 'azure-nsg'
  | 'gcp-firewall'
  | 'gcp-firewall-policy'
  | 'k8s-network-policy'
  | 'k8s-admin-network-policy'
  | 'k8s-baseline-admin-network-policy'
  | 'cilium-network-policy';

export type Direction = 'ingress' | 'egress';
/**
 * `goto-next` hands the decision to the next policy level (GCP hierarchical firewall policies);
 * `always-allow` ends evaluation with an allow that lower levels cannot deny (Azure admin rules).
 */
export type Action = 'allow' | 'deny' | 'goto-next' | 'always-allow';

export interface FilterRule {
  /** Stable within the filter: `<filterId>/<direction>/<n>`. */
  readonly id: string;
  readonly direction: Direction;
  readonly action: Action;
  /** Evaluation order for first-match filters (NACL rule number, NSG/GCP priority). Lower first. */
  readonly priority?: number;
  readonly name?: string;
  readonly description?: string;
  /** Protocols and ports/ICMP types the rule matches (destination port of the packet). */
  readonly connections: ConnectionSet;
  /** Source (ingress) or destination (egress). */
  readonly peer: PeerRef;
  /** Narrowing of the protected side, where the provider has it (NSG destination, GCP targets). */
  readonly local?: PeerRef;
  readonly source: SourceRef;
}

/**
 * One shape for every packet filter. `allow-union`: allowed if any rule allows (AWS SG, K8s NetworkPolicy).
 * `first-match`: ordered by priority, first matching rule decides, else the default (NACL, NSG, GCP).
 */
export interface Filter extends ElementBase {
  readonly kind: 'filter';
  readonly filterKind: FilterKind;
  readonly evaluation: 'allow-union' | 'first-match';
  readonly stateful: boolean;
  /**
   * What the filter attaches to. `network`: rules select their targets (GCP firewall, NetworkPolicy);
   * `hierarchy`: organisation/folder policies evaluated before network rules (GCP, Azure admin rules).
   */
  readonly scope: 'endpoint' | 'subnet' | 'network' | 'hierarchy';
  /** Evaluation order among filters of the same scope (GCP policy order, Azure admin priority). */
  readonly order?: number;
  readonly networkId?: string;
  /** The network's default filter (AWS default SG / default NACL). */
  readonly isDefault?: boolean;
  readonly description?: string;
  readonly rules: readonly FilterRule[];
  readonly defaultAction: { readonly ingress: 'allow' | 'deny'; readonly egress: 'allow' | 'deny' };
  /** Subnets this filter is associated with, when the filter's own record lists them (AWS NACL). */
  readonly subnetIds: readonly string[];
}
