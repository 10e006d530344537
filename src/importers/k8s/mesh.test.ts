import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';

const F = 'k8s/mesh.yaml';

describe('Istio (k8s-mesh §3.1-§3.3)', () => {
  it('PeerAuthentication, AuthorizationPolicy and DestinationRule as mesh policies', () => {
    const e = importDocs({
      [F]: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: strict, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  mtls: {mode: STRICT}
  portLevelMtls:
    "8080": {mode: PERMISSIVE}
---
apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: {name: allow-web, namespace: shop}
spec:
  action: ALLOW
  rules:
  - from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]
    to: [{operation: {methods: [GET], ports: ["8080"]}}]
    when: [{key: "request.headers[x-env]", values: [prod]}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny-nothing, namespace: shop}
spec:
  action: DENY
  targetRef: {kind: Gateway, group: gateway.networking.k8s.io, name: gw}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: db, namespace: shop}
spec:
  host: db.shop.svc.cluster.local
  trafficPolicy:
    tls: {mode: ISTIO_MUTUAL}
    portLevelSettings:
    - port: {number: 5432}
      tls: {mode: DISABLE}
  subsets:
  - name: v1
    trafficPolicy: {tls: {mode: SIMPLE}}
`,
    });
    expect(e.get('mesh-policy', 'k8s/shop/PeerAuthentication/strict')).toMatchObject({
      mesh: 'istio',
      policyKind: 'peer-authentication',
      namespace: 'shop',
      selector: { matchLabels: { app: 'db' }, matchExpressions: [] },
      mtlsMode: 'STRICT',
      portMtls: { '8080': 'PERMISSIVE' },
      rules: [],
    });
    const allow = e.get('mesh-policy', 'k8s/shop/AuthorizationPolicy/allow-web');
    expect(allow).toMatchObject({ policyKind: 'authorization', action: 'ALLOW' });
    expect(allow?.selector).toBeUndefined();
    expect(allow?.rules).toEqual([
      {
        from: [{ source: { principals: ['cluster.local/ns/shop/sa/web'] } }],
        to: [{ operation: { methods: ['GET'], ports: ['8080'] } }],
        when: [{ key: 'request.headers[x-env]', values: ['prod'] }],
      },
    ]);
    // No rules: an ALLOW matches nothing, a DENY denies nothing; kept as [] either way.
    expect(e.get('mesh-policy', 'k8s/shop/AuthorizationPolicy/deny-nothing')).toMatchObject({
      action: 'DENY',
      rules: [],
      targetRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' },
    });
    expect(e.get('mesh-policy', 'k8s/shop/DestinationRule/db')).toMatchObject({
      policyKind: 'destination-rule',
      host: 'db.shop.svc.cluster.local',
      rules: [
        {
          host: 'db.shop.svc.cluster.local',
          tlsMode: 'ISTIO_MUTUAL',
          portLevel: [{ port: 5432, tlsMode: 'DISABLE' }],
          subsets: [{ name: 'v1', tlsMode: 'SIMPLE', portLevel: [] }],
        },
      ],
    });
    expect(e.diagnostics).toEqual([]);
  });

  it('reports unknown modes and skips a policy whose selector is invalid', () => {
    const e = importDocs({
      [F]: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: pa, namespace: shop}
spec: {mtls: {mode: STRICTEST}}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ap, namespace: shop}
spec: {selector: {matchLabels: {version: 2}}, action: ALLOW}
`,
    });
    // The policy stays, without the invalid mode.
    expect(e.get('mesh-policy', 'k8s/shop/PeerAuthentication/pa')).toBeDefined();
    expect(e.get('mesh-policy', 'k8s/shop/PeerAuthentication/pa')).not.toHaveProperty('mtlsMode');
    expect(e.get('mesh-policy', 'k8s/shop/AuthorizationPolicy/ap')).toBeUndefined();
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_K8S_INVALID_VALUE ${F}:4:21 /spec/mtls/mode`,
      `error IMPORT_K8S_SELECTOR ${F}:9:42 /spec/selector/matchLabels/version`,
    ]);
  });
});

describe('Linkerd (k8s-mesh §3.3)', () => {
  it('Server, AuthorizationPolicy, MeshTLSAuthentication and NetworkAuthentication', () => {
    const e = importDocs({
      [F]: `apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata: {name: web-http, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  port: http
  proxyProtocol: HTTP/1
---
apiVersion: policy.linkerd.io/v1alpha1
kind: AuthorizationPolicy
metadata: {name: web-auth, namespace: shop}
spec:
  targetRef: {group: policy.linkerd.io, kind: Server, name: web-http}
  requiredAuthenticationRefs:
  - {group: policy.linkerd.io, kind: MeshTLSAuthentication, name: clients}
  - {group: policy.linkerd.io, kind: NetworkAuthentication, name: lan}
---
apiVersion: policy.linkerd.io/v1alpha1
kind: MeshTLSAuthentication
metadata: {name: clients, namespace: shop}
spec:
  identities: ["*.shop.serviceaccount.identity.linkerd.cluster.local"]
  identityRefs: [{kind: ServiceAccount, name: gateway}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: NetworkAuthentication
metadata: {name: lan, namespace: shop}
spec:
  networks: [{cidr: 10.0.0.0/8, except: [10.0.1.0/24]}, {cidr: 10.0.0.0/8, except: [11.0.0.0/24]}]
`,
    });
    expect(e.get('mesh-policy', 'k8s/shop/Server/web-http')).toMatchObject({
      mesh: 'linkerd',
      policyKind: 'server',
      selector: { matchLabels: { app: 'web' } },
      rules: [{ port: 'http', podSelector: { matchLabels: { app: 'web' } }, proxyProtocol: 'HTTP/1' }],
    });
    expect(e.get('mesh-policy', 'k8s/shop/AuthorizationPolicy.policy.linkerd.io/web-auth')).toMatchObject({
      policyKind: 'authorization',
      targetRef: { kind: 'Server', name: 'web-http' },
      rules: [
        {
          requiredAuthenticationRefs: [
            { kind: 'MeshTLSAuthentication', name: 'clients' },
            { kind: 'NetworkAuthentication', name: 'lan' },
          ],
        },
      ],
    });
    expect(e.get('mesh-policy', 'k8s/shop/MeshTLSAuthentication/clients')?.rules).toEqual([
      {
        identities: ['*.shop.serviceaccount.identity.linkerd.cluster.local'],
        identityRefs: [{ kind: 'ServiceAccount', name: 'gateway' }],
      },
    ]);
    expect(e.get('mesh-policy', 'k8s/shop/NetworkAuthentication/lan')).toMatchObject({
      policyKind: 'authentication',
      rules: [{ networks: [{ cidr: '10.0.0.0/8', except: ['10.0.1.0/24'] }] }],
    });
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_K8S_EXCEPT_OUTSIDE_CIDR ${F}:29:85 /spec/networks/1/except/0`,
    ]);
  });
});
