import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEstate, type Element, type ElementKind, type ElementOf } from '../../model/index.js';
import { DiagnosticSink, parseJsonDocument } from '../_kit/index.js';
import { terraformImporter } from './index.js';

const FILE = 'fixtures/plan-hub.json';
const doc = parseJsonDocument(
  FILE,
  readFileSync(new URL(`./${FILE}`, import.meta.url), 'utf8'),
  new DiagnosticSink(),
);
if (!doc) throw new Error('fixture does not parse');
const fragment = terraformImporter.import(doc);

function get<K extends ElementKind>(kind: K, id: string, partial = false): ElementOf<K> {
  const e = fragment.elements.find(
    (x: Element) => x.kind === kind && x.id === id && (x.partial === true) === partial,
  );
  if (!e) throw new Error(`${kind} ${id} not imported`);
  return e as ElementOf<K>;
}

describe('terraform plan with provider aliases (multi-account root)', () => {
  it('gives resources without an ARN the account of their provider configuration', () => {
    expect(fragment.diagnostics).toEqual([]);
    expect(get('transit-gateway', 'tgw-1').account).toBe('999999999999');
    // Route table associations have no ARN: aws.hub pins 999999999999 through allowed_account_ids.
    expect(get('transit-route-table', 'tgw-rtb-spokes').account).toBe('999999999999');
    expect(get('network', 'vpc-s').account).toBe('111111111111');
    expect(get('flow-log', 'fl-eni').account).toBe('111111111111');
  });
});

describe('terraform: transit gateway (cloud-semantics §1.5)', () => {
  it('reads the gateway options', () => {
    expect(get('transit-gateway', 'tgw-1')).toMatchObject({
      autoAssociate: true,
      autoPropagate: true,
      defaultAssociationTableId: 'tgw-rtb-default',
      defaultPropagationTableId: 'tgw-rtb-default',
      securityGroupReferencing: true,
    });
  });

  it('collects associations, propagations, static and blackhole routes; a static route hides the propagated one', () => {
    const t = get('transit-route-table', 'tgw-rtb-spokes');
    expect([t.gatewayId, t.associations, t.propagations, t.routesKnown]).toEqual([
      'tgw-1',
      ['tgw-attach-s'],
      ['tgw-attach-h'],
      true,
    ]);
    expect(t.routes.map((r) => [r.destination, r.attachmentIds, r.type, r.state])).toEqual([
      [{ kind: 'cidr', cidr: '0.0.0.0/0' }, ['tgw-attach-h'], 'static', 'active'],
      [{ kind: 'cidr', cidr: '10.99.0.0/16' }, [], 'static', 'blackhole'],
      [{ kind: 'cidr', cidr: '10.0.0.0/16' }, ['tgw-attach-s'], 'static', 'active'],
    ]);
    expect(t.routes[1]!.source.pointer).toBe('/planned_values/root_module/resources/14');
  });

  it('derives the routes a VPC attachment propagates from the VPC of this file', () => {
    const t = get('transit-route-table', 'tgw-rtb-inspect');
    expect(t.routes.map((r) => [r.destination, r.attachmentIds, r.type, r.state])).toEqual([
      [{ kind: 'cidr', cidr: '10.1.0.0/16' }, ['tgw-attach-s'], 'propagated', 'active'],
    ]);
    expect(t.routesKnown).toBe(true);
  });

  it('associates an attachment with the default table when it asks for it (the table AWS made is partial)', () => {
    expect(get('transit-attachment', 'tgw-attach-h')).toMatchObject({
      associatedTableId: 'tgw-rtb-default',
      applianceMode: true,
      securityGroupReferencing: false,
    });
    expect(get('transit-route-table', 'tgw-rtb-default', true)).toMatchObject({
      associations: ['tgw-attach-h'],
      propagations: [],
      isDefaultAssociation: true,
      routesKnown: false,
    });
  });

  it('reads the VPC attachment and the accepter view of it as a partial', () => {
    expect(get('transit-attachment', 'tgw-attach-s')).toMatchObject({
      gatewayId: 'tgw-1',
      resourceKind: 'vpc',
      networkId: 'vpc-s',
      resourceOwner: '111111111111',
      account: '111111111111',
      subnetIds: ['subnet-sa'],
      associatedTableId: 'tgw-rtb-spokes',
    });
    expect(get('transit-attachment', 'tgw-attach-s', true).name).toBe('spoke-accepted');
  });
});

