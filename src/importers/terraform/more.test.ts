import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Element, ElementKind, ElementOf } from '../../model/index.js';
import { DiagnosticSink, parseJsonDocument } from '../_kit/index.js';
import { terraformImporter } from './index.js';

const FILE = 'fixtures/state-more.json';
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

describe('terraform: attachments and associations as separate resources', () => {
  it('attaches an internet gateway through aws_internet_gateway_attachment; egress-only gateways are attached', () => {
    expect(get('gateway', 'igw-2').attachments).toEqual([{ networkId: 'vpc-2', state: 'available' }]);
    expect(get('gateway', 'eigw-1')).toMatchObject({
      gatewayKind: 'egress-only-internet',
      attachments: [{ networkId: 'vpc-2', state: 'attached' }],
    });
  });

  it('makes a table main through aws_main_route_table_association, over the VPC main_route_table_id', () => {
    const t = get('route-table', 'rtb-r');
    expect(t.associations.main).toBe(true);
    expect(t.propagatingGatewayIds).toEqual(['vgw-1']);
    expect(
      t.routes.map(
        (r) =>
          `${r.destination.kind === 'cidr' ? r.destination.cidr : r.destination.prefixListId} ${r.target.kind} ${r.target.id ?? '-'} ${r.state}`,
      ),
    ).toEqual([
      '10.2.0.0/16 local - active',
      '::/0 egress-only-internet-gateway eigw-1 active',
      '10.9.0.0/16 network-interface eni-appl active',
      '10.8.0.0/16 vpn-gateway vgw-1 active',
      '10.7.0.0/16 unknown weird-1 active',
      '10.6.0.0/16 none - blackhole',
      'pl-s3b gateway-endpoint vpce-s3b active',
    ]);
  });

  it('keeps an edge association to a table of another file as a partial table', () => {
    expect(get('route-table', 'rtb-edge', true).associations).toEqual({
      main: false,
      subnetIds: [],
      gatewayIds: ['igw-2'],
    });
  });

  it('adds an attached interface to its instance, and extra security groups to the interface', () => {
    expect(get('instance', 'i-fw').endpointIds).toEqual(['eni-fw', 'eni-appl']);
    expect(get('endpoint', 'eni-appl')).toMatchObject({
      endpointKind: 'nic',
      ownerId: 'i-fw',
      networkId: 'vpc-2',
      zone: 'us-east-2a',
      primaryPrivateIp: '10.2.0.50',
      privateIps: ['10.2.0.50', '10.2.0.51'],
      filterIds: ['sg-a', 'sg-extra'],
      sourceDestCheck: false,
      description: 'appliance',
    });
  });

  it('merges prefix list entries; an entry of a list of another file gives a partial list whose entries are not all known', () => {
    expect(get('prefix-list', 'pl-office')).toMatchObject({
      name: 'office',
      managedBy: 'customer',
      cidrs: ['198.51.100.0/24', '203.0.113.0/24'],
      entriesKnown: true,
      maxEntries: 5,
    });
    expect(get('prefix-list', 'pl-ext', true)).toMatchObject({
      cidrs: ['192.0.2.0/24'],
      entriesKnown: false,
    });
  });

  it('reads interface endpoints and endpoint associations (routes of a gateway endpoint included)', () => {
    expect(get('service-endpoint', 'vpce-api')).toMatchObject({
      endpointType: 'interface',
      subnetIds: ['subnet-a'],
      endpointIds: ['eni-vpce'],
      filterIds: ['sg-a', 'sg-extra'],
      privateDns: true,
    });
    expect(get('service-endpoint', 'vpce-s3b').routeTableIds).toEqual(['rtb-r']);
  });

  it('keeps a secondary block of a VPC of another file as a partial network; default VPC and subnet are flagged', () => {
    expect(get('network', 'vpc-other', true).cidrs).toEqual(['2600:1f18:aa00::/56']);
    expect(get('network', 'vpc-def').isDefault).toBe(true);
    expect(get('subnet', 'subnet-def').defaultForZone).toBe(true);
  });

  it('reports an unmodelled route target and a change to an object missing from the file', () => {
    expect(fragment.diagnostics.map((d) => [d.severity, d.code, d.source.pointer])).toEqual([
      ['unsupported', 'IMPORT_TF_ROUTE_TARGET', '/values/root_module/resources/8/values/route/3/gateway_id'],
      ['warning', 'IMPORT_TF_NOT_IN_INPUT', '/values/root_module/resources/22'],
    ]);
  });
});
