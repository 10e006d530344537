import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Element, ElementKind, ElementOf, Fragment } from '../../model/index.js';
import { DiagnosticSink, parseJsonDocument } from '../_kit/index.js';
import { terraformImporter } from './index.js';

const FILE = 'fixtures/plan-create.json';

function importText(file: string, text: string): Fragment {
  const doc = parseJsonDocument(file, text, new DiagnosticSink());
  if (!doc) throw new Error('document does not parse');
  return terraformImporter.import(doc);
}

const fragment = importText(FILE, readFileSync(new URL(`./${FILE}`, import.meta.url), 'utf8'));

function find<K extends ElementKind>(f: Fragment, kind: K, id: string): ElementOf<K> {
  const e = f.elements.find((x: Element) => x.kind === kind && x.id === id);
  if (!e) throw new Error(`${kind} ${id} not imported`);
  return e as ElementOf<K>;
}
const get = <K extends ElementKind>(kind: K, id: string): ElementOf<K> => find(fragment, kind, id);

const VPC = 'module.net.aws_vpc.this';
const SUBNET0 = 'module.net.module.subnets.aws_subnet.private[0]';

describe('terraform plan: ids of resources being created are their addresses', () => {
  it('names new resources by address, nested modules included (child_modules of child_modules)', () => {
    expect(fragment.elements.map((e) => `${e.kind} ${e.id}${e.partial ? ' (partial)' : ''}`).sort()).toEqual([
      'endpoint aws_instance.app.primary_network_interface_id (partial)',
      'endpoint aws_nat_gateway.main.network_interface_id (partial)',
      'filter aws_security_group.app',
      'gateway aws_nat_gateway.main',
      'instance aws_instance.app',
      'network module.net.aws_vpc.this',
      'public-address aws_eip.nat',
      'route-table aws_route_table.private',
      'route-table module.net.aws_default_route_table.this',
      'subnet aws_subnet.legacy',
      'subnet module.net.module.subnets.aws_subnet.private[0]',
      'subnet module.net.module.subnets.aws_subnet.private[1]',
    ]);
  });

  it('skips a resource planned for deletion and reads a replaced one as its new value', () => {
    expect(fragment.elements.some((e) => e.id.includes('old'))).toBe(false);
    expect(get('subnet', 'aws_subnet.legacy')).toMatchObject({
      networkId: 'vpc-old',
      cidrs: ['10.20.9.0/24'],
    });
  });

  it('takes account and region from the provider configuration (assume_role, region literal)', () => {
    const vpc = get('network', VPC);
    expect([vpc.account, vpc.region, vpc.cidrs, vpc.unknown]).toEqual([
      '444455556666',
      'eu-central-1',
      ['10.20.0.0/16'],
      undefined,
    ]);
    expect(vpc.source.pointer).toBe('/planned_values/root_module/child_modules/0/resources/1');
  });
});

describe('terraform plan: references resolved through the configuration', () => {
  it('follows var.vpc_id into the parent module (subnets of a grandchild module)', () => {
    expect(get('subnet', SUBNET0).networkId).toBe(VPC);
    expect(get('subnet', 'module.net.module.subnets.aws_subnet.private[1]').networkId).toBe(VPC);
  });

  it('follows module outputs down two levels (module.net.first_subnet_id -> module.subnets.first_id -> aws_subnet.private[0])', () => {
    const i = get('instance', 'aws_instance.app');
    expect([i.subnetId, i.networkId, i.endpointIds, i.unknown]).toEqual([
      SUBNET0,
      VPC,
      ['aws_instance.app.primary_network_interface_id'],
      undefined,
    ]);
  });

  it('resolves an unknown security group id of a rule resource to the group being created', () => {
    const sg = get('filter', 'aws_security_group.app');
    expect(sg.networkId).toBe(VPC);
    expect(sg.rules.map((r) => `${r.id} ${r.connections} ${JSON.stringify(r.peer)}`)).toEqual([
      'aws_security_group.app/ingress/0 tcp 443 {"kind":"cidr","cidr":"0.0.0.0/0"}',
      'aws_security_group.app/ingress/1 tcp 8080 {"kind":"group","groupId":"sg-0lb"}',
      'aws_security_group.app/egress/0 all {"kind":"unknown","reason":"egress.0.cidr_blocks of aws_security_group.app is unknown until apply"}',
    ]);
  });

  it('resolves an inline route target, adds the local route of the new VPC, and the association', () => {
    const t = get('route-table', 'aws_route_table.private');
    expect(t.networkId).toBe(VPC);
    expect(t.routes.map((r) => [r.destination, r.target, r.origin])).toEqual([
      [{ kind: 'cidr', cidr: '10.20.0.0/16' }, { kind: 'local' }, 'local'],
      [{ kind: 'cidr', cidr: '0.0.0.0/0' }, { kind: 'nat-gateway', id: 'aws_nat_gateway.main' }, 'static'],
    ]);
    expect(t.associations).toEqual({ main: false, subnetIds: [SUBNET0], gatewayIds: [] });
  });

  it('finds the VPC of a new aws_default_route_table through the attribute it adopts; it is the main table', () => {
    const t = get('route-table', 'module.net.aws_default_route_table.this');
    expect([t.networkId, t.associations.main, t.routes.length]).toEqual([VPC, true, 1]);
  });
});

