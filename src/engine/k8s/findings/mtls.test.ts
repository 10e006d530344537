/** mTLS that lets plaintext in (k8s-mesh §3.1, Linkerd default inbound policy). */
import { describe, expect, it } from 'vitest';
import { brief, deployment, namespace, views } from '../../../../test/k8s/findings-fixture.js';
import { mtlsFindings } from './mtls.js';

const MESHED = namespace('shop', '{istio-injection: enabled}');
const pa = (name: string, spec: string, ns = 'shop') =>
  `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec}`;

describe('k8s-istio-mtls-permissive / -disabled', () => {
  it('a namespace-wide PERMISSIVE names the workloads that take their mode from it', () => {
    const { view, mesh } = views([
      MESHED,
      deployment('shop', 'web'),
      pa('open', '  mtls: {mode: PERMISSIVE}'),
    ]);
    expect(mtlsFindings(view, mesh).map(brief)).toEqual([
      {
        id: 'k8s-istio-mtls-permissive',
        resources: ['k8s/shop/PeerAuthentication/open', 'shop/web[Deployment]'],
        message:
          'PeerAuthentication shop/open sets mTLS PERMISSIVE for namespace shop: shop/web[Deployment] accepts plaintext as well as mTLS, so clients without a sidecar connect unencrypted and unauthenticated',
        at: 'k8s.yaml:14',
      },
    ]);
  });

  it('a workload-level DISABLE on one port; a STRICT namespace does not report its workloads', () => {
    const { view, mesh } = views([
      MESHED,
      deployment('shop', 'web'),
      deployment('shop', 'api'),
      pa('strict', '  mtls: {mode: STRICT}'),
      pa('api-metrics', '  selector: {matchLabels: {app: api}}\n  portLevelMtls: {"9091": {mode: DISABLE}}'),
    ]);
    expect(mtlsFindings(view, mesh).map(brief)).toEqual([
      {
        id: 'k8s-istio-mtls-disabled',
        resources: ['k8s/shop/PeerAuthentication/api-metrics', 'shop/api[Deployment]'],
        message:
          'PeerAuthentication shop/api-metrics sets mTLS DISABLE for workloads matching {app=api} in shop on port 9091: shop/api[Deployment] accepts plaintext only, so traffic to them is neither encrypted nor authenticated and principal rules of AuthorizationPolicies never match',
        at: 'k8s.yaml:29',
      },
    ]);
  });

  it('a mesh-wide PERMISSIVE in istio-system overridden everywhere by STRICT affects nobody, and says so', () => {
    const { view, mesh } = views([
      MESHED,
      deployment('shop', 'web'),
      pa('mesh', '  mtls: {mode: PERMISSIVE}', 'istio-system'),
      pa('strict', '  mtls: {mode: STRICT}'),
    ]);
    expect(mtlsFindings(view, mesh).map((f) => f.message)).toEqual([
      'PeerAuthentication istio-system/mesh sets mTLS PERMISSIVE for the whole mesh: no sidecar-injected workload in the inputs takes its mode from it',
    ]);
  });
});

describe('k8s-istio-mtls-default-permissive', () => {
  it('sidecar workloads with no PeerAuthentication run PERMISSIVE; grouped per namespace; opted-out pods skipped', () => {
    const { view, mesh } = views([
      MESHED,
      deployment('shop', 'web'),
      deployment('shop', 'api'),
      deployment('shop', 'legacy', "'sidecar.istio.io/inject': 'false'"),
      deployment('plain', 'batch'),
    ]);
    expect(mtlsFindings(view, mesh).map(brief)).toEqual([
      {
        id: 'k8s-istio-mtls-default-permissive',
        resources: ['shop', 'shop/api[Deployment]', 'shop/web[Deployment]'],
        message:
          "2 workloads in shop run the Istio sidecar but no PeerAuthentication sets a mode, so Istio's default PERMISSIVE applies: shop/api[Deployment], shop/web[Deployment] accept plaintext as well as mTLS",
        at: 'k8s.yaml:1',
      },
    ]);
  });
});

describe('k8s-linkerd-default-all-unauthenticated', () => {
  it('meshed namespaces without another default inbound policy', () => {
    const linkerd = (name: string, policy = '') =>
      namespace(
        name,
        '{}',
        `, annotations: {linkerd.io/inject: enabled${policy ? `, config.linkerd.io/default-inbound-policy: ${policy}` : ''}}`,
      );
    const { view, mesh } = views([
      linkerd('open'),
      linkerd('closed', 'all-authenticated'),
      deployment('open', 'web'),
      deployment('closed', 'api'),
    ]);
    expect(mtlsFindings(view, mesh).map(brief)).toEqual([
      {
        id: 'k8s-linkerd-default-all-unauthenticated',
        resources: ['open', 'open/web[Deployment]'],
        message:
          '1 workload in open runs the Linkerd proxy with the default inbound policy all-unauthenticated (the cluster default: the inputs set no config.linkerd.io/default-inbound-policy): on ports no Server covers, open/web[Deployment] accepts any client, meshed or not, without authentication',
        at: 'k8s.yaml:1',
      },
    ]);
  });
});
