import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Element, ElementKind, ElementOf, Fragment } from '../../model/index.js';
import { DiagnosticSink, parseJsonDocument } from '../_kit/index.js';
import { terraformImporter } from './index.js';

const FILE = 'fixtures/state-basic.json';

function load(): Fragment {
  const text = readFileSync(new URL(`./${FILE}`, import.meta.url), 'utf8');
  const doc = parseJsonDocument(FILE, text, new DiagnosticSink());
  if (!doc) throw new Error('fixture does not parse');
  expect(terraformImporter.accepts(doc)).toBe(true);
  return terraformImporter.import(doc);
}

const fragment = load();

function get<K extends ElementKind>(kind: K, id: string, partial = false): ElementOf<K> {
  const e = fragment.elements.find(
    (x: Element) => x.kind === kind && x.id === id && (x.partial === true) === partial,
  );
  if (!e) throw new Error(`${kind} ${id} not imported`);
  return e as ElementOf<K>;
}

function rules(kind: 'filter', id: string): string[] {
  return get(kind, id).rules.map((r) => `${r.id} ${r.action} ${r.connections} ${JSON.stringify(r.peer)}`);
}

describe('terraform state: networks and placement', () => {
  it('reads the VPC with its secondary CIDR association folded in (v4 blocks first), account and region from the ARN', () => {
    const vpc = get('network', 'vpc-1');
    expect(vpc.cidrs).toEqual(['10.0.0.0/16', '10.1.0.0/16', '2001:db8:1::/56']);
    expect(vpc.account).toBe('111122223333');
    expect(vpc.region).toBe('eu-west-1');
    expect(vpc.tags).toEqual({ Name: 'main', Team: 'net' });
    expect(vpc.isDefault).toBe(false);
    expect({ pointer: vpc.source.pointer, line: vpc.source.line, column: vpc.source.column }).toEqual({
      pointer: '/values/root_module/resources/1',
      line: 19,
      column: 9,
    });
  });

  it('reads subnets with zone and public-IP default', () => {
    const s = get('subnet', 'subnet-app');
    expect([s.networkId, s.cidrs, s.zone, s.zoneId, s.mapPublicIpOnLaunch]).toEqual([
      'vpc-1',
      ['10.0.1.0/24'],
      'eu-west-1a',
      'euw1-az1',
      true,
    ]);
  });

  it('places the internet gateway in its VPC', () => {
    expect(get('gateway', 'igw-1').attachments).toEqual([{ networkId: 'vpc-1', state: 'available' }]);
  });
});

describe('terraform state: security groups (cloud-semantics §1.1, §1.8-12)', () => {
  it('expands inline rules per peer, adds no default egress, and counts the refreshed copy of an aws_security_group_rule once', () => {
    expect(rules('filter', 'sg-web')).toEqual([
      'sg-web/ingress/0 allow tcp 443 {"kind":"cidr","cidr":"0.0.0.0/0"}',
      'sg-web/ingress/1 allow tcp 443 {"kind":"cidr","cidr":"::/0"}',
      'sg-web/ingress/2 allow tcp 22 {"kind":"prefix-list","prefixListId":"pl-office"}',
      'sg-web/ingress/3 allow all {"kind":"group","groupId":"sg-web"}',
      'sg-web/ingress/4 allow icmp 8/0 {"kind":"cidr","cidr":"10.0.0.0/8"}',
      'sg-web/ingress/5 allow icmp 8/0 {"kind":"group","groupId":"sg-peer","account":"222233334444"}',
      'sg-web/egress/0 allow tcp 5432 {"kind":"group","groupId":"sg-db"}',
    ]);
    const sg = get('filter', 'sg-web');
    expect([sg.filterKind, sg.evaluation, sg.stateful, sg.scope, sg.isDefault, sg.name]).toEqual([
      'aws-security-group',
      'allow-union',
      true,
      'endpoint',
      false,
      'web',
    ]);
    expect(sg.defaultAction).toEqual({ ingress: 'deny', egress: 'deny' });
    const first = sg.rules[0]!;
    expect([first.description, first.source.pointer, first.source.line]).toEqual([
      'https',
      '/values/root_module/resources/6/values/ingress/0',
      141,
    ]);
  });

  it('adds aws_vpc_security_group_*_rule rules (one peer each, "-1" = all) and de-duplicates their inline copy', () => {
    expect(rules('filter', 'sg-db')).toEqual([
      'sg-db/ingress/0 allow tcp 5432 {"kind":"group","groupId":"sg-web"}',
      'sg-db/egress/0 allow all {"kind":"cidr","cidr":"0.0.0.0/0"}',
    ]);
    expect(get('filter', 'sg-db').rules[0]!.source.pointer).toBe('/values/root_module/resources/9');
    expect(get('filter', 'sg-db').name).toBe('db-sg');
  });

  it('aws_default_security_group replaces the default rules: only what it declares', () => {
    const sg = get('filter', 'sg-default');
    expect(sg.isDefault).toBe(true);
    expect(rules('filter', 'sg-default')).toEqual([
      'sg-default/ingress/0 allow all {"kind":"group","groupId":"sg-default"}',
    ]);
  });
});

