/**
 * Edge annotations above L4 (issue #4 item 4; k8s-mesh §2, §3.1-§3.4, §7-10): Istio mTLS modes and
 * DestinationRules, Istio authorization (ALLOW/DENY, principals need mTLS, HTTP fields become L7
 * limits), Cilium HTTP rules and the L4 allow that cancels them, Linkerd Servers and default policy.
 */
import { describe, expect, it } from 'vitest';
import { importDocs } from '../../../test/support.js';
import { annotateEdges } from './annotate.js';
import { cancelledL7 } from './cilium-l7.js';
import { connectivityOf } from './connectivity.js';
import type { ConnEdge } from './connlist.js';
import { ClusterView } from './view.js';

const pod = (ns: string, name: string, sa: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}, labels: {app: ${name}}${extra}}
spec:
  serviceAccountName: ${sa}
  containers: [{name: c, ports: [{name: http, containerPort: 9090}, {name: admin, containerPort: 9091}]}]`;

const ISTIO_BASE = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {istio-injection: enabled}}',
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: old}',
  pod('shop', 'web', 'web'),
  pod('shop', 'api', 'api'),
  pod('shop', 'batch', 'batch'),
  pod('old', 'legacy', 'legacy'),
  'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: 9090}]}',
];

function edges(...docs: string[]): Map<string, ConnEdge> {
  const estate = importDocs({ 'all.yaml': docs.join('\n---\n') });
  const view = new ClusterView(estate);
  const c = annotateEdges(view, estate, connectivityOf(view));
  return new Map(c.edges.map((e) => [`${e.src.name} -> ${e.dst.name}`, e]));
}

const conns = (e: ConnEdge | undefined) => (e ? `${e.conns.tcp}|${e.conns.udp}|${e.conns.sctp}` : 'none');

describe('Istio mTLS (k8s-mesh §3.1-§3.2)', () => {
  const STRICT =
    'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: strict, namespace: shop}\nspec: {mtls: {mode: STRICT}}';

  it('STRICT: two sidecars speak mTLS; a client without sidecar is refused, with the reason', () => {
    const m = edges(...ISTIO_BASE, STRICT);
    expect(m.get('web -> api')?.mtls).toEqual([
      { conns: m.get('web -> api')!.conns, mode: 'required', encrypted: true, mesh: 'istio' },
    ]);
    expect(m.has('legacy -> api')).toBe(false);
    // From outside the cluster there is no sidecar either.
    expect(m.has('0.0.0.0-255.255.255.255 -> api')).toBe(false);
    // Toward the plain namespace nothing changes: no sidecar there, plaintext.
    expect(m.get('api -> legacy')?.mtls?.[0]).toMatchObject({
      mode: 'plaintext',
      encrypted: false,
      mesh: 'none',
    });
  });

  it('a port-level PERMISSIVE opens that port to the plaintext client only', () => {
    const m = edges(
      ...ISTIO_BASE,
      STRICT,
      'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: api-admin, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  portLevelMtls: {"9091": {mode: PERMISSIVE}}',
    );
    const e = m.get('legacy -> api');
    expect(conns(e)).toBe('9091|none|none');
    expect(e?.mtls).toEqual([{ conns: e!.conns, mode: 'optional', encrypted: false, mesh: 'istio' }]);
    expect(e?.notes?.[0]).toMatch(
      /^refused: k8s\/shop\/PeerAuthentication.* requires mTLS and the client has no sidecar$/,
    );
  });

  it('a DestinationRule that disables TLS breaks the client under STRICT', () => {
    const m = edges(
      ...ISTIO_BASE,
      STRICT,
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: api-plain, namespace: shop}\nspec: {host: api.shop.svc.cluster.local, trafficPolicy: {tls: {mode: DISABLE}}}',
    );
    expect(m.has('web -> api')).toBe(false);
    expect(m.get('web -> batch')?.mtls?.[0]).toMatchObject({ mode: 'required', encrypted: true });
  });

  it('PERMISSIVE (the default) accepts both and says which one is used', () => {
    const m = edges(...ISTIO_BASE);
    expect(m.get('web -> api')?.mtls?.[0]).toMatchObject({ mode: 'optional', encrypted: true });
    expect(m.get('legacy -> api')?.mtls?.[0]).toMatchObject({ mode: 'optional', encrypted: false });
    expect(m.get('0.0.0.0-255.255.255.255 -> api')?.mtls?.[0]).toMatchObject({
      mode: 'optional',
      encrypted: false,
    });
  });
});

describe('Istio authorization (k8s-mesh §3.3)', () => {
  const allowWeb = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: api-allow, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  action: ALLOW
  rules:
  - from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]
    to: [{operation: {ports: ["9090"], methods: [GET], paths: [/v1/*]}}]`;

  it('an ALLOW with HTTP fields lets the port through for matching requests only; others are refused', () => {
    const m = edges(...ISTIO_BASE, allowWeb);
    const e = m.get('web -> api');
    expect(conns(e)).toBe('9090|none|none');
    expect(e?.l7).toEqual([
      {
        enforcedBy: 'istio',
        effect: 'allow-only',
        conns: e!.conns,
        requests: [{ methods: ['GET'], paths: ['/v1/*'] }],
        policy: 'k8s/shop/AuthorizationPolicy/api-allow',
      },
    ]);
    expect(m.has('batch -> api')).toBe(false);
  });

  it('principals need mTLS: a plaintext client never matches them', () => {
    const m = edges(
      ...ISTIO_BASE,
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: any-principal, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  rules: [{from: [{source: {principals: ["*"]}}]}]',
    );
    expect(m.has('legacy -> api')).toBe(false);
    expect(conns(m.get('batch -> api'))).toBe(conns(m.get('batch -> web')));
  });

  it('spec {} ALLOW denies everything; a DENY on ports only takes them out', () => {
    const m = edges(
      ...ISTIO_BASE,
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: nothing, namespace: shop}\nspec: {selector: {matchLabels: {app: api}}}',
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: no-admin, namespace: shop}\nspec:\n  selector: {matchLabels: {app: batch}}\n  action: DENY\n  rules: [{to: [{operation: {ports: ["9091"]}}]}]',
    );
    expect(m.has('web -> api')).toBe(false);
    expect(m.get('web -> batch')?.conns.tcp.contains(9091)).toBe(false);
    expect(m.get('web -> batch')?.conns.tcp.contains(9090)).toBe(true);
  });
});

