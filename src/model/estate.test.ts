import { describe, expect, it } from 'vitest';
import type { Endpoint, Filter, Network } from './index.js';
import { buildEstate, ConnectionSet, fixedSource, PortSet } from './index.js';

const src = (file: string) => fixedSource(file, '/x', 1, 1);

function net(id: string, file: string, extra: Partial<Network> = {}): Network {
  return {
    id,
    kind: 'network',
    provider: 'aws',
    tags: {},
    source: src(file),
    cidrs: ['10.0.0.0/16'],
    ...extra,
  };
}

function eni(id: string, file: string, extra: Partial<Endpoint> = {}): Endpoint {
  return {
    id,
    kind: 'endpoint',
    provider: 'aws',
    tags: {},
    source: src(file),
    endpointKind: 'nic',
    privateIps: ['10.0.0.5'],
    publicIps: [],
    ipv6Ips: [],
    filterIds: [],
    osHint: 'unknown',
    networkId: 'vpc-1',
    ...extra,
  };
}

describe('buildEstate', () => {
  it('sorts by kind then id, whatever the fragment order', () => {
    const a = { elements: [eni('eni-2', 'a'), net('vpc-1', 'a')], diagnostics: [] };
    const b = { elements: [eni('eni-1', 'b')], diagnostics: [] };
    const ids = (x: ReturnType<typeof buildEstate>) => x.elements.map((e) => `${e.kind}:${e.id}`);
    expect(ids(buildEstate([a, b]))).toEqual(['network:vpc-1', 'endpoint:eni-1', 'endpoint:eni-2']);
    expect(ids(buildEstate([b, a]))).toEqual(ids(buildEstate([a, b])));
  });

  it('merges a partial view into the full record: full decides scalars, id lists union', () => {
    const full = eni('eni-1', 'b-full', {
      filterIds: ['sg-1', 'sg-2'],
      privateIps: ['10.0.0.5', '10.0.0.6'],
    });
    const partial = eni('eni-1', 'a-part', {
      partial: true,
      osHint: 'windows',
      ownerId: 'i-1',
      filterIds: ['sg-1'],
    });
    const e = buildEstate([
      { elements: [partial], diagnostics: [] },
      { elements: [full], diagnostics: [] },
      { elements: [net('vpc-1', 'n')], diagnostics: [] },
    ]);
    const m = e.get('endpoint', 'eni-1');
    expect(m?.partial).toBeUndefined();
    expect(m?.source.file).toBe('b-full');
    // 'unknown' in the full record does not hide what the partial view knows.
    expect(m?.osHint).toBe('windows');
    expect(m?.ownerId).toBe('i-1');
    expect(m?.filterIds).toEqual(['sg-1', 'sg-2']);
    expect(m?.privateIps).toEqual(['10.0.0.5', '10.0.0.6']);
    expect(e.diagnostics.map((d) => d.code)).toEqual([
      'MODEL_DANGLING_REFERENCE',
      'MODEL_DANGLING_REFERENCE',
    ]);
  });

  it('merges compatible views of a shared object silently, warns on a real conflict', () => {
    const e = buildEstate([
      { elements: [net('vpc-1', 'a', { tags: { Name: 'x' } })], diagnostics: [] },
      { elements: [net('vpc-1', 'b', { tags: { Team: 'y' }, state: 'available' })], diagnostics: [] },
    ]);
    expect(e.diagnostics).toEqual([]);
    expect(e.get('network', 'vpc-1')).toMatchObject({ tags: { Name: 'x', Team: 'y' }, state: 'available' });
    const c = buildEstate([
      { elements: [net('vpc-1', 'a')], diagnostics: [] },
      { elements: [net('vpc-1', 'b', { cidrs: ['10.1.0.0/16'] })], diagnostics: [] },
    ]);
    expect(c.get('network', 'vpc-1')?.cidrs).toEqual(['10.0.0.0/16']);
    expect(c.diagnostics.map((d) => `${d.severity} ${d.code} ${d.source.file}`)).toEqual([
      'warning MODEL_DUPLICATE_ID b',
    ]);
    expect(c.diagnostics[0]?.message).toBe(
      'network vpc-1 is defined twice with different content; keeping the one at a:1:1',
    );
  });

  it('treats two views that list the same rules in another order, with other rule ids, as one object', () => {
    const rule = (id: string, cidr: string) => ({
      id,
      direction: 'ingress' as const,
      action: 'allow' as const,
      connections: ConnectionSet.tcp(PortSet.of(22)),
      peer: { kind: 'cidr' as const, cidr },
      source: src('r'),
    });
    const sg = (file: string, rules: ReturnType<typeof rule>[]): Filter => ({
      id: 'sg-1',
      kind: 'filter',
      provider: 'aws',
      tags: {},
      source: src(file),
      filterKind: 'aws-security-group',
      evaluation: 'allow-union',
      stateful: true,
      scope: 'endpoint',
      rules,
      defaultAction: { ingress: 'deny', egress: 'deny' },
      subnetIds: [],
    });
    const same = buildEstate([
      {
        elements: [sg('cli', [rule('sg-1/ingress/0', '10.0.0.0/8'), rule('sg-1/ingress/1', '192.0.2.0/24')])],
        diagnostics: [],
      },
      {
        elements: [sg('tf', [rule('sg-1/ingress/0', '192.0.2.0/24'), rule('sg-1/ingress/1', '10.0.0.0/8')])],
        diagnostics: [],
      },
    ]);
    expect(same.diagnostics).toEqual([]);
    const drift = buildEstate([
      { elements: [sg('cli', [rule('sg-1/ingress/0', '10.0.0.0/8')])], diagnostics: [] },
      { elements: [sg('tf', [rule('sg-1/ingress/0', '0.0.0.0/0')])], diagnostics: [] },
    ]);
    expect(drift.diagnostics.map((d) => d.code)).toEqual(['MODEL_DUPLICATE_ID']);
  });

  it('reports each dangling reference with the field that holds it', () => {
    const e = buildEstate([
      { elements: [eni('eni-1', 'a', { subnetId: 'subnet-9', filterIds: ['sg-9'] })], diagnostics: [] },
    ]);
    expect(e.diagnostics.map((d) => d.message)).toEqual([
      // Same location: ordered by message.
      'endpoint eni-1 refers to filter sg-9 (filterIds), which is not in the inputs',
      'endpoint eni-1 refers to network vpc-1 (networkId), which is not in the inputs',
      'endpoint eni-1 refers to subnet subnet-9 (subnetId), which is not in the inputs',
    ]);
  });

  it('indexes by kind and id', () => {
    const e = buildEstate([{ elements: [net('vpc-1', 'a'), eni('eni-1', 'a')], diagnostics: [] }]);
    expect(e.find('vpc-1').map((x) => x.kind)).toEqual(['network']);
    expect(e.counts()).toEqual({ network: 1, endpoint: 1 });
    expect(e.get('subnet', 'vpc-1')).toBeUndefined();
  });
});
