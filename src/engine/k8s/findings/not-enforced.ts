/**
 * Policies that the cluster's network plugin does not act on (k8s-mesh §1.1, §1.9, §2): every
 * NetworkPolicy under a CNI that enforces none (one finding naming the CNI and the number of
 * policies), AdminNetworkPolicy/BaselineAdminNetworkPolicy under a CNI that enforces NetworkPolicy
 * but not those, and Cilium policies where another plugin runs (they are inert).
 */
import type { PodPolicy } from '../../../model/index.js';
import type { ClusterView } from '../view.js';
import { byId, count, type FindingKind, finding, type K8sFinding } from './finding.js';

export const POLICIES_NOT_ENFORCED: FindingKind = {
  id: 'k8s-policies-not-enforced',
  title: 'Network policies under a CNI that does not enforce them',
  severity: 'high',
  remediation:
    'Run a network plugin that enforces NetworkPolicy (Calico, Cilium, Antrea...; Canal on top of Flannel), or name the real one with --cni or clusters: in rampart.yaml.',
  references: ['k8s-mesh §1.1'],
};

export const ADMIN_POLICIES_NOT_ENFORCED: FindingKind = {
  id: 'k8s-admin-policies-not-enforced',
  title: 'Admin network policies under a CNI that does not implement them',
  severity: 'high',
  remediation:
    'Use a plugin that implements AdminNetworkPolicy (OVN-Kubernetes, Calico, Antrea), or write the rules as NetworkPolicies.',
  references: ['k8s-mesh §1.9'],
};

export const CILIUM_POLICIES_INERT: FindingKind = {
  id: 'k8s-cilium-policies-inert',
  title: 'Cilium policies under another CNI',
  severity: 'high',
  remediation:
    'Run Cilium, or rewrite the rules as NetworkPolicies the plugin in use enforces (or name the CNI with --cni cilium).',
  references: ['k8s-mesh §2', 'k8s-mesh §1.1'],
};

const isCilium = (p: PodPolicy) => p.policyKind.startsWith('cilium');
const isAdmin = (p: PodPolicy) =>
  p.policyKind === 'admin-network-policy' || p.policyKind === 'baseline-admin-network-policy';

function one(kind: FindingKind, policies: readonly PodPolicy[], message: string, cni: string): K8sFinding {
  const sorted = byId(policies);
  return finding(
    kind,
    sorted.map((p) => p.id),
    message,
    sorted[0]?.source,
    { cni, policies: sorted.length },
  );
}

export function notEnforcedFindings(view: ClusterView): K8sFinding[] {
  const out: K8sFinding[] = [];
  const cni = view.cni.name;
  const standard = view.policies.filter((p) => !isCilium(p));
  if (!view.cni.enforcesNetworkPolicy && standard.length > 0)
    out.push(
      one(
        POLICIES_NOT_ENFORCED,
        standard,
        `The ${cni} CNI does not enforce network policies: ${count(standard.length, 'policy', 'policies')} in the inputs ${standard.length === 1 ? 'has' : 'have'} no effect and no workload is isolated`,
        cni,
      ),
    );
  const admin = view.policies.filter(isAdmin);
  if (view.cni.enforcesNetworkPolicy && !view.cni.supportsAdminNetworkPolicy && admin.length > 0)
    out.push(
      one(
        ADMIN_POLICIES_NOT_ENFORCED,
        admin,
        `The ${cni} CNI does not implement AdminNetworkPolicy: ${count(admin.length, 'admin or baseline policy', 'admin and baseline policies')} ${admin.length === 1 ? 'has' : 'have'} no effect, only NetworkPolicies decide`,
        cni,
      ),
    );
  const inert = view.policies.filter((p) => isCilium(p) && !view.networkPolicies.includes(p));
  if (inert.length > 0)
    out.push(
      one(
        CILIUM_POLICIES_INERT,
        inert,
        `${count(inert.length, 'Cilium policy', 'Cilium policies')} ${inert.length === 1 ? 'has' : 'have'} no effect under the ${cni} CNI: only Cilium enforces CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy`,
        cni,
      ),
    );
  return out;
}
