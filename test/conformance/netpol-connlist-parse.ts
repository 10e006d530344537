/**
 * Test helper: reads a netpol-analyzer connlist `.txt` (connlist lines, exposure section, the
 * unprotected list) back into a `Connlist`, so the other formats can be rendered from it and
 * compared with their golden files. Lives in test/: the engine, not a parser, makes Connlists.
 */
import type { ConnEdge, Connlist, K8sPeer, NamedPortRef } from '../../src/engine/index.js';
import { PodConns } from '../../src/engine/index.js';
import { type PodProtocol, PortSet } from '../../src/model/index.js';
import type { FocusConn, UnprotectedWorkload } from '../../src/report/index.js';

const PROTOCOLS: readonly PodProtocol[] = ['TCP', 'UDP', 'SCTP'];
const isProtocol = (s: string): s is PodProtocol => (PROTOCOLS as readonly string[]).includes(s);

/** `<conns>` back to a PodConns plus unresolved named ports. Throws on text it does not know. */
export function parseConns(text: string): { conns: PodConns; named: NamedPortRef[] } {
  if (text === 'All Connections') return { conns: PodConns.all(), named: [] };
  if (text === 'No Connections') return { conns: PodConns.none(), named: [] };
  let conns = PodConns.none();
  const named: NamedPortRef[] = [];
  let protocol: PodProtocol | undefined;
  for (const token of text.split(',')) {
    let item = token;
    const m = /^([A-Z]+) (.+)$/.exec(token);
    if (m) {
      if (!isProtocol(m[1]!)) throw new Error(`unknown protocol in ${JSON.stringify(text)}`);
      protocol = m[1];
      item = m[2]!;
    }
    if (!protocol) throw new Error(`conns without a protocol: ${JSON.stringify(text)}`);
    const range = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (range) {
      const lo = Number(range[1]);
      conns = conns.union(PodConns.of(protocol, PortSet.range(lo, Number(range[2] ?? lo))));
    } else if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(item)) named.push({ protocol, name: item });
    else throw new Error(`bad port item ${JSON.stringify(item)} in ${JSON.stringify(text)}`);
  }
  return { conns, named };
}

/** The peer a txt line names, classified by its form. */
export function parsePeer(text: string): K8sPeer {
  if (text === '{ingress-controller}') return { kind: 'ingress-controller', text };
  if (text === 'entire-cluster') return { kind: 'entire-cluster', text };
  const ext = /^(.+)\[External\]$/.exec(text);
  if (ext) return { kind: 'external', text, name: ext[1]! };
  const w = /^([^/[\]\s]+)\/([^/[\]\s]+)\[(\w+)\]$/.exec(text);
  if (w) return { kind: 'workload', text, namespace: w[1]!, name: w[2]!, workloadKind: w[3]! };
  return { kind: 'representative', text };
}

export interface ParsedTxt {
  readonly connlist: Connlist;
  readonly focusConn?: FocusConn;
  readonly unprotected: readonly UnprotectedWorkload[];
}

/** `udp-52` (cases.json) or `UDP 52` (txt title) to a FocusConn. */
export function parseFocusConn(text: string): FocusConn {
  const m = /^(tcp|udp|sctp)[- ](\d+)$/i.exec(text.trim());
  const protocol = m?.[1]?.toUpperCase();
  if (!m || !protocol || !isProtocol(protocol)) throw new Error(`bad focus conn ${text}`);
  return { protocol, port: Number(m[2]) };
}

type Section = 'main' | 'egress' | 'ingress' | 'unprotected';

export function parseConnlistTxt(txt: string): ParsedTxt {
  const edges: ConnEdge[] = [];
  const egress: ConnEdge[] = [];
  const ingress: ConnEdge[] = [];
  const unprotected: UnprotectedWorkload[] = [];
  const peers = new Map<string, K8sPeer>();
  let focusConn: FocusConn | undefined;
  let section: Section = 'main';
  let exposure = false;
  const peer = (text: string): K8sPeer => {
    const p = parsePeer(text);
    if ((p.kind === 'workload' || p.kind === 'ingress-controller') && !peers.has(text)) peers.set(text, p);
    return p;
  };
  const edge = (src: string, dst: string, connText: string | undefined): ConnEdge => {
    const { conns, named } = connText === undefined ? focusConns(focusConn) : parseConns(connText);
    return { src: peer(src), dst: peer(dst), conns, ...(named.length > 0 ? { named } : {}) };
  };
  for (const line of txt.split('\n')) {
    if (line.trim() === '') continue;
    const title = /^Permitted connections on (.+):$/.exec(line);
    if (title) focusConn = parseFocusConn(title[1]!);
    else if (/^Exposure Analysis Result( On .+)?:$/.test(line)) exposure = true;
    else if (line === 'Egress Exposure:') section = 'egress';
    else if (line === 'Ingress Exposure:') section = 'ingress';
    else if (line === 'Workloads not protected by network policies:') section = 'unprotected';
    else if (section === 'main') {
      const [pair = '', conn] = splitConn(line, focusConn);
      const [src = '', dst = ''] = pair.split(' => ');
      edges.push(edge(src, dst, conn));
    } else if (section === 'unprotected') {
      const m = /^(\S+) is not protected on (Ingress|Egress)$/.exec(line);
      if (!m) throw new Error(`bad unprotected line ${JSON.stringify(line)}`);
      unprotected.push({ workload: m[1]!, direction: m[2] as 'Ingress' | 'Egress' });
    } else {
      const m = /^(\S+) *\t(=>|<=) \t(.*)$/.exec(line);
      if (!m) throw new Error(`bad exposure line ${JSON.stringify(line)}`);
      const [other = '', conn] = splitConn(m[3]!, focusConn);
      if (m[2] === '=>') egress.push(edge(m[1]!, other, conn));
      else ingress.push(edge(other, m[1]!, conn));
    }
  }
  const connlist: Connlist = {
    peers: [...peers.values()],
    edges,
    ...(exposure ? { exposure: { egress, ingress } } : {}),
  };
  return { connlist, unprotected, ...(focusConn ? { focusConn } : {}) };
}

/** `rest : conns` (no conns in focus-conn output). */
function splitConn(line: string, focus: FocusConn | undefined): [string, string | undefined] {
  if (focus) return [line, undefined];
  const at = line.lastIndexOf(' : ');
  if (at < 0) throw new Error(`line without conns ${JSON.stringify(line)}`);
  return [line.slice(0, at), line.slice(at + 3)];
}

/** Focus-conn output omits the conns: each line allows (at least) the focus connection. */
function focusConns(f: FocusConn | undefined): { conns: PodConns; named: NamedPortRef[] } {
  if (!f) throw new Error('line without conns outside focus-conn output');
  return { conns: PodConns.of(f.protocol, PortSet.of(f.port)), named: [] };
}
