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
];

function countsLine(counts: Readonly<Record<string, number>>): string {
  return LABELS.filter(([k]) => (counts[k] ?? 0) > 0)
    .map(([k, label]) => `${counts[k]} ${label}`)
    .join(', ');
}

function scopeBlock(s: ScopeInventory): string[] {
  const lines = [`${s.provider} account ${s.account} region ${s.region}`, `  ${countsLine(s.counts)}`];
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
  const accounts = new Set(inv.scopes.map((s) => `${s.provider}/${s.account}`)).size;
  const regions = new Set(inv.scopes.map((s) => s.region)).size;
  const head = `Inventory: ${inv.files} files, ${accounts} accounts, ${regions} regions: ${countsLine(inv.totals) || 'nothing recognised'}`;
  const blocks = inv.scopes.flatMap((s) => ['', ...scopeBlock(s)]);
  return `${[head, ...blocks].join('\n')}\n`;
}
