import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';

const F = 'k8s/app.yaml';

const pod = (name: string, labels: string, extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels: ${labels}\n${extra}spec:\n  containers:\n  - name: c\n    image: img/${name}\n`;

describe('namespaces', () => {
  it('keeps the labels and adds the name label; used but undeclared ones are synthesised', () => {
    const e = importDocs({
      [F]: [
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a}',
        'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: other}\nspec: {}',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ignored}',
      ].join('\n---\n'),
    });
    expect(e.all('namespace').map((n) => [n.id, n.name, n.labels, n.partial, n.source.line])).toEqual([
      ['k8s/other', 'other', { 'kubernetes.io/metadata.name': 'other' }, true, 9],
      ['k8s/shop', 'shop', { team: 'a', 'kubernetes.io/metadata.name': 'shop' }, undefined, 1],
    ]);
    expect(e.diagnostics).toEqual([]);
  });
});

describe('workloads (conformance README naming)', () => {
  it('reads every controller kind from its pod template', () => {
    const tpl = (labels: string) =>
      `template:\n    metadata:\n      labels: ${labels}\n    spec:\n      serviceAccountName: sa\n      hostNetwork: true\n      initContainers:\n      - {name: i, image: init, ports: [{containerPort: 9000, name: metrics}]}\n      containers:\n      - name: c\n        image: app:1\n        ports:\n        - {containerPort: 8080, name: http}\n        - {containerPort: 53, protocol: UDP}\n`;
    const docs = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']
      .map(
        (k) =>
          `apiVersion: ${k === 'Job' ? 'batch' : 'apps'}/v1\nkind: ${k}\nmetadata: {name: w, namespace: shop}\nspec:\n  ${tpl(`{app: ${k}}`)}`,
      )
      .concat([
        `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: w, namespace: shop}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: cron}}\n        spec: {containers: [{name: c, image: cron:1}]}\n`,
        `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: w, namespace: shop}\nspec:\n  ${tpl('{app: rc}')}`,
      ]);
    const e = importDocs({ [F]: docs.join('---\n') });
    expect(e.all('workload').map((w) => `${w.id} ${JSON.stringify(w.podLabels)}`)).toEqual([
      'k8s/shop/CronJob/w {"app":"cron"}',
      'k8s/shop/DaemonSet/w {"app":"DaemonSet"}',
      'k8s/shop/Deployment/w {"app":"Deployment"}',
      'k8s/shop/Job/w {"app":"Job"}',
      'k8s/shop/ReplicaSet/w {"app":"ReplicaSet"}',
      'k8s/shop/ReplicationController/w {"app":"rc"}',
      'k8s/shop/StatefulSet/w {"app":"StatefulSet"}',
    ]);
    expect(e.get('workload', 'k8s/shop/Deployment/w')).toMatchObject({
      name: 'w',
      provider: 'kubernetes',
      clusterId: 'default',
      namespace: 'shop',
      workloadKind: 'Deployment',
      serviceAccount: 'sa',
      hostNetwork: true,
      endpointIds: [],
      images: ['app:1', 'init'],
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP' },
        { port: 53, protocol: 'UDP' },
        { name: 'metrics', port: 9000, protocol: 'TCP' },
      ],
    });
    expect(e.get('workload', 'k8s/shop/CronJob/w')).toMatchObject({
      serviceAccount: 'default',
      hostNetwork: false,
      ports: [],
    });
    // Controllers have no Pod objects to list: only workloads built from pods carry `pods`.
    expect(e.all('workload').filter((w) => w.pods !== undefined)).toEqual([]);
    expect(e.diagnostics).toEqual([]);
  });

  it('merges the pods of one owner, preferring the controller reference, and keeps bare and static pods apart', () => {
    const owner = (kind: string, name: string, controller = true) =>
      `  ownerReferences:\n  - {apiVersion: v1, kind: Other, name: not-me}\n  - {apiVersion: apps/v1, kind: ${kind}, name: ${name}, controller: ${controller}}\n`;
    const e = importDocs({
      [F]: [
        pod('web-1', '{app: web}', owner('ReplicaSet', 'web-5d8')).replace(
          'spec:',
          'status: {podIP: 10.1.0.5}\nspec:',
        ),
        pod('web-2', '{app: web}', owner('ReplicaSet', 'web-5d8')).replace(
          'spec:',
          'status: {podIPs: [{ip: 10.1.0.6}, {ip: "fd00::6"}]}\nspec:',
        ),
        pod('web-3', '{app: web, canary: "true"}', owner('ReplicaSet', 'web-5d8')),
        pod('lone', '{app: lone}'),
        pod(
          'etcd-node1',
          '{app: etcd}',
          '  ownerReferences: [{kind: Node, name: node1, controller: true}]\n',
        ),
      ].join('---\n'),
    });
    expect(e.all('workload').map((w) => `${w.id} ${w.workloadKind} ${w.name}`)).toEqual([
      'k8s/shop/Pod/etcd-node1 Pod etcd-node1',
      'k8s/shop/Pod/lone Pod lone',
      'k8s/shop/ReplicaSet/web-5d8 ReplicaSet web-5d8',
    ]);
    const web = e.get('workload', 'k8s/shop/ReplicaSet/web-5d8');
    expect(web?.podLabels).toEqual({ app: 'web' });
    expect(web?.addresses).toEqual(['10.1.0.5', '10.1.0.6', 'fd00::6']);
    expect(web?.images).toEqual(['img/web-1', 'img/web-2', 'img/web-3']);
    expect(web?.source.line).toBe(1);
    expect(web?.pods).toEqual([
      { name: 'web-1', labels: { app: 'web' }, addresses: ['10.1.0.5'] },
      { name: 'web-2', labels: { app: 'web' }, addresses: ['10.1.0.6', 'fd00::6'] },
      { name: 'web-3', labels: { app: 'web', canary: 'true' }, addresses: [] },
    ]);
    expect(e.get('workload', 'k8s/shop/Pod/lone')?.pods).toEqual([
      { name: 'lone', labels: { app: 'lone' }, addresses: [] },
    ]);
    expect(codes(e.diagnostics)).toEqual([`warning IMPORT_K8S_LABELS_DIFFER ${F}:36:11 /metadata/labels`]);
  });

  it('reports a workload without a name, a missing template and bad container ports, and keeps the rest', () => {
    const e = importDocs({
      [F]: [
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {namespace: shop}\nspec: {}',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nt}\nspec: {replicas: 1}',
        `${pod('p', '{app: p}')}    ports: [{containerPort: 0}, {name: x}, {containerPort: 80, protocol: tcp}, {containerPort: 81}]\n`,
      ].join('\n---\n'),
    });
    expect(e.all('workload').map((w) => [w.id, w.ports])).toEqual([
      ['k8s/shop/Pod/p', [{ port: 81, protocol: 'TCP' }]],
    ]);
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_K8S_NO_NAME ${F}:3:11 /metadata`,
      `error IMPORT_MISSING_FIELD ${F}:9:7 /spec`,
      `error IMPORT_K8S_PORT ${F}:21:29 /spec/containers/0/ports/0/containerPort`,
      `error IMPORT_MISSING_FIELD ${F}:21:33 /spec/containers/0/ports/1`,
      `error IMPORT_K8S_PROTOCOL ${F}:21:74 /spec/containers/0/ports/2/protocol`,
    ]);
  });
});

