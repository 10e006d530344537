/** `npm run gen:estate -- --endpoints N [--out DIR] [--seed S]`: write a synthetic AWS CLI estate. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateAwsEstate } from './synthetic/aws-estate.js';

const { values } = parseArgs({
  options: {
    endpoints: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const n = Number(values.endpoints);
if (!Number.isInteger(n) || n < 1 || n > 64_000) {
  process.stderr.write('gen:estate: --endpoints must be an integer 1-64000\n');
  process.exit(2);
}
const out = values.out ?? join('bench-out', `estate-${n}`);
let bytes = 0;
const files = generateAwsEstate(n, Number(values.seed));
for (const f of files) {
  const path = join(out, f.path);
  mkdirSync(dirname(path), { recursive: true });
  const text = `${JSON.stringify(f.body, null, 2)}\n`;
  bytes += text.length;
  writeFileSync(path, text);
}
process.stdout.write(
  `wrote ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) for ${n} endpoints to ${out}\n`,
);
