import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../../model/index.js';
import { namespaceText, podText, requirements, selectorsFullMatch, selectorText } from './selector-text.js';

const sel = (
  matchLabels: Record<string, string> = {},
  matchExpressions: LabelSelector['matchExpressions'] = [],
): LabelSelector => ({ matchLabels, matchExpressions });

describe('selectorText', () => {
  it('prints labels sorted by key, then expressions in struct form sorted as strings', () => {
    expect(
      selectorText(
        sel({ tier: 'web', app: 'shop' }, [
          { key: 'role', operator: 'NotIn', values: ['web', 'db'] },
          { key: 'env', operator: 'Exists', values: [] },
        ]),
      ),
    ).toBe(
      'app=shop,tier=web,{Key:env,Operator:Exists,Values:[],},{Key:role,Operator:NotIn,Values:[web db],}',
    );
  });

  it('keeps the written order of expression values', () => {
    expect(selectorText(sel({}, [{ key: 'app', operator: 'In', values: ['b', 'a'] }]))).toBe(
      '{Key:app,Operator:In,Values:[b a],}',
    );
  });
});

describe('namespaceText and podText', () => {
  it('prints a name-only namespace selector as the bare name', () => {
    expect(namespaceText(sel({ 'kubernetes.io/metadata.name': 'backend' }))).toBe('backend');
  });

  it('prints the name label like any label when other requirements come with it', () => {
    expect(namespaceText(sel({ 'kubernetes.io/metadata.name': 'backend', team: 'a' }))).toBe(
      '[namespace with {kubernetes.io/metadata.name=backend,team=a}]',
    );
  });

  it('prints empty selectors as all namespaces and all pods', () => {
    expect(namespaceText(sel())).toBe('[all namespaces]');
    expect(podText(sel())).toBe('[all pods]');
  });

  it('brackets labelled namespaces and pods', () => {
    expect(namespaceText(sel({ env: 'prod' }))).toBe('[namespace with {env=prod}]');
    expect(podText(sel({ app: 'db' }, [{ key: 'debug', operator: 'DoesNotExist', values: [] }]))).toBe(
      '[pod with {app=db,{Key:debug,Operator:DoesNotExist,Values:[],}}]',
    );
  });
});

describe('requirements and selectorsFullMatch', () => {
  it('lists requirements by key in the labels package form', () => {
    expect(
      requirements(
        sel({ tier: 'web' }, [
          { key: 'app', operator: 'In', values: ['b', 'a'] },
          { key: 'debug', operator: 'DoesNotExist', values: [] },
          { key: 'env', operator: 'Exists', values: [] },
          { key: 'zone', operator: 'NotIn', values: ['x'] },
        ]),
      ),
    ).toEqual(['app in (a,b)', '!debug', 'env', 'tier=web', 'zone notin (x)']);
  });

  it('reads In with one value as the label itself', () => {
    expect(
      selectorsFullMatch(sel({ app: 'x' }), sel({}, [{ key: 'app', operator: 'In', values: ['x'] }])),
    ).toBe(true);
  });

  it('matches everything with an empty rule selector', () => {
    expect(selectorsFullMatch(sel(), sel({ app: 'x' }))).toBe(true);
  });

  it('does not count containment as a match', () => {
    expect(selectorsFullMatch(sel({ app: 'x' }), sel({ app: 'x', tier: 'y' }))).toBe(false);
    expect(selectorsFullMatch(sel({ app: 'x' }), sel())).toBe(false);
  });

  it('ignores the order of values', () => {
    const a = sel({}, [{ key: 'app', operator: 'NotIn', values: ['b', 'a'] }]);
    const b = sel({}, [{ key: 'app', operator: 'NotIn', values: ['a', 'b'] }]);
    expect(selectorsFullMatch(a, b)).toBe(true);
  });
});