describe('Cilium HTTP rules (k8s-mesh §2)', () => {
  const cnp = (l4Too: boolean) => `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api-l7, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
    toPorts: [{ports: [{port: "9090", protocol: TCP}], rules: {http: [{method: GET, path: /health}]}}]
${l4Too ? '  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: "9090", protocol: TCP}]}]' : ''}`;

  it('an HTTP rule limits the port to matching requests', () => {
    const m = edges(pod('shop', 'web', 'web'), pod('shop', 'api', 'api'), cnp(false));
    const e = m.get('web -> api');
    expect(conns(e)).toBe('9090|none|none');
    expect(e?.l7).toEqual([
      {
        enforcedBy: 'cilium',
        effect: 'allow-only',
        conns: e!.conns,
        requests: [{ methods: ['GET'], paths: ['/health'] }],
        policy: 'k8s/shop/CiliumNetworkPolicy/api-l7',
      },
    ]);
  });

  it('an L4 allow of the same port cancels it, and cancelledL7 says so', () => {
    const docs = [pod('shop', 'web', 'web'), pod('shop', 'api', 'api'), cnp(true)];
    expect(edges(...docs).get('web -> api')?.l7).toBeUndefined();
    const estate = importDocs({ 'all.yaml': docs.join('\n---\n') });
    const view = new ClusterView(estate);
    const [web, api] = [
      view.pods.find((p) => p.workload.name === 'web')!,
      view.pods.find((p) => p.workload.name === 'api')!,
    ];
    const found = cancelledL7(
      view,
      {
        subject: api,
        direction: 'ingress',
        other: { kind: 'pod', pod: web },
        dst: { kind: 'pod', pod: api },
      },
      edges(...docs).get('web -> api')!.conns,
    );
    expect(found.map((f) => `${f.policy} ${f.conns.tcp}`)).toEqual([
      'k8s/shop/CiliumNetworkPolicy/api-l7 9090',
    ]);
  });
});

