/** `k8s connlist --format txt`: netpol-analyzer's line grammar, byte for byte. */
import type { Connlist } from '../../engine/index.js';
import {
  type ConnlistRenderOptions,
  type ConnRow,
  connlistRows,
  EGRESS_TITLE,
  exposureRows,
  exposureTitle,
  INGRESS_TITLE,
  type UnprotectedWorkload,
} from './connlist-rows.js';
import { byCodeUnit, focusConnText } from './conns-text.js';

const UNPROTECTED_TITLE = 'Workloads not protected by network policies:';

/** `src => dst : conns` per edge; with `focusConn` a title line, then `src => dst` only. */
function connlistPart(c: Connlist, opts: ConnlistRenderOptions): string {
  const rows = connlistRows(c);
  if (opts.focusConn)
    return `Permitted connections on ${focusConnText(opts.focusConn)}:\n${rows.map((r) => `${r.src} => ${r.dst}\n`).join('')}`;
  return rows.map((r) => `${r.src} => ${r.dst} : ${r.conn}\n`).join('');
}

/** The section's own list of unprotected workloads, as txt names them. */
function unprotectedOf(c: Connlist): UnprotectedWorkload[] {
  return (c.exposure?.unprotected ?? []).map((u) => ({
    workload: u.workload.text,
    direction: u.direction === 'ingress' ? 'Ingress' : 'Egress',
  }));
}

/**
 * The exposure section. The workload column is padded to the longest workload of both
 * sub-sections, then a space, a tab, the arrow, a space and a tab (`%-Ns \t=> \t`).
 */
export function exposurePart(c: Connlist, opts: ConnlistRenderOptions): string {
  const { egress, ingress } = exposureRows(c);
  const width = Math.max(0, ...egress.map((r) => r.src.length), ...ingress.map((r) => r.dst.length));
  const line = (workload: string, arrow: string, peer: string, r: ConnRow) =>
    `${workload.padEnd(width)} \t${arrow} \t${peer}${opts.focusConn ? '' : ` : ${r.conn}`}`;
  let out = `${exposureTitle(opts)}\n`;
  if (egress.length > 0)
    out += `${EGRESS_TITLE}\n${egress.map((r) => line(r.src, '=>', r.dst, r)).join('\n')}\n`;
  if (ingress.length > 0)
    out += `${egress.length > 0 ? '\n' : ''}${INGRESS_TITLE}\n${ingress.map((r) => line(r.dst, '<=', r.src, r)).join('\n')}\n`;
  const unprotected = opts.focusConn
    ? []
    : (opts.unprotected ?? unprotectedOf(c))
        .map((u) => `${u.workload} is not protected on ${u.direction}`)
        .sort(byCodeUnit);
  if (unprotected.length > 0) out += `\n${UNPROTECTED_TITLE}\n${unprotected.join('\n')}\n`;
  return out;
}

/** The connlist lines, then (with `exposure`) a blank line and the exposure section. */
export function renderConnlistTxt(c: Connlist, opts: ConnlistRenderOptions = {}): string {
  const head = connlistPart(c, opts);
  if (!opts.exposure) return head;
  return `${head}${head === '' ? '' : '\n'}${exposurePart(c, opts)}`;
}
