/**
 * DNS egress pitfalls (k8s-mesh §1.7): an egress-restricted workload must reach the cluster DNS pods
 * on UDP and TCP 53 (5353 under OpenShift, where the pods listen there and NetworkPolicy matches the
 * pod port). The DNS pods are those labelled `k8s-app=kube-dns` in kube-system, or any workload named
 * coredns or kube-dns; under OpenShift (an `openshift-dns` namespace in the inputs) the pods of
 * openshift-dns labelled `dns.operator.openshift.io/daemonset-dns` or named dns-default. When the
 * inputs hold none, a stand-in pod with those labels is judged instead. Only the workload's own egress
 * side is judged (what its policies admit); hostNetwork pods and the DNS pods themselves are skipped.
 */
import { fixedSource, type Workload } from '../../../model/index.js';
import { admitted } from '../decide.js';
import type { Pod } from '../pod.js';
import type { ClusterView } from '../view.js';
import { guarding } from './coverage.js';
import { byId, type FindingKind, finding, type K8sFinding, policyText, workloadText } from './finding.js';

const REFS = [
  'k8s-mesh §1.7',
  'https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/',
];

export const DNS_BLOCKED: FindingKind = {
  id: 'k8s-dns-egress-blocked',
  title: 'Egress-restricted workload cannot reach the cluster DNS',
  severity: 'medium',
  remediation:
    'Allow egress to the DNS pods on UDP and TCP 53, with namespaceSelector and podSelector in one entry.',
  references: REFS,
};

export const DNS_TCP_MISSING: FindingKind = {
  id: 'k8s-dns-egress-tcp-missing',
  title: 'DNS egress allowed on UDP only',
  severity: 'low',
  remediation:
    'Allow TCP 53 next to UDP 53 toward the DNS pods: answers too large for UDP are retried over TCP.',
  references: REFS,
};

export const DNS_OPENSHIFT_PORT: FindingKind = {
  id: 'k8s-dns-egress-openshift-port',
  title: 'DNS egress on port 53 where OpenShift DNS listens on 5353',
  severity: 'medium',
  remediation:
    'Allow UDP and TCP 5353 to the openshift-dns pods: NetworkPolicy matches the pod port, not the Service port 53.',
  references: REFS,
};

const OPENSHIFT_DNS = 'openshift-dns';
const OPENSHIFT_LABEL = 'dns.operator.openshift.io/daemonset-dns';

interface DnsTargets {
  readonly pods: readonly Pod[];
  /** How messages name them. */
  readonly text: string;
  readonly port: number;
  readonly openshift: boolean;
}

/** A DNS pod the inputs do not hold, with the labels and ports of the usual deployment. */
function standIn(view: ClusterView, openshift: boolean): Pod {
  const namespace = openshift ? OPENSHIFT_DNS : 'kube-system';
  const labels: Record<string, string> = openshift
    ? { [OPENSHIFT_LABEL]: 'default' }
    : { 'k8s-app': 'kube-dns' };
  const port = openshift ? 5353 : 53;
  const workload: Workload = {
    kind: 'workload',
    id: `k8s/${namespace}/dns-stand-in`,
    provider: 'kubernetes',
    tags: {},
    source: fixedSource('', '', 0, 0),
    clusterId: 'default',
    namespace,
    workloadKind: openshift ? 'DaemonSet' : 'Deployment',
    podLabels: labels,
    ports: [
      { name: 'dns', port, protocol: 'UDP' },
      { name: 'dns-tcp', port, protocol: 'TCP' },
    ],
    endpointIds: [],
    hostNetwork: false,
  };
  return { index: -1, workload, namespace, labels, nsLabels: view.nsLabels(namespace) };
}

function dnsTargets(view: ClusterView): DnsTargets {
  const openshift =
    view.namespaceNames().includes(OPENSHIFT_DNS) || view.pods.some((p) => p.namespace === OPENSHIFT_DNS);
  const isDns = (p: Pod): boolean => {
    const name = p.workload.name ?? '';
    if (openshift)
      return (
        p.namespace === OPENSHIFT_DNS && (p.labels[OPENSHIFT_LABEL] !== undefined || name === 'dns-default')
      );
    return (
      (p.namespace === 'kube-system' && p.labels['k8s-app'] === 'kube-dns') ||
      name === 'coredns' ||
      name === 'kube-dns'
    );
  };
  const pods = view.pods.filter(isDns);
  const port = openshift ? 5353 : 53;
  if (pods.length > 0) return { pods, text: pods.map(workloadText).join(', '), port, openshift };
  return {
    pods: [standIn(view, openshift)],
    text: openshift
      ? `${OPENSHIFT_DNS} pods labelled ${OPENSHIFT_LABEL}, not in the inputs`
      : 'kube-system pods labelled k8s-app=kube-dns, not in the inputs',
    port,
    openshift,
  };
}

export function dnsEgressFindings(view: ClusterView): K8sFinding[] {
  const dns = dnsTargets(view);
  const out: K8sFinding[] = [];
  const { port } = dns;
  for (const pod of view.pods) {
    if (dns.pods.includes(pod) || pod.workload.hostNetwork) continue;
    let udp = false;
    let tcp = false;
    let on53 = false;
    for (const target of dns.pods) {
      const party = { kind: 'pod' as const, pod: target };
      const c = admitted(view, { subject: pod, direction: 'egress', other: party, dst: party });
      udp ||= c.udp.contains(port);
      tcp ||= c.tcp.contains(port);
      on53 ||= c.udp.contains(53) || c.tcp.contains(53);
    }
    if (udp && tcp) continue;
    const w = workloadText(pod);
    const guards = byId(guarding(view, pod, 'egress'));
    const resources = [w, ...guards.map((g) => g.id)];
    const location = guards[0]?.source;
    const by = guards.length > 0 ? ` by ${guards.map(policyText).join(', ')}` : '';
    const evidence = { dns: dns.text, port, udp, tcp };
    if (!udp && dns.openshift && on53)
      out.push(
        finding(
          DNS_OPENSHIFT_PORT,
          resources,
          `${w} allows port 53 toward the OpenShift DNS pods (${dns.text}), but they listen on 5353 and NetworkPolicy matches the pod port: name resolution fails`,
          location,
          evidence,
        ),
      );
    else if (!udp)
      out.push(
        finding(
          DNS_BLOCKED,
          resources,
          `${w} is egress-restricted${by} and cannot reach the cluster DNS (${dns.text}) on UDP ${port}${tcp ? ` (TCP ${port} is allowed)` : ` or TCP ${port}`}: name resolution fails`,
          location,
          evidence,
        ),
      );
    else
      out.push(
        finding(
          DNS_TCP_MISSING,
          resources,
          `${w} reaches the cluster DNS (${dns.text}) on UDP ${port} but not on TCP ${port}${by ? `, restricted${by}` : ''}: answers too large for UDP, retried over TCP, fail`,
          location,
          evidence,
        ),
      );
  }
  return out;
}
