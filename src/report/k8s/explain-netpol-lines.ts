/**
 * The wording of netpol-analyzer's `list --explain` (np-guard/netpol-analyzer
 * docs/explain_analysis.md): one side's lines for one group of connections.
 */
import type { Isolation, PodConns, Reason, SideAccount } from '../../engine/index.js';
import { K8S_PORTS } from '../../engine/index.js';

export const SYSTEM_DEFAULT = 'the system default (Allow all)';
const DIR = { egress: 'Egress', ingress: 'Ingress' } as const;
const ORDER = ['TCP', 'UDP', 'SCTP'] as const;
const TIER = { admin: 'AdminNetworkPolicy', baseline: 'BaselineAdminNetworkPolicy' } as const;
const VERB = { allowed: 'allows', denied: 'denies', passed: 'passes' } as const;

/** `TCP, UDP:[1-52,54-65535], SCTP`: a whole protocol by name, else its port ranges. */
export function explainConnsText(conns: PodConns): string {
  const items: string[] = [];
  for (const proto of ORDER) {
    const ports = conns.ports(proto);
    if (ports.isEmpty()) continue;
    if (ports.equals(K8S_PORTS)) items.push(proto);
    else {
      const ranges = ports.intervals().map(({ lo, hi }) => (lo === hi ? `${lo}` : `${lo}-${hi}`));
      items.push(`${proto}:[${ranges.join(',')}]`);
    }
  }
  return items.join(', ');
}

/** The names of the two ends and of the side's subject. */
export interface Ends {
  readonly subject: string;
  readonly other: string;
}

function refusal(x: Isolation, dir: 'egress' | 'ingress', ends: Ends): string[] {
  const head = `NetworkPolicy '${x.policyName}' selects ${ends.subject}`;
  if (x.rules === 0)
    return [`${head}, but ${ends.other} is not allowed by any ${DIR[dir]} rule (no rules defined)`];
  if (x.selecting.length === 0) return [`${head}, but ${ends.other} is not allowed by any ${DIR[dir]} rule`];
  // netpol-analyzer names the first rule that selects the other end.
  const s = x.selecting[0]!;
  const why = s.namedPortsUnmatched
    ? 'named ports of the rule have no match in the configuration of the destination peer'
    : 'the protocols and ports do not match';
  return [`${head}, and ${DIR[dir]} rule #${s.ruleNumber} selects ${ends.other}, but ${why}`];
}

function policyLines(r: Reason, side: SideAccount, dir: 'egress' | 'ingress', ends: Ends): string[] {
  switch (r.tier) {
    case 'admin':
    case 'baseline':
      return [
        `${TIER[r.tier]} '${r.policyName}' ${VERB[r.verdict]} connections by ${DIR[dir]} rule ${r.rule}`,
      ];
    case 'network-policy':
      if (r.isolation)
        return [...r.isolation]
          .sort((a, b) => (a.policyName < b.policyName ? -1 : a.policyName > b.policyName ? 1 : 0))
          .flatMap((x) => refusal(x, dir, ends));
      // Only the rules that allow count when the side allows; only denials when it denies.
      if ((r.verdict === 'allowed') !== side.allowed) return [];
      return [
        `NetworkPolicy '${r.policyName}' ${VERB[r.verdict]} connections by ${DIR[dir]} rule #${r.ruleNumber}`,
      ];
    case 'route':
      return [
        r.verdict === 'allowed'
          ? `${r.routeKind ?? 'Route'} '${r.policyName}' allows ingress connections through service ${r.rule}`
          : `${r.routeKind ?? 'Route'} '${r.policyName}' allows ingress to service ${r.rule}, but the protocols and ports do not match`,
      ];
    default:
      return [];
  }
}

/**
 * One side's block: `Egress (Allowed) due to the system default (Allow all)`, or the header then the
 * deciding tiers' lines (several NetworkPolicy lines as a `NetworkPolicy list:`).
 */
export function sideLines(side: SideAccount | undefined, dir: 'egress' | 'ingress', ends: Ends): string[] {
  const head = `\t\t${DIR[dir]} (${side === undefined || side.allowed ? 'Allowed' : 'Denied'})`;
  const reasons = side?.reasons ?? [];
  if (reasons.every((r) => r.tier === 'default' || r.tier === 'cni'))
    return [`${head} due to ${SYSTEM_DEFAULT}`];
  const out = [head];
  let np: string[] = [];
  const flush = () => {
    if (np.length === 1) out.push(`\t\t\t${np[0]}`);
    else if (np.length > 1) out.push('\t\t\tNetworkPolicy list:', ...np.map((l) => `\t\t\t\t- ${l}`), '');
    np = [];
  };
  for (const r of reasons) {
    if (r.tier === 'network-policy') {
      np.push(...policyLines(r, side!, dir, ends));
      continue;
    }
    flush();
    if (r.tier === 'default' || r.tier === 'cni') out.push(`\t\t\t${SYSTEM_DEFAULT}`);
    else out.push(...policyLines(r, side!, dir, ends).map((l) => `\t\t\t${l}`));
  }
  flush();
  return out;
}