describe('terraform: load balancers (listener -> target group -> attachment)', () => {
  it('uses ARN suffixes as ids, like the AWS CLI importer', () => {
    expect(get('load-balancer', 'app/web/abc123')).toMatchObject({
      name: 'web',
      lbType: 'application',
      scheme: 'internet-facing',
      networkId: 'vpc-s',
      subnetIds: ['subnet-sa'],
      filterIds: ['sg-lb'],
      crossZone: true,
    });
    expect(get('listener', 'listener/app/web/abc123/l443')).toMatchObject({
      ownerId: 'app/web/abc123',
      port: 443,
      protocol: 'HTTPS',
      tlsPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateIds: ['arn:aws:acm:us-east-1:111111111111:certificate/c1'],
      targetGroupIds: ['targetgroup/app/def456'],
      actionTypes: ['forward'],
    });
    const http = get('listener', 'listener/app/web/abc123/l80');
    expect([http.actionTypes, http.redirect, http.tlsPolicy, http.targetGroupIds]).toEqual([
      ['redirect'],
      { port: '443', protocol: 'HTTPS' },
      undefined,
      [],
    ]);
  });

  it('fills the target group from its attachments: targets known', () => {
    expect(get('target-group', 'targetgroup/app/def456')).toMatchObject({
      port: 8080,
      protocol: 'HTTP',
      targetType: 'instance',
      loadBalancerIds: ['app/web/abc123'],
      targets: [
        { id: 'i-1', port: 8080 },
        { id: 'i-2', port: 8080 },
      ],
      targetsKnown: true,
    });
  });
});

describe('terraform: databases, flow logs, peering', () => {
  it('names an RDS instance by its identifier and finds its subnets through the subnet group', () => {
    expect(get('database', 'orders')).toMatchObject({
      name: 'orders',
      engine: 'postgres',
      port: 5432,
      networkId: 'vpc-s',
      subnetIds: ['subnet-sa', 'subnet-sb'],
      filterIds: ['sg-db'],
      publiclyAccessible: false,
      state: 'available',
      storageEncrypted: true,
    });
  });

  it('reads flow logs on a transit gateway and an ENI', () => {
    expect(get('flow-log', 'fl-tgw')).toMatchObject({
      resourceId: 'tgw-1',
      resourceKind: 'transit-gateway',
      trafficType: 'ALL',
    });
    expect(get('flow-log', 'fl-eni')).toMatchObject({
      resourceId: 'eni-1',
      resourceKind: 'endpoint',
      trafficType: 'ACCEPT',
      destination: 'eni-logs',
    });
  });

  it('reads the peering from both sides; the requester decides when both are imported', () => {
    const full = get('peering', 'pcx-1');
    expect([full.requester, full.accepter, full.status, full.active]).toEqual([
      { networkId: 'vpc-s', account: '111111111111', region: 'us-east-1', cidrs: ['10.1.0.0/16'] },
      { networkId: 'vpc-h', account: '999999999999', region: 'us-east-1', cidrs: ['10.0.0.0/16'] },
      'pending-acceptance',
      false,
    ]);
    expect(get('peering', 'pcx-1', true)).toMatchObject({
      status: 'active',
      requester: { networkId: 'vpc-s', account: '111111111111' },
    });
    const merged = buildEstate([fragment]).get('peering', 'pcx-1');
    expect([merged?.partial, merged?.status]).toEqual([undefined, 'pending-acceptance']);
  });

  it('builds an estate without dangling references except the objects outside this plan', () => {
    const estate = buildEstate([fragment]);
    const dangling = estate.diagnostics
      .filter((d) => d.code === 'MODEL_DANGLING_REFERENCE')
      .map((d) => d.message.split(' refers to ')[1]);
    expect(dangling.sort()).toEqual([
      'endpoint eni-1 (resourceId), which is not in the inputs',
      'filter sg-db (filterIds), which is not in the inputs',
      'filter sg-lb (filterIds), which is not in the inputs',
      'subnet subnet-sb (subnetIds), which is not in the inputs',
    ]);
  });
});
