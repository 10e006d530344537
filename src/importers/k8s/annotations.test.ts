/** Mesh membership comes from annotations (k8s-mesh §3): only mesh-related ones are kept. */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';

describe('mesh annotations', () => {
  it('keeps istio and linkerd annotations of namespaces and pod templates, drops the rest', () => {
    const e = importDocs({
      'a.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  annotations: {linkerd.io/inject: enabled, kubectl.kubernetes.io/last-applied-configuration: "{}"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: api}
      annotations: {sidecar.istio.io/inject: "false", prometheus.io/scrape: "true"}
    spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop, annotations: {config.linkerd.io/default-inbound-policy: deny}}
`,
    });
    expect(e.get('namespace', 'k8s/shop')?.annotations).toEqual({ 'linkerd.io/inject': 'enabled' });
    const [api, pod] = e.all('workload');
    expect(api?.annotations).toEqual({ 'sidecar.istio.io/inject': 'false' });
    expect(pod?.annotations).toEqual({ 'config.linkerd.io/default-inbound-policy': 'deny' });
  });
});
