/**
 * Pod policies whose subject selects no workload of the inputs (k8s-mesh §1.2, §1.9, §2):
 * NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy and Cilium policies where Cilium
 * binds (inert ones are reported by the not-enforced findings). Often a label that changed, so a
 * workload meant to be protected is not.
 */
import type { PodPolicy } from '../../../model/index.js';
import { appliesTo } from '../selectors.js';
import type { ClusterView } from '../view.js';
import {
  byId,
  count,
  type FindingKind,
  finding,
  type K8sFinding,
  podsIn,
  policyText,
  selectorText,
} from './finding.js';

export const POLICY_SELECTS_NOTHING: FindingKind = {
  id: 'k8s-policy-selects-nothing',
  title: 'Network policy that selects no workload',
  severity: 'low',
  remediation: 'Fix the selector (labels change between releases) or delete the policy.',
  references: ['k8s-mesh §1.2', 'k8s-mesh §1.9', 'k8s-mesh §2'],
};

function subjectText(p: PodPolicy): string {
  switch (p.policyKind) {
    case 'network-policy':
      return `podSelector ${selectorText(p.subject.pods)}`;
    case 'cilium-network-policy':
    case 'cilium-clusterwide-network-policy':
      return `endpointSelector ${selectorText(p.subject.pods)}`;
    default:
      return 'its subject';
  }
}

export function selectsNothingFindings(view: ClusterView): K8sFinding[] {
  const out: K8sFinding[] = [];
  const live = view.policies.filter(
    (p) => !p.policyKind.startsWith('cilium') || view.networkPolicies.includes(p),
  );
  for (const p of byId(live)) {
    if (view.pods.some((pod) => appliesTo(p, pod))) continue;
    const inNs = p.namespace === undefined ? view.pods.length : podsIn(view, p.namespace).length;
    const scope =
      p.namespace === undefined
        ? `none of the ${count(inNs, 'workload')} in the inputs`
        : inNs === 0
          ? `nothing: ${p.namespace} holds no workload in the inputs`
          : `none of the ${count(inNs, 'workload')} in ${p.namespace}`;
    out.push(
      finding(
        POLICY_SELECTS_NOTHING,
        [p.id],
        `${policyText(p)} selects no workload: ${subjectText(p)} matches ${scope}`,
        p.source,
      ),
    );
  }
  return out;
}