describe('terraform state: network ACLs (cloud-semantics §1.2)', () => {
  it('reads protocol names and numbers, ICMP type/code, ICMPv6 with an IPv4 CIDR as all types; no implicit 32767 entries', () => {
    expect(rules('filter', 'acl-app')).toEqual([
      'acl-app/ingress/100 allow tcp 443 {"kind":"cidr","cidr":"0.0.0.0/0"}',
      'acl-app/ingress/110 allow icmp 8/* {"kind":"cidr","cidr":"10.0.0.0/8"}',
      'acl-app/ingress/120 allow icmpv6 all {"kind":"cidr","cidr":"10.0.0.0/8"}',
      'acl-app/ingress/130 allow icmpv6 128/0 {"kind":"cidr","cidr":"::/0"}',
      'acl-app/ingress/200 deny udp 53 {"kind":"cidr","cidr":"10.9.0.0/16"}',
      'acl-app/egress/90 allow all {"kind":"cidr","cidr":"10.0.0.0/8"}',
      'acl-app/egress/100 allow all {"kind":"cidr","cidr":"0.0.0.0/0"}',
    ]);
    const acl = get('filter', 'acl-app');
    expect([acl.evaluation, acl.stateful, acl.scope, acl.isDefault]).toEqual([
      'first-match',
      false,
      'subnet',
      false,
    ]);
    expect(acl.rules.map((r) => r.priority)).toEqual([100, 110, 120, 130, 200, 90, 100]);
    expect(acl.subnetIds).toEqual(['subnet-app']);
    // The inline copy of aws_network_acl_rule.app_dns (rule 200) is kept once, with the inline source.
    expect(acl.rules[4]!.source.pointer).toBe('/values/root_module/resources/12/values/ingress/4');
  });

  it('aws_default_network_acl: isDefault, its rules, and only the subnets no custom NACL claims', () => {
    const acl = get('filter', 'acl-default');
    expect(acl.isDefault).toBe(true);
    expect(acl.subnetIds).toEqual(['subnet-db']);
    expect(rules('filter', 'acl-default')).toEqual([
      'acl-default/ingress/100 allow all {"kind":"cidr","cidr":"0.0.0.0/0"}',
      'acl-default/egress/100 allow all {"kind":"cidr","cidr":"0.0.0.0/0"}',
    ]);
  });
});

