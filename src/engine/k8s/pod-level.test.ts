import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { ConnsTable } from './conns-table.js';
import { PodMap } from './pod-map.js';
import { ClusterView } from './view.js';

const pod = (name: string, labels: string, ip: string, owner = true) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels: ${labels}\n${
    owner
      ? '  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8, controller: true}]\n'
      : ''
  }spec: {containers: [{name: c, image: app, ports: [{containerPort: 80}]}]}\nstatus: {podIP: ${ip}}\n`;

/** Two replicas of one owner, one of them quarantined by label; a client pod and a controller. */
const fixture = () =>
  importDocs({
    'k8s/shop.yaml': [
      pod('web-1', '{app: web}', '10.1.0.1'),
      pod('web-2', '{app: web, quarantine: "true"}', '10.1.0.2'),
      pod('client', '{app: client}', '10.1.0.9', false),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: db, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: c, image: db}]}\n',
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: quarantine, namespace: shop}\nspec:\n  podSelector: {matchLabels: {quarantine: "true"}}\n  policyTypes: [Ingress]\n',
    ].join('---\n'),
  });

describe('pod-level ClusterView', () => {
  it('keeps one representative pod per workload by default', () => {
    const view = new ClusterView(fixture());
    expect(view.pods.map((p) => [p.workload.name, p.podName, p.labels])).toEqual([
      ['db', undefined, { app: 'db' }],
      ['client', undefined, { app: 'client' }],
      ['web-5d8', undefined, { app: 'web' }],
    ]);
  });

  it('makes one pod per imported pod, with its own labels and addresses, controllers kept whole', () => {
    const view = ClusterView.podLevel(fixture());
    expect(
      view.pods.map((p) => [p.index, p.workload.name, p.podName, p.labels, p.workload.addresses]),
    ).toEqual([
      [0, 'db', undefined, { app: 'db' }, undefined],
      [1, 'client', 'client', { app: 'client' }, ['10.1.0.9']],
      [2, 'web-5d8', 'web-1', { app: 'web' }, ['10.1.0.1']],
      [3, 'web-5d8', 'web-2', { app: 'web', quarantine: 'true' }, ['10.1.0.2']],
    ]);
    expect(view.pods[3]!.workload.podLabels).toEqual({ app: 'web', quarantine: 'true' });
  });

  it('decides per pod: a replica selected by its own label is isolated, its sibling is not', () => {
    const map = new PodMap(ClusterView.podLevel(fixture()));
    expect(map.conns(1, 2)).toBe(ConnsTable.ALL);
    expect(map.conns(1, 3)).toBe(ConnsTable.NONE);
    expect(map.conns(3, 1)).toBe(ConnsTable.ALL);
    // The workload view sees only the first replica labels: web is open.
    expect(new PodMap(new ClusterView(fixture())).conns(1, 2)).toBe(ConnsTable.ALL);
  });
});
