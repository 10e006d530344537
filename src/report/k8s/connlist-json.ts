/** `k8s connlist --format json`: netpol-analyzer's JSON (Go `json.MarshalIndent`, two spaces). */
import type { ConnEdge, Connlist } from '../../engine/index.js';
import { type ConnlistRenderOptions, type ConnRow, connlistRows, exposureRows } from './connlist-rows.js';
import { connsText } from './conns-text.js';

/**
 * What the mesh and Cilium add to an edge (issue #4 item 4), as extra keys after netpol-analyzer's
 * three; absent when there is nothing, so outputs without a mesh stay netpol-analyzer's exactly.
 */
function annotations(e: ConnEdge | undefined): { [key: string]: Json } {
  if (!e) return {};
  const out: { [key: string]: Json } = {};
  if (e.mtls?.length)
    out.mtls = e.mtls.map((m) => ({
      conn: connsText(m.conns),
      mode: m.mode,
      encrypted: m.encrypted,
      mesh: m.mesh,
    }));
  if (e.l7?.length)
    out.l7 = e.l7.map((x) => ({
      conn: connsText(x.conns),
      enforcedBy: x.enforcedBy,
      effect: x.effect,
      policy: x.policy,
      requests: x.requests.map((q) =>
        Object.fromEntries(Object.entries(q).map(([k, v]) => [k, [...(v as string[])]])),
      ),
    }));
  if (e.notes?.length) out.notes = [...e.notes];
  return out;
}

type Json = string | boolean | null | readonly Json[] | { readonly [key: string]: Json };

// Go's encoder escapes <, > and & (HTML-safe) and the two JavaScript line separators.
const goString = (s: string) =>
  JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** Go's indented layout: one member per line, `[]` and `{}` when empty, keys in insertion order. */
function encode(v: Json, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goString(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + encode(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${goString(k)}: ${encode(x, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * A plain array of `{src, dst, conn}` (`{src, dst}` with `focusConn`); with `exposure`, an object
 * holding that array and the egress/ingress exposure arrays. netpol-analyzer writes an empty
 * exposure list as `null`, except in focus-conn output where it is `[]`.
 */
export function renderConnlistJson(c: Connlist, opts: ConnlistRenderOptions = {}): string {
  const focus = opts.focusConn !== undefined;
  const edges = new Map(c.edges.map((e) => [`${e.src.text}\n${e.dst.text}`, e]));
  const item = (r: ConnRow): Json =>
    focus ? { src: r.src, dst: r.dst } : { ...r, ...annotations(edges.get(`${r.src}\n${r.dst}`)) };
  const list: Json = connlistRows(c).map(item);
  if (!opts.exposure) return `${encode(list, '')}\n`;
  const { egress, ingress } = exposureRows(c);
  const section = (rows: ConnRow[]): Json => (rows.length === 0 && !focus ? null : rows.map(item));
  const doc: Json = focus
    ? {
        connlist_conn_focus_results: list,
        exposure_conn_focus_results: { egress_exposure: section(egress), ingress_exposure: section(ingress) },
      }
    : {
        connlist_results: list,
        exposure_results: { egress_exposure: section(egress), ingress_exposure: section(ingress) },
      };
  return `${encode(doc, '')}\n`;
}
