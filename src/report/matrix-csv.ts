import type { Matrix } from '../engine/index.js';

// RFC 4180: quote a field that holds a comma, quote or line break.
const field = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** `matrix --format csv`: one row per non-empty cell; undecided traffic in its own column. */
export function renderMatrixCsv(m: Matrix): string {
  const undecided = new Map(m.undecided.map((c) => [`${c.from}\u0000${c.to}`, c.connections]));
  const rows = ['from,to,connections,undecided'];
  const seen = new Set<string>();
  for (const c of m.cells) {
    const key = `${c.from}\u0000${c.to}`;
    seen.add(key);
    rows.push([c.from, c.to, c.connections, undecided.get(key) ?? ''].map(field).join(','));
  }
  for (const c of m.undecided)
    if (!seen.has(`${c.from}\u0000${c.to}`))
      rows.push([c.from, c.to, '', c.connections].map(field).join(','));
  return `${rows.join('\n')}\n`;
}
