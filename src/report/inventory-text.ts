import type { Inventory, ScopeInventory } from '../contract/index.js';

/** Labels of the counted kinds, in display order. */
const LABELS: readonly [string, string][] = [
  ['network', 'networks'],
  ['subnet', 'subnets'],
  ['endpoint', 'endpoints'],
  ['instance', 'instances'],
  ['aws-security-group', 'security groups'],
  ['aws-network-acl', 'network ACLs'],
  ['route-table', 'route tables'],
  ['gateway', 'gateways'],
  ['transit-gateway', 'transit gateways'],
  ['transit-attachment', 'transit attachments'],
  ['transit-route-table', 'transit route tables'],
  ['peering', 'peerings'],
  ['service-endpoint', 'service endpoints'],
  ['prefix-list', 'prefix lists'],
  ['load-balancer', 'load balancers'],
  ['listener', 'listeners'],
  ['target-group', 'target groups'],
  ['database', 'databases'],
  ['flow-log', 'flow logs'],
  ['public-address', 'public addresses'],
  ['namespace', 'namespaces'],
  ['workload', 'workloads'],
  ['service', 'services'],
  ['network-policy', 'NetworkPolicies'],
  ['admin-network-policy', 'AdminNetworkPolicies'],
  ['baseline-admin-network-policy', 'BaselineAdminNetworkPolicies'],
  ['cilium-network-policy', 'CiliumNetworkPolicies'],
  ['cilium-clusterwide-network-policy', 'CiliumClusterwideNetworkPolicies'],
  ['mesh-policy', 'mesh policies'],
];

function countsLine(counts: Readonly<Record<string, number>>): string {
  return LABELS.filter(([k]) => (counts[k] ?? 0) > 0)
    .map(([k, label]) => `${counts[k]} ${label}`)
    .join(', ');
}

function scopeBlock(s: ScopeInventory): string[] {
  // Manifests name no account or region: a Kubernetes scope is the cluster they describe.
  const title =
    s.provider === 'kubernetes'
      ? 'kubernetes manifests'
      : `${s.provider} account ${s.account} region ${s.region}`;
  const lines = [title, `  ${countsLine(s.counts)}`];
  const width = Math.max(0, ...s.networks.map((n) => n.id.length));
  for (const n of s.networks) {
    const name = n.name ? ` (${n.name})` : '';
    lines.push(
      `  ${n.id.padEnd(width)}  ${n.cidrs.join(', ') || '-'}${name}: ${n.subnets} subnets, ${n.endpoints} endpoints, flow logs ${n.flowLogs ? 'on' : 'OFF'}`,
    );
  }
  return lines;
}

/** The inventory part of `rampart scan` text output. */
export function renderInventoryText(inv: Inventory): string {
  const cloud = inv.scopes.filter((s) => s.provider !== 'kubernetes');
  const accounts = new Set(cloud.map((s) => `${s.provider}/${s.account}`)).size;
  const regions = new Set(cloud.map((s) => s.region)).size;
  const where = [
    ...(cloud.length > 0 || inv.scopes.length === 0 ? [`${accounts} accounts, ${regions} regions`] : []),
    ...(inv.scopes.length > cloud.length ? ['Kubernetes manifests'] : []),
  ].join(', ');
  const head = `Inventory: ${inv.files} files, ${where}: ${countsLine(inv.totals) || 'nothing recognised'}`;
  const blocks = inv.scopes.flatMap((s) => ['', ...scopeBlock(s)]);
  return `${[head, ...blocks].join('\n')}\n`;
}
