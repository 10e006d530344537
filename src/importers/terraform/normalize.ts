import { contentKey, type FilterRule, type Route, type TransitRoute } from '../../model/index.js';
import type { Assembly } from './assembly.js';

function destinationKey(d: Route['destination']): string {
  return d.kind === 'cidr' ? d.cidr : d.prefixListId;
}

function firstBy<T>(items: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Security group rules: after a refresh Terraform lists the rules of separate rule resources inline on
 * the group too; a rule is its direction, traffic and peer (descriptions aside). Ingress first, each
 * direction numbered `<group>/<direction>/<n>` in order.
 */
function groupRules(groupId: string, rules: readonly FilterRule[]): FilterRule[] {
  const unique = firstBy(rules, (r) => `${r.direction}|${r.connections.toString()}|${contentKey(r.peer)}`);
  const out: FilterRule[] = [];
  for (const direction of ['ingress', 'egress'] as const)
    unique
      .filter((r) => r.direction === direction)
      .forEach((r, n) => {
        out.push({ ...r, id: `${groupId}/${direction}/${n}` });
      });
  return out;
}

/** NACL entries: one per direction and number (inline copy of aws_network_acl_rule), sorted as AWS lists them. */
function aclRules(rules: readonly FilterRule[]): FilterRule[] {
  return firstBy(rules, (r) => r.id).sort((a, b) =>
    a.direction === b.direction ? (a.priority ?? 0) - (b.priority ?? 0) : a.direction < b.direction ? 1 : -1,
  );
}

/** One route per destination: a table has one (an inline copy of an aws_route is the same route). */
export function normalize(out: Assembly): void {
  for (const f of out.all('filter'))
    f.rules = f.filterKind === 'aws-network-acl' ? aclRules(f.rules) : groupRules(f.id, f.rules);
  for (const t of out.all('route-table')) {
    const routes = firstBy(t.routes, (r) => destinationKey(r.destination));
    t.routes = [
      ...routes.filter((r) => r.target.kind === 'local'),
      ...routes.filter((r) => r.target.kind !== 'local'),
    ];
  }
  for (const t of out.all('transit-route-table'))
    t.routes = firstBy<TransitRoute>(t.routes, (r) => destinationKey(r.destination));
  for (const g of out.all('target-group')) g.targets = firstBy(g.targets, (x) => `${x.id}|${x.port ?? ''}`);
}
