/**
 * Issue #2 item 7: the AWS CLI export and the Terraform plans of examples/acme import to equivalent
 * models. The projection below is what both formats can know; what only one side can see is listed
 * where it is left out:
 * - AWS-managed interfaces (load balancer nodes, RDS, transit gateway attachment ENIs) exist only in
 *   describe-network-interfaces; Terraform has no resource for them.
 * - Propagated transit gateway routes are an effective view (search-transit-gateway-routes);
 *   Terraform states propagations, not their routes. Static routes and propagations are compared.
 * - The AWS-managed S3 prefix list's entries come from get-managed-prefix-list-entries only.
 * - Tags, names, descriptions, rule ids and source locations are not semantics and are not compared.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Estate, Filter, PeerRef } from '../src/model/index.js';
import { importFiles, listJson, repoRoot } from './support.js';

const sorted = <T>(xs: readonly T[]): T[] => [...xs].sort();

function peer(p: PeerRef): string {
  switch (p.kind) {
    case 'cidr':
      return p.cidr;
    case 'prefix-list':
      return p.prefixListId;
    case 'group':
      return `${p.account ? `${p.account}/` : ''}${p.groupId}`;
    default:
      return p.kind;
  }
}

function filterRules(f: Filter): string[] {
  return sorted(
    f.rules.map((r) => `${r.direction} ${r.action} ${r.priority ?? ''} ${r.connections} ${peer(r.peer)}`),
  );
}

/** What both formats describe, keyed by id. */
function project(e: Estate) {
  const managed = new Set(['load-balancer-node', 'database', 'transit-attachment']);
  return {
    networks: e.all('network').map((n) => [n.id, n.account, n.region, sorted(n.cidrs)]),
    subnets: e.all('subnet').map((s) => [s.id, s.networkId, s.cidrs, s.zone, s.mapPublicIpOnLaunch ?? false]),
    routeTables: e
      .all('route-table')
      .map((t) => [
        t.id,
        t.networkId,
        t.associations.main,
        sorted(t.associations.subnetIds),
        sorted(t.associations.gatewayIds),
        sorted(
          t.routes.map(
            (r) =>
              `${r.destination.kind === 'cidr' ? r.destination.cidr : r.destination.prefixListId} ${r.target.kind} ${r.target.id ?? ''} ${r.origin} ${r.state}`,
          ),
        ),
      ]),
    filters: e
      .all('filter')
      .map((f) => [
        f.id,
        f.filterKind,
        f.networkId,
        f.isDefault ?? false,
        sorted(f.subnetIds),
        filterRules(f),
      ]),
    endpoints: e
      .all('endpoint')
      .filter((x) => !managed.has(x.endpointKind))
      .map((x) => [
        x.id,
        x.endpointKind,
        x.subnetId,
        x.networkId,
        x.privateIps,
        sorted(x.publicIps),
        sorted(x.filterIds),
        x.ownerId,
      ]),
    instances: e.all('instance').map((i) => [i.id, i.subnetId, i.endpointIds]),
    gateways: e
      .all('gateway')
      .map((g) => [
        g.id,
        g.gatewayKind,
        g.attachments,
        g.subnetId,
        g.addresses.map((a) => [a.privateIp, a.publicIp, a.endpointId]),
      ]),
    transitGateways: e.all('transit-gateway').map((t) => [t.id, t.autoAssociate, t.autoPropagate]),
    transitAttachments: e
      .all('transit-attachment')
      .map((a) => [a.id, a.gatewayId, a.resourceKind, a.networkId, sorted(a.subnetIds)]),
    transitTables: e
      .all('transit-route-table')
      .map((t) => [
        t.id,
        t.gatewayId,
        sorted(t.associations),
        sorted(t.propagations),
        sorted(
          t.routes
            .filter((r) => r.type === 'static')
            .map(
              (r) =>
                `${r.destination.kind === 'cidr' ? r.destination.cidr : ''} ${r.state} ${sorted(r.attachmentIds)}`,
            ),
        ),
      ]),
    peerings: e.all('peering').map((p) => [p.id, p.requester.networkId, p.accepter.networkId, p.active]),
    serviceEndpoints: e
      .all('service-endpoint')
      .map((s) => [
        s.id,
        s.endpointType,
        s.networkId,
        s.serviceName,
        sorted(s.routeTableIds),
        sorted(s.subnetIds),
      ]),
    customerPrefixLists: e
      .all('prefix-list')
      .filter((p) => p.managedBy === 'customer')
      .map((p) => [p.id, sorted(p.cidrs)]),
    loadBalancers: e
      .all('load-balancer')
      .map((l) => [l.id, l.lbType, l.scheme, sorted(l.subnetIds), sorted(l.filterIds)]),
    listeners: e.all('listener').map((l) => [l.id, l.ownerId, l.port, l.protocol, sorted(l.targetGroupIds)]),
    targetGroups: e
      .all('target-group')
      .map((t) => [
        t.id,
        t.port,
        t.protocol,
        t.targetType,
        sorted(t.targets.map((x) => `${x.id}:${x.port ?? ''}`)),
      ]),
    flowLogs: e.all('flow-log').map((f) => [f.id, f.resourceId, f.trafficType, f.destinationType]),
    databases: e
      .all('database')
      .map((d) => [d.id, d.engine, d.port, sorted(d.subnetIds), sorted(d.filterIds), d.publiclyAccessible]),
    publicAddresses: e.all('public-address').map((a) => [a.address, a.endpointId, a.instanceId]),
  };
}

const cli = importFiles(listJson(join(repoRoot, 'examples/acme/aws')));
const tf = importFiles(listJson(join(repoRoot, 'examples/acme/terraform')));

describe('examples/acme: AWS CLI and Terraform give the same model', () => {
  it('imports the Terraform plans without any diagnostic', () => {
    expect(tf.diagnostics).toEqual([]);
  });

  it('merges both into one estate without a conflict (what `rampart scan examples/acme` does)', () => {
    const both = importFiles(listJson(join(repoRoot, 'examples/acme')));
    expect(both.diagnostics).toEqual([]);
    expect(both.counts()).toEqual(cli.counts());
  });

  const a = project(cli);
  const b = project(tf);
  for (const key of Object.keys(a) as (keyof typeof a)[]) {
    it(`${key} are equal`, () => {
      expect(a[key].length).toBeGreaterThan(0);
      expect(b[key]).toEqual(a[key]);
    });
  }
});