describe('Linkerd (k8s-mesh §3, Linkerd)', () => {
  const NS =
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, annotations: {linkerd.io/inject: enabled}}';
  const server =
    'apiVersion: policy.linkerd.io/v1beta3\nkind: Server\nmetadata: {name: api-http, namespace: shop}\nspec: {podSelector: {matchLabels: {app: api}}, port: http}';
  const authz = `apiVersion: policy.linkerd.io/v1alpha1
kind: AuthorizationPolicy
metadata: {name: api-from-web, namespace: shop}
spec:
  targetRef: {group: policy.linkerd.io, kind: Server, name: api-http}
  requiredAuthenticationRefs: [{group: policy.linkerd.io, kind: MeshTLSAuthentication, name: web-id}]
---
apiVersion: policy.linkerd.io/v1alpha1
kind: MeshTLSAuthentication
metadata: {name: web-id, namespace: shop}
spec: {identities: [web.shop.serviceaccount.identity.linkerd.cluster.local]}`;

  it('a Server port admits only what an AuthorizationPolicy names; other ports follow the default policy', () => {
    const m = edges(
      NS,
      pod('shop', 'web', 'web'),
      pod('shop', 'api', 'api'),
      pod('shop', 'batch', 'batch'),
      server,
      authz,
    );
    expect(m.get('web -> api')?.mtls).toEqual([
      { conns: expect.anything(), mode: 'required', encrypted: true, mesh: 'linkerd' },
      { conns: expect.anything(), mode: 'optional', encrypted: true, mesh: 'linkerd' },
    ]);
    expect(m.get('web -> api')?.conns.tcp.contains(9090)).toBe(true);
    const batch = m.get('batch -> api');
    expect(batch?.conns.tcp.contains(9090)).toBe(false);
    expect(batch?.conns.tcp.contains(9091)).toBe(true);
    expect(batch?.notes).toEqual([
      'Server k8s/shop/Server/api-http refuses shop/batch: no AuthorizationPolicy admits it',
    ]);
  });

  it('a deny default inbound policy refuses everything not authorized', () => {
    const m = edges(
      NS,
      pod('shop', 'web', 'web'),
      pod('shop', 'api', 'api', ', annotations: {config.linkerd.io/default-inbound-policy: deny}'),
    );
    expect(m.has('web -> api')).toBe(false);
    expect(m.get('api -> web')?.mtls?.[0]).toMatchObject({
      mode: 'optional',
      encrypted: true,
      mesh: 'linkerd',
    });
  });

  it('an AuthorizationPolicy on an HTTPRoute (not modelled) keeps the Server port reachable, with a note', () => {
    const route = `apiVersion: policy.linkerd.io/v1alpha1
kind: AuthorizationPolicy
metadata: {name: api-route, namespace: shop}
spec:
  targetRef: {group: policy.linkerd.io, kind: HTTPRoute, name: api-get}
  requiredAuthenticationRefs: [{group: policy.linkerd.io, kind: MeshTLSAuthentication, name: web-id}]`;
    const m = edges(
      NS,
      pod('shop', 'web', 'web'),
      pod('shop', 'api', 'api'),
      pod('shop', 'batch', 'batch'),
      server,
      route,
    );
    const batch = m.get('batch -> api');
    expect(batch?.conns.tcp.contains(9090)).toBe(true);
    expect(batch?.notes).toEqual([
      'Server k8s/shop/Server/api-http: route-level AuthorizationPolicies (not modelled) may admit some requests',
    ]);
  });
});
