/** Istio AuthorizationPolicies that match nothing (k8s-mesh §3.3, §7-10). */
import { describe, expect, it } from 'vitest';
import { brief, deployment, namespace, views } from '../../../../test/k8s/findings-fixture.js';
import { istioAuthzFindings } from './istio-authz.js';

const MESHED = namespace('shop', '{istio-injection: enabled}');
const authz = (name: string, spec: string) =>
  `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec: ${spec}`;

describe('k8s-istio-authz-allow-nothing', () => {
  it('spec: {} allows nothing: every request to the namespace workloads is denied', () => {
    const { view, mesh } = views([MESHED, deployment('shop', 'web'), authz('allow-nothing', '{}')]);
    expect(istioAuthzFindings(view, mesh).map(brief)).toEqual([
      {
        id: 'k8s-istio-authz-allow-nothing',
        resources: ['k8s/shop/AuthorizationPolicy/allow-nothing', 'shop/web[Deployment]'],
        message:
          "ALLOW AuthorizationPolicy shop/allow-nothing has no rules, so it allows nothing: every request to shop/web[Deployment] is denied (Istio's allow-nothing pattern; fine if a deny-all was meant)",
        at: 'k8s.yaml:14',
      },
    ]);
  });

  it('next to an ALLOW with rules the workload gets what that one allows; DENY without rules and rules: [{}] are fine', () => {
    const { view, mesh } = views([
      MESHED,
      deployment('shop', 'web'),
      deployment('shop', 'api'),
      authz('allow-nothing', '{}'),
      authz(
        'web-from-api',
        "{selector: {matchLabels: {app: web}}, rules: [{from: [{source: {principals: ['cluster.local/ns/shop/sa/api']}}]}]}",
      ),
      authz('deny-none', '{action: DENY}'),
      authz('allow-all', '{selector: {matchLabels: {app: none}}, rules: [{}]}'),
    ]);
    expect(istioAuthzFindings(view, mesh).map((f) => [f.id, f.message])).toEqual([
      [
        'k8s-istio-authz-selects-nothing',
        'ALLOW AuthorizationPolicy shop/allow-all selects no workload: selector {app=none} matches none of the 2 workloads in shop',
      ],
      [
        'k8s-istio-authz-allow-nothing',
        "ALLOW AuthorizationPolicy shop/allow-nothing has no rules, so it allows nothing: every request to shop/api[Deployment] is denied; shop/web[Deployment] gets only what other ALLOW policies allow (Istio's allow-nothing pattern; fine if a deny-all was meant)",
      ],
    ]);
  });
});

describe('k8s-istio-authz-selects-nothing', () => {
  it('a selector matching no workload of the namespace, whatever the action', () => {
    const { view, mesh } = views([
      MESHED,
      deployment('shop', 'web'),
      authz('deny-admin', '{action: DENY, selector: {matchLabels: {app: admin}}, rules: [{}]}'),
    ]);
    expect(istioAuthzFindings(view, mesh).map(brief)).toEqual([
      {
        id: 'k8s-istio-authz-selects-nothing',
        resources: ['k8s/shop/AuthorizationPolicy/deny-admin'],
        message:
          'DENY AuthorizationPolicy shop/deny-admin selects no workload: selector {app=admin} matches none of the 1 workload in shop',
        at: 'k8s.yaml:14',
      },
    ]);
  });
});