describe('terraform state: route tables (cloud-semantics §1.3, §1.6-1)', () => {
  const text = (id: string): string[] =>
    get('route-table', id).routes.map((r) => {
      const dest = r.destination.kind === 'cidr' ? r.destination.cidr : r.destination.prefixListId;
      return `${dest} -> ${r.target.kind}${r.target.id ? ` ${r.target.id}` : ''} ${r.origin} ${r.state}`;
    });

  it('adds the local routes of every VPC CIDR, keeps one route per destination, adds the gateway endpoint route', () => {
    expect(text('rtb-public')).toEqual([
      '10.0.0.0/16 -> local local active',
      '10.1.0.0/16 -> local local active',
      '2001:db8:1::/56 -> local local active',
      '0.0.0.0/0 -> internet-gateway igw-1 static active',
      '::/0 -> internet-gateway igw-1 static active',
      '10.60.0.0/16 -> transit-gateway tgw-1 static active',
      '10.50.0.0/16 -> peering pcx-gone static blackhole',
      'pl-s3 -> gateway-endpoint vpce-s3 static active',
    ]);
    const t = get('route-table', 'rtb-public');
    expect(t.associations).toEqual({ main: false, subnetIds: ['subnet-app'], gatewayIds: [] });
    expect(t.routes[0]!.source.pointer).toBe('/values/root_module/resources/16');
    expect(t.routes[3]!.source.pointer).toBe('/values/root_module/resources/16/values/route/0');
    expect(t.routes[6]!.source.pointer).toBe('/values/root_module/resources/18');
  });

  it('aws_default_route_table is the main table of its VPC', () => {
    expect(get('route-table', 'rtb-main').associations.main).toBe(true);
    expect(text('rtb-main')).toEqual([
      '10.0.0.0/16 -> local local active',
      '10.1.0.0/16 -> local local active',
      '2001:db8:1::/56 -> local local active',
    ]);
  });

  it('reads the gateway endpoint, its compact policy and the AWS-managed prefix list entries', () => {
    const ep = get('service-endpoint', 'vpce-s3');
    expect([ep.endpointType, ep.networkId, ep.serviceName, ep.routeTableIds, ep.policy]).toEqual([
      'gateway',
      'vpc-1',
      'com.amazonaws.eu-west-1.s3',
      ['rtb-public'],
      '{"Version":"2012-10-17"}',
    ]);
    const pl = get('prefix-list', 'pl-s3', true);
    expect([pl.managedBy, pl.cidrs, pl.entriesKnown, pl.name, pl.account]).toEqual([
      'provider',
      ['3.5.0.0/19', '52.216.0.0/15'],
      true,
      'com.amazonaws.eu-west-1.s3',
      undefined,
    ]);
  });
});

describe('terraform state: instances, addresses, flow logs', () => {
  it('emits the instance and its primary ENI as a partial endpoint, with the Elastic IP folded in', () => {
    const i = get('instance', 'i-web');
    expect([i.subnetId, i.networkId, i.endpointIds, i.state, i.imageId]).toEqual([
      'subnet-app',
      'vpc-1',
      ['eni-web'],
      'running',
      'ami-1',
    ]);
    const eni = get('endpoint', 'eni-web', true);
    expect(eni).toMatchObject({
      endpointKind: 'nic',
      networkId: 'vpc-1',
      subnetId: 'subnet-app',
      zone: 'eu-west-1a',
      primaryPrivateIp: '10.0.1.10',
      privateIps: ['10.0.1.10', '10.0.1.11'],
      publicIps: ['54.1.2.3', '54.9.9.9'],
      ipv6Ips: [],
      filterIds: ['sg-web'],
      ownerId: 'i-web',
      sourceDestCheck: true,
    });
    expect(eni.unknown).toBeUndefined();
  });

  it('reads the Elastic IP as a public address', () => {
    expect(get('public-address', 'eipalloc-1')).toMatchObject({
      address: '54.9.9.9',
      privateIp: '10.0.1.11',
      endpointId: 'eni-web',
      instanceId: 'i-web',
    });
  });

  it('reads the flow log of the VPC', () => {
    expect(get('flow-log', 'fl-1')).toMatchObject({
      resourceId: 'vpc-1',
      resourceKind: 'network',
      trafficType: 'REJECT',
      destinationType: 's3',
      destination: 'arn:aws:s3:::flows',
      aggregationIntervalSeconds: 60,
    });
  });
});

describe('terraform state: what is not modelled', () => {
  it('reports one unsupported diagnostic per type; data sources, non-network AWS types and utility providers are silent', () => {
    expect(
      fragment.diagnostics.map((d) => [d.severity, d.code, d.source.pointer, d.source.line, d.message]),
    ).toEqual([
      [
        'unsupported',
        'IMPORT_TF_UNSUPPORTED',
        '/values/root_module/resources/26',
        773,
        '1 aws_vpn_gateway resource not modelled yet; paths through it are not analysed',
      ],
      [
        'unsupported',
        'IMPORT_TF_UNSUPPORTED',
        '/values/root_module/resources/28',
        798,
        '2 google_compute_network resources not modelled yet; paths through them are not analysed',
      ],
    ]);
    expect(fragment.elements.some((e) => e.id === 'ami-1' || e.id === 'logs' || e.id === 'abc')).toBe(false);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(load())).toBe(JSON.stringify(fragment));
  });
});
