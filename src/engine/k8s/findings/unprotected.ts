/**
 * Workloads selected by no policy in a direction (k8s-mesh §1.8, the weaker signal): reported one per
 * workload and direction, only in namespaces where some other workload is guarded in that direction.
 * Where none is, the namespace finding (no default-deny) already names every workload.
 */
import type { ClusterView } from '../view.js';
import { namespaceCoverage } from './coverage.js';
import { openText } from './default-deny.js';
import {
  count,
  type FindingKind,
  finding,
  type K8sFinding,
  listText,
  sortedTexts,
  workloadText,
} from './finding.js';

export const UNPROTECTED_INGRESS: FindingKind = {
  id: 'k8s-workload-unprotected-ingress',
  title: 'Workload selected by no ingress policy',
  severity: 'medium',
  remediation:
    'Select the workload with a NetworkPolicy that lists the sources it needs, or add a default-deny ingress policy to its namespace.',
  references: ['k8s-mesh §1.8', 'k8s-mesh §1.2'],
};

export const UNPROTECTED_EGRESS: FindingKind = {
  id: 'k8s-workload-unprotected-egress',
  title: 'Workload selected by no egress policy',
  severity: 'low',
  remediation:
    'Select the workload with a NetworkPolicy that lists the destinations it needs (DNS included), or add a default-deny egress policy to its namespace.',
  references: ['k8s-mesh §1.8', 'k8s-mesh §1.2'],
};

export function unprotectedFindings(view: ClusterView): K8sFinding[] {
  const out: K8sFinding[] = [];
  for (const { ns, direction, guarded, open } of namespaceCoverage(view)) {
    if (guarded.length === 0) continue;
    const shown = listText(sortedTexts(guarded.map(workloadText)), 3);
    for (const pod of open) {
      const w = workloadText(pod);
      out.push(
        finding(
          direction === 'ingress' ? UNPROTECTED_INGRESS : UNPROTECTED_EGRESS,
          [w],
          `${w} is selected by no ${direction} policy, while ${count(guarded.length, 'other workload')} in ${ns} ${guarded.length === 1 ? 'is' : 'are'} (${shown}): it ${openText(direction, 1)}`,
          pod.workload.source,
          { namespace: ns, direction },
        ),
      );
    }
  }
  return out;
}
