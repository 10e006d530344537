import type { SourceRef } from './source.js';

/** A route or rule destination: a canonical CIDR, or a prefix list resolved by the engine. */
export type AddressRef =
  | { readonly kind: 'cidr'; readonly cidr: string }
  | { readonly kind: 'prefix-list'; readonly prefixListId: string };

/**
 * The other side of a filter rule (source for ingress, destination for egress), or the local side
 * where a provider lets rules narrow it (NSG destination, GCP target tags, pod selectors).
 * Symbolic kinds are resolved by the engine against the estate.
 */
export type PeerRef =
  | { readonly kind: 'any' }
  | { readonly kind: 'cidr'; readonly cidr: string }
  | { readonly kind: 'prefix-list'; readonly prefixListId: string }
  /** AWS security group reference: private IPs of ENIs carrying the group. */
  | {
      readonly kind: 'group';
      readonly groupId: string;
      readonly account?: string;
      readonly networkId?: string;
      readonly peeringId?: string;
    }
  /** Azure service tag (VirtualNetwork, Internet, AzureLoadBalancer, Storage.WestEurope...). */
  | { readonly kind: 'service-tag'; readonly tag: string }
  | { readonly kind: 'application-security-group'; readonly groupId: string }
  /** GCP network tags (source tags or target tags). */
  | { readonly kind: 'network-tags'; readonly tags: readonly string[] }
  | { readonly kind: 'service-accounts'; readonly accounts: readonly string[] }
  /** Kubernetes / Cilium selection of pods (and namespaces), kept symbolic. */
  | {
      readonly kind: 'selector';
      readonly namespaceSelector?: LabelSelector;
      readonly podSelector?: LabelSelector;
    }
  /** Cilium entities (world, cluster, host, kube-apiserver...). */
  | { readonly kind: 'entity'; readonly entity: string }
  /** A value the input could not give (Terraform unknown). Never matched as "nothing" or "everything". */
  | { readonly kind: 'unknown'; readonly reason: string };

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly {
    readonly key: string;
    readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    readonly values: readonly string[];
  }[];
}

export interface Located {
  readonly source: SourceRef;
}
