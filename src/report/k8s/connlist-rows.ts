/** What every `k8s connlist` format shares: options, the sorted rows, the section titles. */
import type { ConnEdge, Connlist } from '../../engine/index.js';
import { byCodeUnit, connsText, type FocusConn, focusConnText } from './conns-text.js';

/** A workload that no policy selects in one direction (txt lists them after the exposure lines). */
export interface UnprotectedWorkload {
  /** The workload as txt prints it, e.g. `hello-world/workload-a[Deployment]`. */
  readonly workload: string;
  readonly direction: 'Ingress' | 'Egress';
}

export interface ConnlistRenderOptions {
  /** Add the exposure section (`--exposure`); a Connlist without one renders empty sections. */
  readonly exposure?: boolean;
  /** `--focus-conn`: the edges hold only this connection, so lines drop their `<conns>`. */
  readonly focusConn?: FocusConn;
  /**
   * txt only, with `exposure` and without `focusConn`: the closing `Workloads not protected by
   * network policies:` list. It cannot be derived from the exposure edges (a policy allowing
   * everything gives the same edges as no policy); without it, the section's own `unprotected`
   * list is used.
   */
  readonly unprotected?: readonly UnprotectedWorkload[];
}

/** One output row; `conn` is the `<conns>` text. */
export interface ConnRow {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
}

export function rowOf(e: ConnEdge): ConnRow {
  return { src: e.src.text, dst: e.dst.text, conn: connsText(e.conns, e.named) };
}

const bySrc = (a: ConnRow, b: ConnRow) => byCodeUnit(a.src, b.src) || byCodeUnit(a.dst, b.dst);
const byDst = (a: ConnRow, b: ConnRow) => byCodeUnit(a.dst, b.dst) || byCodeUnit(a.src, b.src);

/** Connlist rows sorted by source, then destination. */
export function connlistRows(c: Connlist): ConnRow[] {
  return c.edges.map(rowOf).sort(bySrc);
}

/** Exposure rows: egress sorted by the workload (`src`), ingress by the workload (`dst`). */
export function exposureRows(c: Connlist): { egress: ConnRow[]; ingress: ConnRow[] } {
  return {
    egress: (c.exposure?.egress ?? []).map(rowOf).sort(bySrc),
    ingress: (c.exposure?.ingress ?? []).map(rowOf).sort(byDst),
  };
}

/** `Exposure Analysis Result:` or `Exposure Analysis Result On UDP 52:`. */
export function exposureTitle(opts: ConnlistRenderOptions): string {
  return `Exposure Analysis Result${opts.focusConn ? ` On ${focusConnText(opts.focusConn)}` : ''}:`;
}

export const EGRESS_TITLE = 'Egress Exposure:';
export const INGRESS_TITLE = 'Ingress Exposure:';

/**
 * The columns of one table row (`src, dst, conn`, or `dst, src, conn` for ingress exposure, the
 * workload first); with a focus connection the conn column is left out.
 */
export function columnsFor(opts: ConnlistRenderOptions): (r: ConnRow, ingressSide?: boolean) => string[] {
  const focus = opts.focusConn !== undefined;
  return (r, ingressSide = false) => {
    const [a, b] = ingressSide ? [r.dst, r.src] : [r.src, r.dst];
    return focus ? [a, b] : [a, b, r.conn];
  };
}

/** The header row, as a ConnRow, so `columnsFor` orders it like the data. */
export const HEADER: ConnRow = { src: 'src', dst: 'dst', conn: 'conn' };
