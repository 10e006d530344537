/** `k8s connlist --format md`: netpol-analyzer's markdown tables. */
import type { Connlist } from '../../engine/index.js';
import {
  type ConnlistRenderOptions,
  type ConnRow,
  columnsFor,
  connlistRows,
  EGRESS_TITLE,
  exposureRows,
  exposureTitle,
  HEADER,
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
  const cols = columnsFor(opts);
  const main = table(
    cols(HEADER),
    connlistRows(c).map((r) => cols(r)),
  );
  if (!opts.exposure) return `${main}\n`;
  const { egress, ingress } = exposureRows(c);
  const part = (title: string, rows: readonly ConnRow[], ingressSide: boolean) =>
    rows.length === 0
      ? ''
      : `### ${title}\n${table(
          cols(HEADER, ingressSide),
          rows.map((r) => cols(r, ingressSide)),
        )}\n`;
  const egressPart = part(EGRESS_TITLE, egress, false);
  const ingressPart = part(INGRESS_TITLE, ingress, true);
  return `${main}\n## ${exposureTitle(opts)}\n${egressPart}\n${ingressPart}`;
}