describe('terraform plan: values unknown until apply are explicit', () => {
  it('leaves unknown addresses empty and lists the model fields', () => {
    const eni = get('endpoint', 'aws_instance.app.primary_network_interface_id');
    expect(eni).toMatchObject({
      partial: true,
      ownerId: 'aws_instance.app',
      subnetId: SUBNET0,
      networkId: VPC,
      zone: 'eu-central-1a',
      privateIps: [],
      publicIps: [],
      ipv6Ips: [],
      filterIds: ['aws_security_group.app'],
      unknown: ['primaryPrivateIp', 'privateIps', 'publicIps'],
    });
    expect(eni.primaryPrivateIp).toBeUndefined();
    const nat = get('gateway', 'aws_nat_gateway.main');
    expect([nat.subnetId, nat.networkId, nat.addresses, nat.unknown]).toEqual([
      SUBNET0,
      VPC,
      [{ endpointId: 'aws_nat_gateway.main.network_interface_id', allocationId: 'aws_eip.nat' }],
      ['addresses'],
    ]);
    expect(get('public-address', 'aws_eip.nat')).toMatchObject({ address: '', unknown: ['address'] });
  });

  it('reports each unknown attribute once, at its after_unknown pointer and line', () => {
    expect(
      fragment.diagnostics.map((d) => [d.severity, d.code, d.source.pointer, d.source.line, d.message]),
    ).toEqual([
      [
        'warning',
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/0/change/after_unknown/public_ip',
        289,
        'public_ip of aws_eip.nat is unknown until apply; address left empty',
      ],
      [
        'warning',
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/1/change/after_unknown/private_ip',
        328,
        'private_ip of aws_instance.app is unknown until apply; primaryPrivateIp, privateIps left empty',
      ],
      [
        'warning',
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/1/change/after_unknown/secondary_private_ips',
        330,
        'secondary_private_ips of aws_instance.app is unknown until apply; privateIps left empty',
      ],
      [
        'warning',
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/1/change/after_unknown/public_ip',
        329,
        'public_ip of aws_instance.app is unknown until apply; publicIps left empty',
      ],
      [
        'warning',
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/2/change/after_unknown/private_ip',
        359,
        'private_ip of aws_nat_gateway.main is unknown until apply; primaryPrivateIp, privateIps left empty',
      ],
      [
        'warning',
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/2/change/after_unknown/public_ip',
        360,
        'public_ip of aws_nat_gateway.main is unknown until apply; publicIps left empty',
      ],
      [
        'warning',
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/2/change/after_unknown/secondary_private_ip_addresses',
        361,
        'secondary_private_ip_addresses of aws_nat_gateway.main is unknown until apply; privateIps left empty',
      ],
      [
        'warning',
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/5/change/after_unknown/egress/0/cidr_blocks',
        484,
        'egress.0.cidr_blocks of aws_security_group.app is unknown until apply; the rule peer is marked unknown',
      ],
    ]);
  });
});
