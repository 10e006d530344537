import type { Inventory, NetworkSummary, ScopeInventory } from '../contract/index.js';
import type { Element, Estate } from '../model/index.js';

function scopeKey(e: Element): string {
  return `${e.provider}\u0000${e.account ?? '-'}\u0000${e.region ?? '-'}`;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Counts by provider/account/region and one line per network. */
export function inventoryOf(estate: Estate, files: number): Inventory {
  const totals: Record<string, number> = {};
  const scopes = new Map<
    string,
    { counts: Record<string, number>; networks: NetworkSummary[]; e: Element }
  >();
  const subnetsPer = new Map<string, number>();
  const endpointsPer = new Map<string, number>();
  const logged = new Set<string>();
  for (const e of estate.elements) {
    bump(totals, e.kind);
    if (e.kind === 'filter') bump(totals, e.filterKind);
    if (e.kind === 'pod-policy') bump(totals, e.policyKind);
    const key = scopeKey(e);
    const scope = scopes.get(key) ?? { counts: {}, networks: [], e };
    scopes.set(key, scope);
    bump(scope.counts, e.kind);
    if (e.kind === 'filter') bump(scope.counts, e.filterKind);
    if (e.kind === 'pod-policy') bump(scope.counts, e.policyKind);
    if (e.kind === 'subnet') subnetsPer.set(e.networkId, (subnetsPer.get(e.networkId) ?? 0) + 1);
    if (e.kind === 'endpoint' && e.networkId)
      endpointsPer.set(e.networkId, (endpointsPer.get(e.networkId) ?? 0) + 1);
    if (e.kind === 'flow-log') logged.add(e.resourceId);
  }
  for (const n of estate.all('network')) {
    const scope = scopes.get(scopeKey(n));
    scope?.networks.push({
      id: n.id,
      ...(n.name === undefined ? {} : { name: n.name }),
      cidrs: n.cidrs,
      subnets: subnetsPer.get(n.id) ?? 0,
      endpoints: endpointsPer.get(n.id) ?? 0,
      flowLogs: logged.has(n.id),
    });
  }
  const out: ScopeInventory[] = [...scopes.values()]
    .map(({ counts, networks, e }) => ({
      provider: e.provider,
      account: e.account ?? 'unknown',
      region: e.region ?? 'unknown',
      counts,
      networks,
    }))
    .sort((a, b) =>
      `${a.provider} ${a.account} ${a.region}`.localeCompare(`${b.provider} ${b.account} ${b.region}`),
    );
  return { files, totals, scopes: out };
}
