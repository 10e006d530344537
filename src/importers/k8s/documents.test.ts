import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';
import { importers } from '../registry.js';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

describe('files and documents', () => {
  it('reads Helm output: --- separators, # Source: headers, empty documents', () => {
    const helm = [
      '---',
      '# Source: shop/templates/ns.yaml',
      ns('shop').trimEnd(),
      '---',
      '# Source: shop/templates/empty.yaml',
      '---',
      '# Source: shop/templates/np.yaml',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: deny, namespace: shop}',
      'spec: {podSelector: {}}',
      '',
    ].join('\n');
    const e = importDocs({ 'chart/out.yaml': helm });
    expect(e.elements.map((x) => `${x.kind} ${x.id} ${x.source.line}`)).toEqual([
      'namespace k8s/shop 3',
      'pod-policy k8s/shop/NetworkPolicy/deny 11',
    ]);
    expect(e.diagnostics).toEqual([]);
  });

  it('expands List and *List kinds, whose items may omit apiVersion and kind', () => {
    const e = importDocs({
      'lists.yaml': [
        'apiVersion: v1\nkind: NamespaceList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}',
        'apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: p, namespace: a}\n  spec: {containers: []}',
        'apiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata: {name: n, namespace: b}\n  spec: {podSelector: {}}\n- apiVersion: v1\n  kind: List\n  items: [{apiVersion: v1, kind: Namespace, metadata: {name: c}}]\n- {metadata: {name: no-kind}}',
      ].join('\n---\n'),
    });
    expect(e.elements.map((x) => `${x.kind} ${x.id} ${x.source.pointer}`)).toEqual([
      'namespace k8s/a /items/0',
      'namespace k8s/b /items/1',
      'namespace k8s/c /items/1/items/0',
      'workload k8s/a/Pod/p /items/0',
      'pod-policy k8s/b/NetworkPolicy/n /items/0',
    ]);
    expect(codes(e.diagnostics)).toEqual(['error IMPORT_MISSING_FIELD lists.yaml:23:3 /items/2']);
  });

  it('reads Kubernetes JSON too, and a syntax error loses only its own document', () => {
    const e = importDocs({
      'k8s/ns.json': { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'j' } },
      'k8s/two.yml': `${ns('y1')}---\nkind: [\n---\n${ns('y2')}`,
    });
    expect(e.all('namespace').map((n) => n.id)).toEqual(['k8s/j', 'k8s/y1', 'k8s/y2']);
    expect(codes(e.diagnostics)).toEqual(['fatal IMPORT_YAML_SYNTAX k8s/two.yml:7:1 ']);
  });

  it('tabs indenting a flow sequence: read as spaces, with a warning (kubectl accepts them)', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: t}\nspec:\n  containers:\n  - name: c\n    args:\n      [\n\t      "-x",\n      ]\n';
    const e = importDocs({ 'tabs.yaml': text });
    expect(e.all('workload').map((w) => w.id)).toEqual(['k8s/default/Pod/t']);
    expect(codes(e.diagnostics)).toEqual(['warning IMPORT_YAML_TABS tabs.yaml:9:1 ']);
  });

  it('files that are not Kubernetes objects: at most unsupported, whatever the format', () => {
    const e = importDocs({
      'notes.yaml': '# just notes\ntitle: hello\nitems: [1, 2]\n---\nplain text\n',
      'values.yaml': 'replicaCount: 1\nimage: {repository: nginx}\n',
      'out.json': [{ src: 'a', dst: 'b' }],
      'k8s/route.yaml':
        'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: x}\nspec: {rules: []}\n',
      'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n',
    });
    expect(e.elements).toEqual([]);
    expect(codes(e.diagnostics)).toEqual([
      'unsupported IMPORT_K8S_UNSUPPORTED k8s/route.yaml:1:1 ',
      'unsupported IMPORT_UNRECOGNIZED notes.yaml:2:1 ',
      'unsupported IMPORT_UNRECOGNIZED notes.yaml:5:1 ',
      'unsupported IMPORT_UNRECOGNIZED out.json:1:1 ',
      'unsupported IMPORT_UNRECOGNIZED values.yaml:1:1 ',
    ]);
  });

  it('each document goes to one importer: AWS and Terraform never take Kubernetes objects, nor k8s theirs', () => {
    const docs = [
      { apiVersion: 'v1', kind: 'List', items: [] },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: {} },
      { Vpcs: [] },
      { format_version: '1.2', values: {} },
      { kind: 'PodList', items: [] },
    ];
    const claims = docs.map((value) =>
      importers
        .filter((i) => i.accepts({ file: 'x', value, locator: { locate: () => undefined } }))
        .map((i) => i.id),
    );
    expect(claims).toEqual([['k8s'], ['k8s'], ['aws-cli'], ['terraform'], ['k8s']]);
  });
});
