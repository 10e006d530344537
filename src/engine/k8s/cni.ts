import type { CniProfile } from '../../model/index.js';
import { DEFAULT_CNI } from './view.js';

/**
 * What each network plugin does with policies (k8s-mesh §1.1, §1.6, §1.9). ipBlocks match pod
 * addresses under Calico (projectcalico/calico#6634) and not under Cilium (cilium/cilium#9209); for
 * the others the default reading (external only, as the API docs say) is kept.
 */
const PROFILES: Readonly<Record<string, Omit<CniProfile, 'name'>>> = {
  calico: { enforcesNetworkPolicy: true, ipBlockMatchesPods: true, supportsAdminNetworkPolicy: true },
  canal: { enforcesNetworkPolicy: true, ipBlockMatchesPods: true, supportsAdminNetworkPolicy: true },
  cilium: { enforcesNetworkPolicy: true, ipBlockMatchesPods: false, supportsAdminNetworkPolicy: false },
  antrea: { enforcesNetworkPolicy: true, ipBlockMatchesPods: false, supportsAdminNetworkPolicy: true },
  'ovn-kubernetes': {
    enforcesNetworkPolicy: true,
    ipBlockMatchesPods: false,
    supportsAdminNetworkPolicy: true,
  },
  weave: { enforcesNetworkPolicy: true, ipBlockMatchesPods: false, supportsAdminNetworkPolicy: false },
  'kube-router': {
    enforcesNetworkPolicy: true,
    ipBlockMatchesPods: false,
    supportsAdminNetworkPolicy: false,
  },
  'aws-vpc-cni': {
    enforcesNetworkPolicy: true,
    ipBlockMatchesPods: false,
    supportsAdminNetworkPolicy: false,
  },
  'azure-npm': { enforcesNetworkPolicy: true, ipBlockMatchesPods: false, supportsAdminNetworkPolicy: false },
  flannel: { enforcesNetworkPolicy: false, ipBlockMatchesPods: false, supportsAdminNetworkPolicy: false },
  kubenet: { enforcesNetworkPolicy: false, ipBlockMatchesPods: false, supportsAdminNetworkPolicy: false },
  bridge: { enforcesNetworkPolicy: false, ipBlockMatchesPods: false, supportsAdminNetworkPolicy: false },
  'aws-vpc-cni-no-policy-agent': {
    enforcesNetworkPolicy: false,
    ipBlockMatchesPods: false,
    supportsAdminNetworkPolicy: false,
  },
};

export const CNI_NAMES: readonly string[] = ['default', ...Object.keys(PROFILES)];

/** The profile of a named CNI, or undefined for a name we do not know. */
export function cniProfile(name: string): CniProfile | undefined {
  const key = name.toLowerCase();
  if (key === 'default' || key === 'netpol-analyzer') return DEFAULT_CNI;
  const p = PROFILES[key];
  return p ? { name: key, ...p } : undefined;
}

/** Workload names (DaemonSets in practice) and image fragments that reveal the plugin. */
const SIGNS: readonly [string, RegExp][] = [
  ['cilium', /^cilium(-agent)?$|\/cilium:|\/cilium\/cilium/],
  ['calico', /^calico-node$|calico\/node/],
  ['flannel', /^kube-flannel(-ds)?$|flannel/],
  ['antrea', /^antrea-agent$|antrea/],
  ['ovn-kubernetes', /^ovnkube-node$|ovn-kubernetes/],
  ['weave', /^weave-net$|weaveworks\/weave/],
  ['kube-router', /^kube-router$|kube-router/],
  ['azure-npm', /^azure-npm$|azure-npm/],
];

export interface DetectedCni {
  readonly profile: CniProfile;
  /** What gave it away, e.g. `kube-system/calico-node[DaemonSet]`. */
  readonly evidence: string;
}

/**
 * Guess the plugin from the workloads in the manifests (a DaemonSet named calico-node, a cilium
 * image). Flannel next to Calico is Canal; the AWS VPC CNI enforces only with its policy agent.
 */
export function detectCni(
  workloads: readonly {
    name?: string;
    namespace: string;
    workloadKind: string;
    images?: readonly string[];
  }[],
): DetectedCni | undefined {
  const found = new Map<string, string>();
  for (const w of workloads) {
    const texts = [w.name ?? '', ...(w.images ?? [])];
    for (const [cni, re] of SIGNS)
      if (!found.has(cni) && texts.some((t) => re.test(t)))
        found.set(cni, `${w.namespace}/${w.name}[${w.workloadKind}]`);
    if (w.name === 'aws-node' && !found.has('aws-vpc-cni')) {
      const agent = (w.images ?? []).some((i) => i.includes('network-policy-agent'));
      found.set(
        agent ? 'aws-vpc-cni' : 'aws-vpc-cni-no-policy-agent',
        `${w.namespace}/${w.name}[${w.workloadKind}]`,
      );
    }
  }
  const pick = (name: string): DetectedCni | undefined => {
    const profile = cniProfile(name);
    return profile && found.has(name) ? { profile, evidence: found.get(name)! } : undefined;
  };
  if (found.has('flannel') && found.has('calico'))
    return { profile: cniProfile('canal')!, evidence: `${found.get('calico')} and ${found.get('flannel')}` };
  return (
    pick('cilium') ??
    pick('calico') ??
    pick('antrea') ??
    pick('ovn-kubernetes') ??
    pick('weave') ??
    pick('kube-router') ??
    pick('azure-npm') ??
    pick('aws-vpc-cni') ??
    pick('aws-vpc-cni-no-policy-agent') ??
    pick('flannel')
  );
}
