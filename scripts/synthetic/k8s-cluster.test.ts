import { describe, expect, it } from 'vitest';
import { createImportRun } from '../../src/importers/index.js';
import { buildEstate } from '../../src/model/index.js';
import { generateK8sCluster } from './k8s-cluster.js';

describe('synthetic Kubernetes cluster (connectivity-map benchmark)', () => {
  it('is deterministic per seed and imports cleanly with the requested counts', () => {
    const c = generateK8sCluster(300, 7);
    expect(JSON.stringify(generateK8sCluster(300, 7))).toBe(JSON.stringify(c));
    expect(JSON.stringify(generateK8sCluster(300, 8))).not.toBe(JSON.stringify(c));
    const run = createImportRun();
    const fragments = c.files.flatMap((f) => run.importText(f.path, f.text));
    const estate = buildEstate([...fragments, ...run.finish()]);
    expect(estate.diagnostics).toEqual([]);
    expect(estate.all('workload')).toHaveLength(300);
    expect(estate.all('namespace')).toHaveLength(30);
    const policies = estate.all('pod-policy');
    expect(policies).toHaveLength(120);
    const kinds = new Set(policies.map((p) => p.policyKind));
    expect(kinds).toEqual(
      new Set(['network-policy', 'admin-network-policy', 'baseline-admin-network-policy']),
    );
  });
});
