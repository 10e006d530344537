/**
 * Kubernetes findings for the posture checks (issue #4 item 7; k8s-mesh §1.1, §1.7, §1.8, §2, §3, §7):
 * one small file per kind of finding, all pure functions of the cluster and mesh views. `k8sFindings`
 * runs them all and returns the findings most severe first, then by id and resources.
 */
import type { MeshView } from '../mesh-view.js';
import type { ClusterView } from '../view.js';
import { defaultDenyFindings, NO_DEFAULT_DENY_EGRESS, NO_DEFAULT_DENY_INGRESS } from './default-deny.js';
import { DNS_BLOCKED, DNS_OPENSHIFT_PORT, DNS_TCP_MISSING, dnsEgressFindings } from './dns-egress.js';
import { type FindingKind, type K8sFinding, sortFindings } from './finding.js';
import { AUTHZ_ALLOW_NOTHING, AUTHZ_SELECTS_NOTHING, istioAuthzFindings } from './istio-authz.js';
import { L7_CANCELLED, l7CancelledFindings } from './l7-cancelled.js';
import {
  LINKERD_ALL_UNAUTHENTICATED,
  MTLS_DEFAULT_PERMISSIVE,
  MTLS_DISABLED,
  MTLS_PERMISSIVE,
  mtlsFindings,
} from './mtls.js';
import {
  ADMIN_POLICIES_NOT_ENFORCED,
  CILIUM_POLICIES_INERT,
  notEnforcedFindings,
  POLICIES_NOT_ENFORCED,
} from './not-enforced.js';
import { DNS_SPLIT_SELECTORS, peerSplitFindings, SPLIT_SELECTORS } from './peer-split.js';
import { POLICY_SELECTS_NOTHING, selectsNothingFindings } from './selects-nothing.js';
import { UNPROTECTED_EGRESS, UNPROTECTED_INGRESS, unprotectedFindings } from './unprotected.js';

export { FINDING_SEVERITIES, type FindingKind, type FindingSeverity, type K8sFinding } from './finding.js';

/** Every kind of Kubernetes finding, as data (ids are stable; docs and parity tests read this). */
export const K8S_FINDING_KINDS: readonly FindingKind[] = [
  POLICIES_NOT_ENFORCED,
  ADMIN_POLICIES_NOT_ENFORCED,
  CILIUM_POLICIES_INERT,
  NO_DEFAULT_DENY_INGRESS,
  NO_DEFAULT_DENY_EGRESS,
  UNPROTECTED_INGRESS,
  UNPROTECTED_EGRESS,
  DNS_BLOCKED,
  DNS_TCP_MISSING,
  DNS_OPENSHIFT_PORT,
  DNS_SPLIT_SELECTORS,
  SPLIT_SELECTORS,
  POLICY_SELECTS_NOTHING,
  MTLS_DISABLED,
  MTLS_PERMISSIVE,
  MTLS_DEFAULT_PERMISSIVE,
  LINKERD_ALL_UNAUTHENTICATED,
  AUTHZ_SELECTS_NOTHING,
  AUTHZ_ALLOW_NOTHING,
  L7_CANCELLED,
];

/** All findings for one cluster, in a deterministic order. */
export function k8sFindings(view: ClusterView, mesh: MeshView): K8sFinding[] {
  return sortFindings([
    ...notEnforcedFindings(view),
    ...defaultDenyFindings(view),
    ...unprotectedFindings(view),
    ...dnsEgressFindings(view),
    ...peerSplitFindings(view),
    ...selectsNothingFindings(view),
    ...mtlsFindings(view, mesh),
    ...istioAuthzFindings(view, mesh),
    ...l7CancelledFindings(view),
  ]);
}
