/**
 * A NetworkPolicy rule that lists a namespaceSelector and a podSelector as separate `from`/`to`
 * entries: an OR, the classic YAML-dash mistake (k8s-mesh §1.4, §7-4). Toward the DNS pods it is the
 * DNS pitfall of §1.7 (the rule allows every pod of kube-system, and pods labelled like the DNS pods
 * in the policy's own namespace); elsewhere it is reported as a lower-severity possible mistake.
 */
import type { LabelSelector, PodPeer, PodPolicy, PodPolicyRule } from '../../../model/index.js';
import { isEmptySelector, selects } from '../selectors.js';
import type { ClusterView } from '../view.js';
import { byId, type FindingKind, finding, type K8sFinding, policyText, selectorText } from './finding.js';

const DOCS =
  'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors';

export const DNS_SPLIT_SELECTORS: FindingKind = {
  id: 'k8s-dns-egress-split-selectors',
  title: 'DNS egress selectors in separate peer entries',
  severity: 'medium',
  remediation:
    'Put the namespaceSelector and the podSelector in one `to` entry (no dash before podSelector), so only the DNS pods match.',
  references: ['k8s-mesh §1.7', 'k8s-mesh §1.4', DOCS],
};

export const SPLIT_SELECTORS: FindingKind = {
  id: 'k8s-policy-split-peer-selectors',
  title: 'namespaceSelector and podSelector in separate peer entries',
  severity: 'low',
  remediation:
    'If only the selected pods of those namespaces were meant, put both selectors in one entry; if the OR is meant, write two rules.',
  references: ['k8s-mesh §1.4', 'k8s-mesh §7-4', DOCS],
};

type PodsPeer = Extract<PodPeer, { kind: 'pods' }>;
type NsPeer = PodsPeer & {
  readonly namespaces: { readonly kind: 'selector'; readonly selector: LabelSelector };
};

const NAME_LABEL = 'kubernetes.io/metadata.name';
const DNS_NAMESPACES = ['kube-system', 'openshift-dns'];
const DNS_LABELS = [{ 'k8s-app': 'kube-dns' }, { 'dns.operator.openshift.io/daemonset-dns': 'default' }];

/** `namespace monitoring` for a name-label selector, else `namespaces matching {...}`. */
function namespacesText(sel: LabelSelector): string {
  const keys = Object.keys(sel.matchLabels);
  return keys.length === 1 && keys[0] === NAME_LABEL && sel.matchExpressions.length === 0
    ? `namespace ${sel.matchLabels[NAME_LABEL]}`
    : `namespaces matching ${selectorText(sel)}`;
}

/** Entries with a namespaceSelector alone (non-empty), and entries with a podSelector alone. */
function split(r: PodPolicyRule): { nsOnly: NsPeer[]; podOnly: PodsPeer[] } {
  const pods = r.peers.filter((x): x is PodsPeer => x.kind === 'pods');
  return {
    nsOnly: pods.filter(
      (x): x is NsPeer =>
        x.namespaces.kind === 'selector' &&
        !isEmptySelector(x.namespaces.selector) &&
        isEmptySelector(x.pods),
    ),
    podOnly: pods.filter((x) => x.namespaces.kind === 'name' && !isEmptySelector(x.pods)),
  };
}

function isDnsRule(view: ClusterView, r: PodPolicyRule, nsOnly: NsPeer[], podOnly: PodsPeer[]): boolean {
  return (
    r.direction === 'egress' &&
    nsOnly.some((x) => DNS_NAMESPACES.some((ns) => selects(x.namespaces.selector, view.nsLabels(ns)))) &&
    podOnly.some((x) => DNS_LABELS.some((labels) => selects(x.pods, labels)))
  );
}

export function peerSplitFindings(view: ClusterView): K8sFinding[] {
  const out: K8sFinding[] = [];
  const nps = byId(view.policies.filter((p): p is PodPolicy => p.policyKind === 'network-policy'));
  for (const p of nps)
    for (const r of p.rules) {
      const { nsOnly, podOnly } = split(r);
      if (nsOnly.length === 0 || podOnly.length === 0) continue;
      const where = `${policyText(p)} spec.${r.direction}[${r.id.slice(r.id.lastIndexOf('/') + 1)}]`;
      const nsText = nsOnly.map((x) => namespacesText(x.namespaces.selector)).join(' or ');
      const podText = podOnly.map((x) => selectorText(x.pods)).join(' or ');
      const own = p.namespace ?? 'default';
      const evidence = { rule: r.id };
      if (isDnsRule(view, r, nsOnly, podOnly))
        out.push(
          finding(
            DNS_SPLIT_SELECTORS,
            [p.id],
            `${where} names the DNS namespace and the DNS pods in separate entries, an OR: it allows every pod in ${nsText}, and pods matching ${podText} in ${own}, instead of only the DNS pods`,
            r.source,
            evidence,
          ),
        );
      else
        out.push(
          finding(
            SPLIT_SELECTORS,
            [p.id],
            `${where} lists a namespaceSelector and a podSelector as separate entries, an OR: it ${r.direction === 'ingress' ? 'admits' : 'allows connections to'} every pod in ${nsText}, and every pod matching ${podText} in ${own}`,
            r.source,
            evidence,
          ),
        );
    }
  return out;
}
