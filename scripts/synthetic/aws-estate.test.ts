import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importers/index.js';
import { buildEstate } from '../../src/model/index.js';
import { generateAwsEstate } from './aws-estate.js';

describe('synthetic AWS estate (npm run gen:estate)', () => {
  it('is deterministic per seed and imports cleanly with the requested endpoint count', () => {
    const files = generateAwsEstate(600, 7);
    expect(JSON.stringify(generateAwsEstate(600, 7))).toBe(JSON.stringify(files));
    expect(JSON.stringify(generateAwsEstate(600, 8))).not.toBe(JSON.stringify(files));
    const estate = buildEstate(files.flatMap((f) => importText(f.path, JSON.stringify(f.body))));
    expect(estate.diagnostics).toEqual([]);
    expect(estate.all('instance')).toHaveLength(600);
    expect(estate.all('network')).toHaveLength(3);
    // 600 instance ENIs plus one NAT gateway interface per VPC.
    expect(estate.all('endpoint')).toHaveLength(603);
  });
});
