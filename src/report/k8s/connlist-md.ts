/** `k8s connlist --format md`: netpol-analyzer's markdown tables. */
import type { Connlist } from '../../engine/index.js';
import {
  type ConnlistRenderOptions,
  type ConnRow,
  connlistRows,
  EGRESS_TITLE,
  exposureRows,
  exposureTitle,
  INGRESS_TITLE,
} from './connlist-rows.js';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), `|${head.map((h) => '-'.repeat(h.length + 2)).join('|')}|`, ...rows.map(row)].join('\n');

/**
 * A `| src | dst | conn |` table; with `exposure`, `## <title>` and one `### ` table per non-empty
 * direction (ingress with the workload first). The egress table is followed by a blank line, and so
 * is the title when there is no egress table (netpol-analyzer's layout, kept as is).
 */
export function renderConnlistMd(c: Connlist, opts: ConnlistRenderOptions = {}): string {
  const focus = opts.focusConn !== undefined;
  const cols = (a: string, b: string, conn: string) => (focus ? [a, b] : [a, b, conn]);
  const main = table(
    cols('src', 'dst', 'conn'),
    connlistRows(c).map((r) => cols(r.src, r.dst, r.conn)),
  );
  if (!opts.exposure) return `${main}\n`;
  const { egress, ingress } = exposureRows(c);
  const egressPart =
    egress.length === 0
      ? ''
      : `### ${EGRESS_TITLE}\n${table(
          cols('src', 'dst', 'conn'),
          egress.map((r: ConnRow) => cols(r.src, r.dst, r.conn)),
        )}\n`;
  const ingressPart =
    ingress.length === 0
      ? ''
      : `### ${INGRESS_TITLE}\n${table(
          cols('dst', 'src', 'conn'),
          ingress.map((r: ConnRow) => cols(r.dst, r.src, r.conn)),
        )}\n`;
  return `${main}\n## ${exposureTitle(opts)}\n${egressPart}\n${ingressPart}`;
}
