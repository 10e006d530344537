/**
 * Traces (DESIGN §3, §6): a verdict for one connection with the steps of the forward and the return
 * leg. Steps are a closed union; each names the deciding resource and rule.
 */

/** What kind of object decided a step (the `blockedAt.kind` vocabulary of the CLI contract). */
export type DecidingKind =
  | 'security-group'
  | 'network-acl'
  | 'route'
  | 'peering'
  | 'transit-gateway'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'no-public-address'
  | 'endpoint'
  | 'firewall'
  | 'network-policy'
  | 'mesh';

export type StepAction = 'allowed' | 'denied' | 'forwarded' | 'no-route' | 'blackhole' | 'not-evaluated';

interface StepBase {
  /** The deciding object: an SG (or the ENI when several groups apply), `acl-…`, `rtb-…`, `pcx-…`... */
  readonly resource: string;
  readonly decidedBy: DecidingKind;
  readonly action: StepAction;
  /** Rule or route that decided (`acl-1/ingress/100`, `10.0.0.0/16 -> pcx-1`); absent for defaults. */
  readonly rule?: string;
  /** Traffic that passes this step (canonical ConnectionSet text), where it narrows. */
  readonly passes?: string;
  readonly note?: string;
}

export type Step =
  | (StepBase & { readonly kind: 'filter' })
  | (StepBase & { readonly kind: 'route' })
  | (StepBase & { readonly kind: 'nat'; readonly from: string; readonly to: string })
  | (StepBase & { readonly kind: 'gateway' })
  | (StepBase & { readonly kind: 'peering' })
  | (StepBase & { readonly kind: 'transit' })
  | (StepBase & { readonly kind: 'delivered' })
  | (StepBase & { readonly kind: 'dropped' });

export interface BlockedAt {
  readonly kind: DecidingKind;
  readonly resource: string;
  readonly direction: 'forward' | 'return';
  readonly rule?: string;
}

export interface Verdict {
  /** `unknown`: a path the engine does not model yet went through (see `uncertain`); never read as blocked. */
  readonly verdict: 'allowed' | 'blocked' | 'unknown';
  readonly blockedAt: BlockedAt | null;
  readonly forward: readonly Step[];
  readonly return: readonly Step[];
  /** Inputs that were missing or not modelled, each in words. */
  readonly uncertain: readonly string[];
}
