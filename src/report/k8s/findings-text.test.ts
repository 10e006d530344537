/** `k8s findings` reporters: text lines and the json object. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CNI, type K8sFinding } from '../../engine/index.js';
import { fixedSource } from '../../model/index.js';
import { renderCniProfileText } from './cni-text.js';
import { renderK8sFindingsJson } from './findings-json.js';
import { renderK8sFindingsText } from './findings-text.js';

const FINDINGS: K8sFinding[] = [
  {
    id: 'k8s-policies-not-enforced',
    title: 'Network policies under a CNI that does not enforce them',
    severity: 'high',
    resources: ['k8s/shop/NetworkPolicy/a', 'k8s/shop/NetworkPolicy/b'],
    message: 'The flannel CNI does not enforce network policies',
    location: fixedSource('k8s/p.yaml', '', 12, 1),
    evidence: { cni: 'flannel', policies: 2 },
  },
  {
    id: 'k8s-namespace-no-default-deny-egress',
    title: 'Namespace without default-deny egress',
    severity: 'low',
    resources: ['shop'],
    message: 'shop has no default-deny egress policy',
  },
];

describe('renderK8sFindingsText', () => {
  it('a count line, then one line per finding and its location', () => {
    expect(renderK8sFindingsText(FINDINGS).split('\n')).toEqual([
      'Findings (2): 0 critical, 1 high, 0 medium, 1 low, 0 info',
      'high     k8s-policies-not-enforced (k8s/shop/NetworkPolicy/a, k8s/shop/NetworkPolicy/b): The flannel CNI does not enforce network policies',
      '  at k8s/p.yaml:12',
      'low      k8s-namespace-no-default-deny-egress (shop): shop has no default-deny egress policy',
      '',
    ]);
  });

  it('no findings', () => {
    expect(renderK8sFindingsText([])).toBe('Findings: none\n');
  });
});

describe('renderK8sFindingsJson', () => {
  it('findings with plain locations, the CNI profile with its evidence, diagnostics', () => {
    const doc = JSON.parse(renderK8sFindingsJson(FINDINGS, DEFAULT_CNI, 'nothing given', []));
    expect(doc).toEqual({
      findings: [
        {
          id: 'k8s-policies-not-enforced',
          title: 'Network policies under a CNI that does not enforce them',
          severity: 'high',
          resources: ['k8s/shop/NetworkPolicy/a', 'k8s/shop/NetworkPolicy/b'],
          message: 'The flannel CNI does not enforce network policies',
          location: { file: 'k8s/p.yaml', pointer: '', line: 12, column: 1 },
          evidence: { cni: 'flannel', policies: 2 },
        },
        {
          id: 'k8s-namespace-no-default-deny-egress',
          title: 'Namespace without default-deny egress',
          severity: 'low',
          resources: ['shop'],
          message: 'shop has no default-deny egress policy',
        },
      ],
      cni: {
        name: 'default',
        enforcesNetworkPolicy: true,
        ipBlockMatchesPods: false,
        supportsAdminNetworkPolicy: true,
        evidence: 'nothing given',
      },
      diagnostics: [],
    });
  });
});

describe('renderCniProfileText', () => {
  it('says whether policies are enforced', () => {
    expect(renderCniProfileText(DEFAULT_CNI, 'nothing given')).toBe(
      'rampart: CNI profile default (nothing given): policies enforced; ipBlocks do not match pod addresses\n',
    );
  });
});