describe('services', () => {
  it('reads selector, ports with target ports, cluster IPs and type', () => {
    const e = importDocs({
      [F]: [
        'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  clusterIP: 10.96.0.10\n  clusterIPs: [10.96.0.10, "fd00::a"]\n  ports:\n  - {name: http, port: 80, targetPort: http}\n  - {port: 53, protocol: UDP, targetPort: 5353}',
        'apiVersion: v1\nkind: Service\nmetadata: {name: headless}\nspec: {clusterIP: None, ports: [{port: 1}]}',
        'apiVersion: v1\nkind: Service\nmetadata: {name: bad}\nspec: {type: Magic, selector: {v: 1}}',
      ].join('\n---\n'),
    });
    expect(e.get('service', 'k8s/shop/Service/web')).toMatchObject({
      serviceType: 'LoadBalancer',
      selector: { matchLabels: { app: 'web' }, matchExpressions: [] },
      clusterIps: ['10.96.0.10', 'fd00::a'],
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { port: 53, targetPort: 5353, protocol: 'UDP' },
      ],
    });
    expect(e.get('service', 'k8s/default/Service/headless')).toMatchObject({
      clusterIps: [],
      serviceType: 'ClusterIP',
    });
    expect(e.get('service', 'k8s/default/Service/headless')).not.toHaveProperty('selector');
    // The service stays, without the invalid selector.
    expect(e.get('service', 'k8s/default/Service/bad')).toBeDefined();
    expect(e.get('service', 'k8s/default/Service/bad')).not.toHaveProperty('selector');
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_K8S_INVALID_VALUE ${F}:21:14 /spec/type`,
      `error IMPORT_K8S_SELECTOR ${F}:21:35 /spec/selector/v`,
    ]);
  });
});
