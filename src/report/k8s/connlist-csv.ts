/** `k8s connlist --format csv`: netpol-analyzer's CSV (Go `encoding/csv` quoting). */
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

// Go quotes a field holding a comma, quote or line break, or starting with white space.
const field = (s: string) => (/[",\r\n]|^\s|^\\\.$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const record = (fields: readonly string[]) => `${fields.map(field).join(',')}\n`;

/**
 * Header `src,dst,conn` and one record per edge; with `exposure`, title records padded to three
 * fields, then the egress records (`src,dst,conn`) and the ingress records, workload first
 * (`dst,src,conn`). With `focusConn` the conn column is left out.
 */
export function renderConnlistCsv(c: Connlist, opts: ConnlistRenderOptions = {}): string {
  const cols = columnsFor(opts);
  let out = record(cols(HEADER));
  for (const r of connlistRows(c)) out += record(cols(r));
  if (!opts.exposure) return out;
  const { egress, ingress } = exposureRows(c);
  out += record([exposureTitle(opts), '', '']);
  const section = (title: string, rows: ConnRow[], ingressSide: boolean) => {
    if (rows.length === 0) return;
    out += record([title, '', '']);
    out += record(cols(HEADER, ingressSide));
    for (const r of rows) out += record(cols(r, ingressSide));
  };
  section(EGRESS_TITLE, egress, false);
  section(INGRESS_TITLE, ingress, true);
  return out;
}
