/** `k8s findings --format json`: one object with the findings, the CNI profile used and the diagnostics. */
import type { DiagnosticJson } from '../../contract/index.js';
import type { K8sFinding } from '../../engine/index.js';
import { type CniProfile, plainSource } from '../../model/index.js';

export function renderK8sFindingsJson(
  findings: readonly K8sFinding[],
  cni: CniProfile,
  cniEvidence: string,
  diagnostics: readonly DiagnosticJson[],
): string {
  const doc = {
    findings: findings.map((f) => ({
      id: f.id,
      title: f.title,
      severity: f.severity,
      resources: f.resources,
      message: f.message,
      ...(f.location ? { location: plainSource(f.location) } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
    })),
    cni: { ...cni, evidence: cniEvidence },
    diagnostics,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
