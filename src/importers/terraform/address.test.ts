import { describe, expect, it } from 'vitest';
import { arnParts, elbId, regionOfZone } from '../_kit/aws/index.js';
import { modulePrefix, parseAddress, parseReference, parseTraversal } from './address.js';

describe('terraform addresses', () => {
  it('parses module paths, count indexes and for_each keys with dots and brackets', () => {
    expect(parseAddress('module.vpc["prod.a]"].module.x.aws_subnet.private[0]')).toEqual({
      modules: [{ name: 'vpc', key: '"prod.a]"' }, { name: 'x' }],
      mode: 'managed',
      type: 'aws_subnet',
      name: 'private',
      key: '0',
    });
    expect(parseAddress('data.aws_ami.base')).toEqual({
      modules: [],
      mode: 'data',
      type: 'aws_ami',
      name: 'base',
    });
    expect(modulePrefix(parseAddress('module.vpc["a"].aws_vpc.this')!.modules)).toBe('module.vpc["a"]');
  });

  it('rejects what is not an address', () => {
    for (const bad of [
      '',
      'aws_vpc',
      'aws_vpc.',
      'aws_vpc.a.b',
      'module.x',
      'aws_vpc.a[',
      'aws_vpc.a["x]',
      '1abc.b',
    ])
      expect(parseAddress(bad), bad).toBeUndefined();
    expect(parseTraversal('a..b')).toBeUndefined();
  });
});

describe('terraform configuration references', () => {
  it('classifies references', () => {
    expect(parseReference('aws_vpc.main.id')).toEqual({
      kind: 'resource',
      type: 'aws_vpc',
      name: 'main',
      attr: 'id',
    });
    expect(parseReference('aws_subnet.a[1]')).toEqual({
      kind: 'resource',
      type: 'aws_subnet',
      name: 'a',
      key: '1',
    });
    expect(parseReference('module.net["eu"].vpc_id')).toEqual({
      kind: 'module',
      name: 'net',
      key: '"eu"',
      output: 'vpc_id',
    });
    expect(parseReference('var.subnet_ids')).toEqual({ kind: 'var', name: 'subnet_ids' });
    expect(parseReference('count.index')).toEqual({ kind: 'instance-key' });
    expect(parseReference('each.key')).toEqual({ kind: 'instance-key' });
    for (const opaque of ['local.cidr', 'data.aws_vpc.x.id', 'each.value', 'path.module', 'self.id'])
      expect(parseReference(opaque).kind, opaque).toBe('opaque');
  });
});

describe('AWS identifiers', () => {
  it('splits ARNs, zones and ELBv2 ids like the AWS CLI importer', () => {
    expect(arnParts('arn:aws:ec2:us-east-1:111111111111:vpc/vpc-1')).toEqual({
      account: '111111111111',
      region: 'us-east-1',
      resource: 'vpc/vpc-1',
    });
    expect(arnParts('arn:aws:s3:::bucket')).toEqual({ resource: 'bucket' });
    expect(regionOfZone('eu-west-1a')).toBe('eu-west-1');
    expect(elbId('arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/abc')).toBe('app/web/abc');
    expect(elbId('arn:aws:elasticloadbalancing:us-east-1:1:listener/app/web/abc/l1')).toBe(
      'listener/app/web/abc/l1',
    );
    expect(elbId('aws_lb.web')).toBe('aws_lb.web');
  });
});
