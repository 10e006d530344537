/**
 * Namespaces without a default-deny policy, per direction (k8s-mesh §1.8). Only namespaces that hold
 * workloads are judged, and platform namespaces (kube-system, kube-public, kube-node-lease,
 * openshift-*) are skipped. When no workload of the namespace is guarded in the direction the finding
 * names them all (they get no finding of their own); when some are, the unguarded ones are reported
 * one by one by the unprotected-workload findings.
 */
import type { Direction } from '../../../model/index.js';
import type { ClusterView } from '../view.js';
import { defaultDenyOf, namespaceCoverage } from './coverage.js';
import {
  count,
  type FindingKind,
  finding,
  type K8sFinding,
  listText,
  sortedTexts,
  workloadText,
} from './finding.js';

const DOCS = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies';

export const NO_DEFAULT_DENY_INGRESS: FindingKind = {
  id: 'k8s-namespace-no-default-deny-ingress',
  title: 'Namespace without default-deny ingress',
  severity: 'medium',
  remediation:
    'Add a NetworkPolicy with podSelector: {}, policyTypes: [Ingress] and no ingress rules, then allow what each workload needs.',
  references: ['k8s-mesh §1.8', 'k8s-mesh §1.2', DOCS],
};

export const NO_DEFAULT_DENY_EGRESS: FindingKind = {
  id: 'k8s-namespace-no-default-deny-egress',
  title: 'Namespace without default-deny egress',
  severity: 'low',
  remediation:
    'Add a NetworkPolicy with podSelector: {}, policyTypes: [Egress] that allows only DNS (UDP and TCP 53 to the DNS pods), then allow what each workload needs.',
  references: ['k8s-mesh §1.8', 'k8s-mesh §1.7', DOCS],
};

/** What a workload selected by no policy in a direction lets through. */
export function openText(direction: Direction, n: number): string {
  return direction === 'ingress'
    ? `${n === 1 ? 'accepts' : 'accept'} connections from every pod and address`
    : `can connect to every pod and address`;
}

export function defaultDenyFindings(view: ClusterView): K8sFinding[] {
  const out: K8sFinding[] = [];
  for (const c of namespaceCoverage(view)) {
    const { ns, direction, pods } = c;
    if (defaultDenyOf(view, ns, direction)) continue;
    const open = sortedTexts(c.open.map(workloadText));
    const head = `${ns} has no default-deny ${direction} policy`;
    const message =
      open.length === pods.length
        ? `${head} and no policy selects its workloads for ${direction}: ${listText(open)} ${openText(direction, open.length)}`
        : open.length > 0
          ? `${head}: ${open.length} of its ${count(pods.length, 'workload')} ${open.length === 1 ? 'is' : 'are'} selected by no ${direction} policy (reported apart), and workloads added later will be open too`
          : `${head}: ${pods.length === 1 ? 'its only workload' : `each of its ${pods.length} workloads`} is selected by an ${direction} policy today, but a workload added later will be open`;
    out.push(
      finding(
        direction === 'ingress' ? NO_DEFAULT_DENY_INGRESS : NO_DEFAULT_DENY_EGRESS,
        open.length === pods.length ? [ns, ...open] : [ns],
        message,
        view.namespaceObjects.get(ns)?.source,
        { workloads: pods.length, unprotected: open },
      ),
    );
  }
  return out;
}
