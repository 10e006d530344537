import { describe, expect, it } from 'vitest';
import type { Element, ElementKind, ElementOf, Fragment } from '../../model/index.js';
import { DiagnosticSink, parseJsonDocument } from '../_kit/index.js';
import { terraformImporter } from './index.js';

function importText(file: string, text: string): Fragment {
  const doc = parseJsonDocument(file, text, new DiagnosticSink());
  if (!doc) throw new Error('document does not parse');
  return terraformImporter.import(doc);
}

function find<K extends ElementKind>(f: Fragment, kind: K, id: string): ElementOf<K> {
  const e = f.elements.find((x: Element) => x.kind === kind && x.id === id);
  if (!e) throw new Error(`${kind} ${id} not imported`);
  return e as ElementOf<K>;
}

/** A small plan: `resources` are [address, type, values, after_unknown] of the root module. */
function plan(
  resources: [string, string, Record<string, unknown>, Record<string, unknown>, string[]?][],
  configResources: unknown[],
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: resources.map(([address, type, values]) => ({
          address,
          mode: 'managed',
          type,
          name: address.split('.')[1]!.split('[')[0],
          values,
        })),
      },
    },
    resource_changes: resources.map(([address, type, values, unknown, actions]) => ({
      address,
      mode: 'managed',
      type,
      change: { actions: actions ?? ['create'], after: values, after_unknown: unknown },
    })),
    configuration: { root_module: { resources: configResources } },
    ...extra,
  });
}

describe('terraform plan: reference resolution corner cases', () => {
  const subnets: [string, string, Record<string, unknown>, Record<string, unknown>][] = [0, 1].map((i) => [
    `aws_subnet.s[${i}]`,
    'aws_subnet',
    { cidr_block: `10.0.${i}.0/24`, vpc_id: 'vpc-1' },
    { id: true },
  ]);

  it('pairs aws_subnet.s[count.index] with the referrer of the same index', () => {
    const f = importText(
      'p.json',
      plan(
        [
          ...subnets,
          ...[0, 1].map((i): [string, string, Record<string, unknown>, Record<string, unknown>] => [
            `aws_nat_gateway.n[${i}]`,
            'aws_nat_gateway',
            {},
            { id: true, subnet_id: true },
          ]),
        ],
        [
          {
            address: 'aws_nat_gateway.n',
            mode: 'managed',
            type: 'aws_nat_gateway',
            name: 'n',
            expressions: { subnet_id: { references: ['aws_subnet.s', 'count.index'] } },
          },
        ],
      ),
    );
    expect(find(f, 'gateway', 'aws_nat_gateway.n[1]').subnetId).toBe('aws_subnet.s[1]');
    expect(find(f, 'gateway', 'aws_nat_gateway.n[0]').subnetId).toBe('aws_subnet.s[0]');
  });

  it('leaves an ambiguous scalar reference unknown, with the unresolved reason', () => {
    const f = importText(
      'p.json',
      plan(
        [...subnets, ['aws_nat_gateway.n', 'aws_nat_gateway', {}, { id: true, subnet_id: true }]],
        [
          {
            address: 'aws_nat_gateway.n',
            mode: 'managed',
            type: 'aws_nat_gateway',
            name: 'n',
            expressions: { subnet_id: { references: ['aws_subnet.s'] } },
          },
        ],
      ),
    );
    const nat = find(f, 'gateway', 'aws_nat_gateway.n');
    expect([nat.subnetId, nat.unknown]).toEqual([undefined, ['networkId', 'subnetId']]);
    expect(f.diagnostics.map((d) => [d.code, d.source.pointer, d.message])).toEqual([
      [
        'IMPORT_TF_UNKNOWN_VALUE',
        '/resource_changes/2/change/after_unknown/subnet_id',
        'subnet_id of aws_nat_gateway.n is unknown until apply and its configuration reference could not be followed; subnetId left empty',
      ],
    ]);
  });

  it('takes a literal passed to a root variable from the plan variables, and lists of references for list attributes', () => {
    const f = importText(
      'p.json',
      plan(
        [
          ['aws_security_group.a', 'aws_security_group', { ingress: [], egress: [] }, { id: true }],
          [
            'aws_instance.i',
            'aws_instance',
            { private_ip: '10.0.0.5', public_ip: '', primary_network_interface_id: 'eni-1' },
            { id: true, subnet_id: true, vpc_security_group_ids: true },
          ],
        ],
        [
          {
            address: 'aws_instance.i',
            mode: 'managed',
            type: 'aws_instance',
            name: 'i',
            expressions: {
              subnet_id: { references: ['var.subnet'] },
              vpc_security_group_ids: {
                references: ['aws_security_group.a.id', 'aws_security_group.a', 'var.extra_sg'],
              },
            },
          },
        ],
        { variables: { subnet: { value: 'subnet-lit' }, extra_sg: { value: 'sg-extra' } } },
      ),
    );
    expect(find(f, 'instance', 'aws_instance.i').subnetId).toBe('subnet-lit');
    expect(find(f, 'endpoint', 'eni-1').filterIds).toEqual(['aws_security_group.a', 'sg-extra']);
    expect(f.diagnostics).toEqual([]);
  });

  it("resolves aws_vpc.x.default_security_group_id to the aws_default_security_group adopting that VPC's default group", () => {
    const f = importText(
      'p.json',
      plan(
        [
          [
            'aws_vpc.main',
            'aws_vpc',
            { cidr_block: '10.0.0.0/16' },
            { id: true, default_security_group_id: true },
          ],
          [
            'aws_default_security_group.d',
            'aws_default_security_group',
            { ingress: [], egress: [] },
            { id: true, vpc_id: true },
          ],
          [
            'aws_instance.i',
            'aws_instance',
            {
              private_ip: '10.0.0.5',
              public_ip: '',
              primary_network_interface_id: 'eni-1',
              subnet_id: 'subnet-1',
            },
            { id: true, vpc_security_group_ids: true },
          ],
        ],
        [
          {
            address: 'aws_default_security_group.d',
            mode: 'managed',
            type: 'aws_default_security_group',
            name: 'd',
            expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } },
          },
          {
            address: 'aws_instance.i',
            mode: 'managed',
            type: 'aws_instance',
            name: 'i',
            expressions: {
              vpc_security_group_ids: {
                references: ['aws_vpc.main.default_security_group_id', 'aws_vpc.main'],
              },
            },
          },
        ],
      ),
    );
    expect(find(f, 'filter', 'aws_default_security_group.d')).toMatchObject({
      networkId: 'aws_vpc.main',
      isDefault: true,
      rules: [],
    });
    expect(find(f, 'endpoint', 'eni-1').filterIds).toEqual(['aws_default_security_group.d']);
    expect(f.diagnostics).toEqual([]);
  });

  it('skips delete-only resources even in planned values, and reads resource_changes alone when there are no planned values', () => {
    const withDelete = importText(
      'p.json',
      plan([['aws_vpc.gone', 'aws_vpc', { id: 'vpc-gone', cidr_block: '10.9.0.0/16' }, {}, ['delete']]], []),
    );
    expect(withDelete.elements).toEqual([]);
    const onlyChanges = JSON.parse(
      plan([['aws_vpc.v', 'aws_vpc', { id: 'vpc-1', cidr_block: '10.0.0.0/16' }, {}, ['no-op']]], []),
    ) as Record<string, unknown>;
    delete onlyChanges.planned_values;
    const f = importText('p.json', JSON.stringify(onlyChanges));
    expect(f.elements.map((e) => [e.id, e.source.pointer])).toEqual([['vpc-1', '/resource_changes/0']]);
  });
});
