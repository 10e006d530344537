import { describe, expect, it } from 'vitest';
import { edge, sample } from '../../../test/k8s/connlist-fixture.js';
import { renderConnlistDot, splitRepresentative } from './connlist-dot.js';

describe('renderConnlistDot', () => {
  it('groups workloads by namespace, draws unconnected ones, weights edges by name order', () => {
    const out = renderConnlistDot({ ...sample, edges: sample.edges.slice(0, 2) });
    expect(out).toBe(
      [
        'digraph {',
        '\tsubgraph "cluster_backend[namespace]" {',
        '\t\tcolor="black"',
        '\t\tfontcolor="black"',
        '\t\t"backend/api[Deployment]" [label="api[Deployment]" color="blue" fontcolor="blue"]',
        '\t\t"backend/db[StatefulSet]" [label="db[StatefulSet]" color="blue" fontcolor="blue"]',
        '\t\tlabel="backend[namespace]"',
        '\t}',
        '\tsubgraph "cluster_frontend[namespace]" {',
        '\t\tcolor="black"',
        '\t\tfontcolor="black"',
        '\t\t"frontend/web[Deployment]" [label="web[Deployment]" color="blue" fontcolor="blue"]',
        '\t\tlabel="frontend[namespace]"',
        '\t}',
        '\tsubgraph "cluster_tools[namespace]" {',
        '\t\tcolor="black"',
        '\t\tfontcolor="black"',
        '\t\t"tools/idle[Pod]" [label="idle[Pod]" color="blue" fontcolor="blue"]',
        '\t\tlabel="tools[namespace]"',
        '\t}',
        '\t"0.0.0.0-9.255.255.255[External]" [label="0.0.0.0-9.255.255.255[External]" color="red2" fontcolor="red2"]',
        '\t"{ingress-controller}" [label="{ingress-controller}" color="blue" fontcolor="blue"]',
        '\t"0.0.0.0-9.255.255.255[External]" -> "frontend/web[Deployment]" [label="TCP 443" color="gold2" fontcolor="darkgreen" weight=0.5]',
        '\t"frontend/web[Deployment]" -> "backend/api[Deployment]" [label="TCP 8080,9090-9091" color="gold2" fontcolor="darkgreen" weight=1]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('draws exposure edges dashed to representative peers and entire-cluster, not to IP ranges', () => {
    const out = renderConnlistDot({ ...sample, edges: [] }, { exposure: true });
    const lines = out.split('\n');
    expect(lines).toContain('\tsubgraph "cluster_namespace with {team=ops}[namespace]" {');
    expect(lines).toContain(
      '\t\t"pod with {app=backup}_in_namespace with {team=ops}" [label="pod with {app=backup}" color="red2" fontcolor="red2"]',
    );
    expect(lines).toContain(
      '\t"entire-cluster" [label="entire-cluster" color="red2" fontcolor="red2" shape=diamond]',
    );
    expect(lines).toContain(
      '\t"backend/api[Deployment]" -> "entire-cluster" [label="UDP 53" color="darkorange4" fontcolor="darkgreen" weight=0.5 style=dashed]',
    );
    expect(lines).toContain(
      '\t"entire-cluster" -> "frontend/web[Deployment]" [label="All Connections" color="darkorange2" fontcolor="darkgreen" weight=1 style=dashed]',
    );
    expect(out).not.toContain('External]" ->');
    expect(out).not.toContain('-> "0.0.0.0');
  });

  it('keeps representative groups after the real ones even for a namespace that exists', () => {
    const c = {
      peers: [],
      edges: [],
      exposure: { egress: [], ingress: [edge('backend/[all pods]', 'backend/api[Deployment]', 'TCP 80')] },
    };
    const subgraphs = renderConnlistDot(c, { exposure: true })
      .split('\n')
      .filter((l) => l.startsWith('\tsubgraph') || l.startsWith('\t\tcolor'));
    expect(subgraphs).toEqual([
      '\tsubgraph "cluster_backend[namespace]" {',
      '\t\tcolor="black"',
      '\tsubgraph "cluster_backend[namespace]" {',
      '\t\tcolor="red2"',
    ]);
  });
});

describe('splitRepresentative', () => {
  it('splits at the slash after the namespace part, brackets and all', () => {
    expect(
      splitRepresentative('[namespace with {{Key:foo.com/x,Operator:In,Values:[a],}}]/[all pods]'),
    ).toEqual({
      ns: 'namespace with {{Key:foo.com/x,Operator:In,Values:[a],}}',
      pod: 'all pods',
    });
    expect(splitRepresentative('hello-world/[pod with {role=monitoring}]')).toEqual({
      ns: 'hello-world',
      pod: 'pod with {role=monitoring}',
    });
    expect(splitRepresentative('[all namespaces]/[pod with {app=a}]')).toEqual({
      ns: 'all namespaces',
      pod: 'pod with {app=a}',
    });
    expect(splitRepresentative('entire-cluster')).toBeUndefined();
  });
});
