/**
 * Issue #2 item 4: every file of shared/conformance/cloud imports without a fatal diagnostic
 * (Azure and non-snapshot files are reported as unsupported, never fatal).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../src/importers/index.js';
import { buildEstate } from '../src/model/index.js';
import { cloudConformance, listJson } from './support.js';

const files = listJson(cloudConformance);

describe('shared/conformance/cloud imports', () => {
  it('has the suite beside the checkout', () => {
    expect(files.length).toBeGreaterThan(500);
  });

  it.each(files.map((f) => [relative(cloudConformance, f), f]))(
    '%s: no fatal or error diagnostic',
    (_name, file) => {
      const fragments = importText(relative(cloudConformance, file), readFileSync(file, 'utf8'));
      const bad = fragments
        .flatMap((f) => f.diagnostics)
        .filter((d) => d.severity === 'fatal' || d.severity === 'error');
      expect(bad.map((d) => `${d.code} ${d.source.pointer} ${d.message}`)).toEqual([]);
    },
  );

  it('reads every Batfish scenario into networks, and the hybrid-cloud instances the notebook names', () => {
    const e = buildEstate(
      files.flatMap((f) => importText(relative(cloudConformance, f), readFileSync(f, 'utf8'))),
    );
    for (const id of [
      'i-04cd3db5124a05ee6',
      'i-01602d9efaed4409a',
      'i-0a5d64b8b58c6dd09',
      'i-02cae6eaa9edeed70',
    ])
      expect(e.get('instance', id)?.endpointIds.length).toBe(1);
    const pub = e.get('instance', 'i-01602d9efaed4409a');
    const eni = e.get('endpoint', pub?.endpointIds[0] ?? '');
    // expected-answers.yaml: private 10.20.1.207, public 13.59.144.125, ENI eni-01997085076a9b98a
    expect(eni).toMatchObject({
      id: 'eni-01997085076a9b98a',
      privateIps: ['10.20.1.207'],
      publicIps: ['13.59.144.125'],
      region: 'us-east-2',
    });
  });
});
