/**
 * Istio AuthorizationPolicies that match nothing (k8s-mesh §3.3, §7-10): a policy whose selector picks
 * no workload of its namespace (of any namespace for the root namespace), and an ALLOW policy without
 * rules, which allows nothing: once it applies, every request its workloads get is denied unless
 * another ALLOW policy matches it. That is also Istio's documented "allow-nothing" default-deny, so it
 * is reported as information, naming the workloads it shuts. Policies attached by targetRef are skipped.
 */
import type { MeshPolicy } from '../../../model/index.js';
import { authzApplies } from '../istio-authz.js';
import { ISTIO_ROOT, type MeshView } from '../mesh-view.js';
import type { Pod } from '../pod.js';
import type { ClusterView } from '../view.js';
import {
  byId,
  count,
  type FindingKind,
  finding,
  type K8sFinding,
  listText,
  selectorText,
  sortedTexts,
  workloadText,
} from './finding.js';

const DOCS = 'https://istio.io/latest/docs/reference/config/security/authorization-policy/';

export const AUTHZ_SELECTS_NOTHING: FindingKind = {
  id: 'k8s-istio-authz-selects-nothing',
  title: 'Istio AuthorizationPolicy that selects no workload',
  severity: 'low',
  remediation: 'Fix the selector so it matches the workload meant, or delete the policy.',
  references: ['k8s-mesh §3.3', DOCS],
};

export const AUTHZ_ALLOW_NOTHING: FindingKind = {
  id: 'k8s-istio-authz-allow-nothing',
  title: 'Istio ALLOW AuthorizationPolicy without rules (allow-nothing)',
  severity: 'info',
  remediation:
    'If a deny-all was meant, keep it and add ALLOW policies for the traffic needed; otherwise add the missing rules.',
  references: ['k8s-mesh §3.3', 'k8s-mesh §7-10', DOCS],
};

/** The workloads a policy applies to (the engine's own test). */
function subjects(view: ClusterView, p: MeshPolicy): Pod[] {
  return view.pods.filter((pod) => authzApplies(p, pod));
}

const isAllow = (p: MeshPolicy) => p.action === 'ALLOW' || p.action === undefined;

export function istioAuthzFindings(view: ClusterView, mesh: MeshView): K8sFinding[] {
  const out: K8sFinding[] = [];
  const policies = byId(mesh.of('istio', 'authorization').filter((p) => !p.targetRef));
  // Workloads that an ALLOW policy with rules covers get what that one allows (computed once).
  const opened = new Set(
    policies.filter((o) => isAllow(o) && o.rules.length > 0).flatMap((o) => subjects(view, o)),
  );
  for (const p of policies) {
    const name = `${p.namespace}/${p.name ?? p.id}`;
    const mine = subjects(view, p);
    if (p.selector && mine.length === 0) {
      const inNs = view.pods.filter((pod) => p.namespace === ISTIO_ROOT || pod.namespace === p.namespace);
      out.push(
        finding(
          AUTHZ_SELECTS_NOTHING,
          [p.id],
          `${p.action ?? 'ALLOW'} AuthorizationPolicy ${name} selects no workload: selector ${selectorText(p.selector)} matches none of the ${count(inNs.length, 'workload')} in ${p.namespace === ISTIO_ROOT ? 'the inputs' : p.namespace}`,
          p.source,
        ),
      );
    }
    if (!isAllow(p) || p.rules.length > 0) continue;
    const meshed = mine.filter((pod) => mesh.meshOf(pod) === 'istio');
    const shut = sortedTexts(meshed.filter((pod) => !opened.has(pod)).map(workloadText));
    const rest = sortedTexts(meshed.map(workloadText)).filter((w) => !shut.includes(w));
    const effects: string[] = [];
    if (shut.length > 0) effects.push(`every request to ${listText(shut)} is denied`);
    if (rest.length > 0)
      effects.push(
        `${listText(rest)} ${rest.length === 1 ? 'gets' : 'get'} only what other ALLOW policies allow`,
      );
    if (effects.length === 0) effects.push('no sidecar-injected workload in the inputs falls under it');
    out.push(
      finding(
        AUTHZ_ALLOW_NOTHING,
        [p.id, ...shut, ...rest],
        `ALLOW AuthorizationPolicy ${name} has no rules, so it allows nothing: ${effects.join('; ')} (Istio's allow-nothing pattern; fine if a deny-all was meant)`,
        p.source,
        { denied: shut, limited: rest },
      ),
    );
  }
  return out;
}
