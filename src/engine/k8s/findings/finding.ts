/**
 * The shape of a Kubernetes finding and the small helpers the finding files share: metadata as data
 * (stable id, title, base severity, remediation, references), texts for workloads, policies,
 * selectors and connections, and the deterministic order of the result.
 */
import type { LabelSelector, NamespaceScope, PodPolicy, SourceRef } from '../../../model/index.js';
import type { Pod } from '../pod.js';
import type { PodConns } from '../pod-conns.js';
import { byCodeUnitOrder } from '../selector-text.js';
import { selects } from '../selectors.js';

import type { ClusterView } from '../view.js';

export type FindingSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Most severe first; the order findings are listed in and `--fail-on` compares with. */
export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** What a kind of finding is, independent of any input. */
export interface FindingKind {
  /** Stable, e.g. `k8s-namespace-no-default-deny-ingress`. */
  readonly id: string;
  readonly title: string;
  /** Base severity (DESIGN §4). */
  readonly severity: FindingSeverity;
  /** One line: what to change. */
  readonly remediation: string;
  /** Where the semantics are written down: `k8s-mesh §1.8`, documentation pages. */
  readonly references: readonly string[];
}

export interface K8sFinding {
  readonly id: string;
  readonly title: string;
  readonly severity: FindingSeverity;
  /** Namespace names, workloads as `ns/name[Kind]`, policy ids. */
  readonly resources: readonly string[];
  /** Specific: which workload, policy or port, and why. */
  readonly message: string;
  /** The policy, rule or namespace the finding blames. */
  readonly location?: SourceRef;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

export function finding(
  kind: FindingKind,
  resources: readonly string[],
  message: string,
  location?: SourceRef,
  evidence?: Readonly<Record<string, unknown>>,
): K8sFinding {
  return {
    id: kind.id,
    title: kind.title,
    severity: kind.severity,
    resources,
    message,
    ...(location ? { location } : {}),
    ...(evidence ? { evidence } : {}),
  };
}

const byText = byCodeUnitOrder;

/** Severity, then id, then resources, then message: the same input always lists the same way. */
export function sortFindings(list: readonly K8sFinding[]): K8sFinding[] {
  return [...list].sort(
    (a, b) =>
      FINDING_SEVERITIES.indexOf(a.severity) - FINDING_SEVERITIES.indexOf(b.severity) ||
      byText(a.id, b.id) ||
      byText(a.resources.join('\n'), b.resources.join('\n')) ||
      byText(a.message, b.message),
  );
}

/** Elements sorted by id, for a deterministic first pick. */
export function byId<T extends { readonly id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => byText(a.id, b.id));
}

export function sortedTexts(list: Iterable<string>): string[] {
  return [...new Set(list)].sort(byText);
}

/** `ns/name[Kind]`, as connlist names workloads. */
export function workloadText(pod: Pod): string {
  return `${pod.namespace}/${pod.workload.name ?? pod.workload.id}[${pod.workload.workloadKind}]`;
}

const KIND_NAMES: Readonly<Record<PodPolicy['policyKind'], string>> = {
  'network-policy': 'NetworkPolicy',
  'admin-network-policy': 'AdminNetworkPolicy',
  'baseline-admin-network-policy': 'BaselineAdminNetworkPolicy',
  'cilium-network-policy': 'CiliumNetworkPolicy',
  'cilium-clusterwide-network-policy': 'CiliumClusterwideNetworkPolicy',
};

/** `NetworkPolicy shop/api-egress`, `AdminNetworkPolicy deny-all`. */
export function policyText(p: PodPolicy): string {
  const name = p.name ?? p.id;
  return `${KIND_NAMES[p.policyKind]} ${p.namespace ? `${p.namespace}/` : ''}${name}`;
}

/** `{app=web, tier in (a,b)}`; `{}` for the empty selector. */
export function selectorText(sel: LabelSelector): string {
  const labels = Object.keys(sel.matchLabels)
    .sort(byText)
    .map((k) => `${k}=${sel.matchLabels[k]}`);
  const exprs = sel.matchExpressions.map((e) => {
    const values = `(${e.values.join(',')})`;
    if (e.operator === 'In') return `${e.key} in ${values}`;
    if (e.operator === 'NotIn') return `${e.key} notin ${values}`;
    return e.operator === 'Exists' ? e.key : `!${e.key}`;
  });
  return `{${[...labels, ...exprs].join(', ')}}`;
}

/** Whether a namespace scope includes the named namespace (labels as the view knows them). */
export function scopeHas(view: ClusterView, scope: NamespaceScope, ns: string): boolean {
  return scope.kind === 'name' ? scope.name === ns : selects(scope.selector, view.nsLabels(ns));
}

/** `TCP 8080,9090-9091, UDP 53`: the ports per protocol, in TCP, UDP, SCTP order. */
export function connsText(c: PodConns): string {
  const parts: string[] = [];
  for (const [name, ports] of [
    ['TCP', c.tcp],
    ['UDP', c.udp],
    ['SCTP', c.sctp],
  ] as const) {
    if (ports.isEmpty()) continue;
    const iv = ports.intervals().map((i) => (i.lo === i.hi ? `${i.lo}` : `${i.lo}-${i.hi}`));
    parts.push(`${name} ${iv.join(',')}`);
  }
  return parts.join(', ');
}

/** `1 workload`, `3 workloads`, `2 policies`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A list for a message: all of it up to `max`, else the first ones and how many more. */
export function listText(items: readonly string[], max = 5): string {
  return items.length > max
    ? `${items.slice(0, max).join(', ')} and ${items.length - max} more`
    : items.join(', ');
}

/** The workloads of a namespace, in the view's order. */
export function podsIn(view: ClusterView, ns: string): Pod[] {
  return view.pods.filter((p) => p.namespace === ns);
}

/** Namespaces that hold workloads, sorted. */
export function workloadNamespaces(view: ClusterView): string[] {
  return sortedTexts(view.pods.map((p) => p.namespace));
}
