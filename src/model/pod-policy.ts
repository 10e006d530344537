import type { LabelSelector } from './addressing.js';
import type { ElementBase } from './element.js';
import type { Direction } from './filter.js';
import type { SourceRef } from './source.js';

/**
 * Which namespaces a pod peer or subject ranges over: the policy's own (NetworkPolicy podSelector
 * alone), those whose labels match (a selector; `{}` is all), or every namespace (cluster-wide).
 */
export type NamespaceScope =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'selector'; readonly selector: LabelSelector };

/**
 * One peer of a pod policy rule (k8s-mesh §1.4, §1.9, §2). `pods`: pods whose labels match within the
 * namespaces in scope. `ip-block`: addresses in `cidr` minus `except`; whether it also matches pod IPs
 * depends on the CNI profile for NetworkPolicy, and is always true for ANP `networks` (`matchesPods`).
 * `any`: an empty from/to list, every pod and every address. `entity`: a Cilium entity (world, cluster…).
 */
export type PodPeer =
  | { readonly kind: 'pods'; readonly namespaces: NamespaceScope; readonly pods: LabelSelector }
  | {
      readonly kind: 'ip-block';
      readonly cidr: string;
      readonly except: readonly string[];
      readonly matchesPods: boolean;
    }
  | { readonly kind: 'any' }
  | { readonly kind: 'entity'; readonly entity: string }
  /** A peer the engine cannot match (unknown ANP peer type, Cilium feature not modelled). */
  | { readonly kind: 'unsupported'; readonly what: string };

export type PodProtocol = 'TCP' | 'UDP' | 'SCTP';

/**
 * One port entry. No `port` and no `name`: every port of the protocol. `name`: a named container
 * port, resolved per destination pod (k8s-mesh §1.5). `endPort` makes an inclusive range.
 */
export interface PodPort {
  readonly protocol: PodProtocol | 'ANY';
  readonly port?: number;
  readonly endPort?: number;
  readonly name?: string;
}

/** One Cilium L7 HTTP rule (k8s-mesh §2): all present fields must match (regular expressions). */
export interface HttpRule {
  readonly method?: string;
  readonly path?: string;
  readonly host?: string;
  readonly headers?: readonly string[];
}

export interface PodPolicyRule {
  /** Stable within the policy: `<policyId>/<direction>/<n>`. */
  readonly id: string;
  readonly name?: string;
  readonly direction: Direction;
  readonly action: 'allow' | 'deny' | 'pass';
  /** OR over entries. A rule that names no peers at all has `[{kind:'any'}]`. */
  readonly peers: readonly PodPeer[];
  /** OR over entries; `all` when the rule names no ports. */
  readonly ports: readonly PodPort[] | 'all';
  /** Cilium L7: present on ports with `rules.http`; absent means no L7 restriction. */
  readonly http?: readonly HttpRule[];
  readonly source: SourceRef;
}

export type PodPolicyKind =
  | 'network-policy'
  | 'admin-network-policy'
  | 'baseline-admin-network-policy'
  | 'cilium-network-policy'
  | 'cilium-clusterwide-network-policy';

/**
 * A Kubernetes-side packet policy: NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy or a
 * Cilium policy. Kept apart from `Filter` because selection makes isolation (a pod selected for a
 * direction is default-deny there), named ports resolve per destination pod, ANP adds priority and
 * Pass, and Cilium adds deny sections and L7 (k8s-mesh §1-§2).
 */
export interface PodPolicy extends ElementBase {
  readonly kind: 'pod-policy';
  readonly policyKind: PodPolicyKind;
  readonly clusterId: string;
  /** The policy's namespace (NetworkPolicy, CiliumNetworkPolicy); absent when cluster-scoped. */
  readonly namespace?: string;
  /** The pods it applies to. */
  readonly subject: { readonly namespaces: NamespaceScope; readonly pods: LabelSelector };
  /**
   * Directions in which selection isolates the subject (NetworkPolicy effective policyTypes; Cilium
   * sections present unless enableDefaultDeny is off). ANP/BANP never isolate: `[]`.
   */
  readonly isolates: readonly Direction[];
  /** ANP priority (lower first). */
  readonly priority?: number;
  readonly rules: readonly PodPolicyRule[];
}
