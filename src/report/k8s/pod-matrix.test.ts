import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ClusterView, PodMap } from '../../engine/index.js';
import { podMatrixName, renderPodMatrix } from './pod-matrix.js';

const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: x, labels: {app: ${name}}}\nspec: {containers: [{name: c, image: i}]}\n`;

/** b takes only TCP 80 from a; a is open; c is a Deployment (a representative pod). */
const map = () =>
  new PodMap(
    ClusterView.podLevel(
      importDocs({
        'k8s/x.yaml': [
          pod('b'),
          pod('a'),
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c, namespace: x}\nspec: {template: {metadata: {labels: {app: c}}, spec: {containers: [{name: c, image: i}]}}}\n',
          'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: b, namespace: x}\nspec:\n  podSelector: {matchLabels: {app: b}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]\n',
        ].join('---\n'),
      }),
    ),
  );

describe('renderPodMatrix', () => {
  it('lists every ordered pair with its connections, self pairs allowed, sorted by name', () => {
    const m = map();
    const pods = m.view.pods.filter((p) => p.podName !== undefined);
    expect(renderPodMatrix(m, { pods })).toBe(
      [
        'src: x/a, dest: x/a, allowed conns: All Connections',
        'src: x/a, dest: x/b, allowed conns: TCP 80',
        'src: x/b, dest: x/a, allowed conns: All Connections',
        'src: x/b, dest: x/b, allowed conns: All Connections',
        '',
      ].join('\n'),
    );
    expect(m.view.pods.map(podMatrixName).sort()).toEqual(['x/a', 'x/b', 'x/c']);
  });

  it('answers one probe per pair as true or false; an empty probe matches nothing but self pairs', () => {
    const m = map();
    const lines = (text: string) => text.split('\n').filter((l) => l.includes('dest: x/b'));
    expect(
      lines(renderPodMatrix(m, { mode: { kind: 'bool', probe: { protocol: 'TCP', port: 80 } } })),
    ).toEqual([
      'src: x/a, dest: x/b, allowed conns: true',
      'src: x/b, dest: x/b, allowed conns: true',
      'src: x/c, dest: x/b, allowed conns: false',
    ]);
    expect(renderPodMatrix(m, { mode: { kind: 'bool', probe: { protocol: 'UDP', port: 80 } } })).toContain(
      'src: x/a, dest: x/b, allowed conns: false',
    );
    const empty = renderPodMatrix(m, { mode: { kind: 'bool' } })
      .trim()
      .split('\n');
    expect(empty.filter((l) => l.endsWith('true'))).toEqual([
      'src: x/a, dest: x/a, allowed conns: true',
      'src: x/b, dest: x/b, allowed conns: true',
      'src: x/c, dest: x/c, allowed conns: true',
    ]);
    expect(empty).toHaveLength(9);
  });
});
