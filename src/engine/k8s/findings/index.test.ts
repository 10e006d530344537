/** The finding kinds as data, and the order of `k8sFindings`. */
import { describe, expect, it } from 'vitest';
import { COREDNS, deployment, netpol, views } from '../../../../test/k8s/findings-fixture.js';
import { FINDING_SEVERITIES, K8S_FINDING_KINDS, k8sFindings } from './index.js';

describe('K8S_FINDING_KINDS', () => {
  it('ids are unique and stable in form; each kind has a remediation and cites k8s-mesh', () => {
    const ids = K8S_FINDING_KINDS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of K8S_FINDING_KINDS) {
      expect(k.id).toMatch(/^k8s-[a-z0-9-]+$/);
      expect(FINDING_SEVERITIES).toContain(k.severity);
      expect(k.title.length).toBeGreaterThan(0);
      expect(k.remediation).not.toContain('\n');
      expect(k.references.some((r) => r.startsWith('k8s-mesh §'))).toBe(true);
    }
    expect(ids).toHaveLength(20);
  });
});

describe('k8sFindings', () => {
  it('most severe first, then by id and resources; every id is a listed kind', () => {
    const { view, mesh } = views(
      [
        deployment('shop', 'web'),
        deployment('shop', 'api'),
        COREDNS,
        netpol('shop', 'api-out', '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Egress]'),
      ],
      'flannel',
    );
    const found = k8sFindings(view, mesh);
    expect(found.map((f) => `${f.severity} ${f.id} ${f.resources[0]}`)).toEqual([
      'high k8s-policies-not-enforced k8s/shop/NetworkPolicy/api-out',
      'medium k8s-namespace-no-default-deny-ingress shop',
      'low k8s-namespace-no-default-deny-egress shop',
      'low k8s-workload-unprotected-egress shop/web[Deployment]',
    ]);
    const known = new Set(K8S_FINDING_KINDS.map((k) => k.id));
    expect(found.every((f) => known.has(f.id))).toBe(true);
    // The same input lists the same way.
    expect(k8sFindings(view, mesh)).toEqual(found);
  });
});
