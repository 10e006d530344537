/**
 * `k8s connlist --format dot`: netpol-analyzer's Graphviz layout. Workloads sit in one subgraph per
 * namespace (black), representative peers of the exposure section in subgraphs of their own (red2),
 * IP ranges, `{ingress-controller}` and `entire-cluster` at top level; edges sorted as text.
 */
import type { ConnEdge, Connlist, K8sPeer } from '../../engine/index.js';
import type { ConnlistRenderOptions } from './connlist-rows.js';
import { byCodeUnit, connsText } from './conns-text.js';

// Go's %q for the printable text these names hold.
const q = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const nodeLine = (id: string, label: string, color: string, extra = '') =>
  `${q(id)} [label=${q(label)} color=${q(color)} fontcolor=${q(color)}${extra}]`;
const edgeLine = (src: string, dst: string, e: ConnEdge, color: string, weight: string, extra = '') =>
  `\t${q(src)} -> ${q(dst)} [label=${q(connsText(e.conns, e.named))} color=${q(color)} fontcolor="darkgreen" weight=${weight}${extra}]`;

/** Splits `<ns>/<pod>` of a representative peer; each side is a name or one bracketed group. */
export function splitRepresentative(text: string): { ns: string; pod: string } | undefined {
  let end = text.indexOf('/');
  if (text.startsWith('[')) {
    let depth = 0;
    end = -1;
    for (let i = 0; i < text.length && end < 0; i++) {
      if (text[i] === '[') depth++;
      else if (text[i] === ']' && --depth === 0) end = i + 1;
    }
  }
  if (end <= 0 || text[end] !== '/') return undefined;
  const strip = (s: string) => (s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s);
  return { ns: strip(text.slice(0, end)), pod: strip(text.slice(end + 1)) };
}

class DotGraph {
  readonly namespaces = new Map<string, Set<string>>();
  readonly representatives = new Map<string, Set<string>>();
  readonly top = new Set<string>();
  readonly edges: string[] = [];
  readonly #ids = new Map<string, string>();

  /** A peer of the connectivity map, drawn once; returns its node id. */
  peer(p: K8sPeer): string {
    let id = this.#ids.get(p.text);
    if (id === undefined) {
      id = this.#add(p);
      this.#ids.set(p.text, id);
    }
    return id;
  }

  /** Workloads go in their namespace, representatives in theirs, the rest at top level. */
  #add(p: K8sPeer): string {
    const slash = p.text.indexOf('/');
    if (p.kind === 'representative') return this.#representative(p.text);
    if (p.kind === 'workload') {
      const ns = p.namespace ?? p.text.slice(0, slash);
      const label = p.name && p.workloadKind ? `${p.name}[${p.workloadKind}]` : p.text.slice(slash + 1);
      group(this.namespaces, ns).add(nodeLine(p.text, label, 'blue'));
    } else if (p.kind === 'external') this.top.add(nodeLine(p.text, p.text, 'red2'));
    else if (p.kind === 'entire-cluster') this.top.add(nodeLine(p.text, p.text, 'red2', ' shape=diamond'));
    else this.top.add(nodeLine(p.text, p.text, 'blue'));
    return p.text;
  }

  /** A representative peer is drawn as `<pod>_in_<ns>`, labelled `<pod>`, in its own red group. */
  #representative(text: string): string {
    const parts = splitRepresentative(text);
    if (!parts) {
      this.top.add(nodeLine(text, text, 'red2'));
      return text;
    }
    const id = `${parts.pod}_in_${parts.ns}`;
    group(this.representatives, parts.ns).add(nodeLine(id, parts.pod, 'red2'));
    return id;
  }

  render(): string {
    const lines = ['digraph {'];
    const groups = (m: Map<string, Set<string>>, color: string) => {
      for (const ns of [...m.keys()].sort(byCodeUnit)) {
        const members = [...(m.get(ns) ?? [])].sort(byCodeUnit).map((l) => `\t\t${l}`);
        lines.push(`\tsubgraph ${q(`cluster_${ns.replaceAll('-', '_')}[namespace]`)} {`);
        lines.push(`\t\tcolor=${q(color)}`, `\t\tfontcolor=${q(color)}`, ...members);
        lines.push(`\t\tlabel=${q(`${ns}[namespace]`)}`, '\t}');
      }
    };
    groups(this.namespaces, 'black');
    groups(this.representatives, 'red2');
    lines.push(...[...this.top].sort(byCodeUnit).map((l) => `\t${l}`));
    lines.push(...[...this.edges].sort(byCodeUnit), '}');
    return `${lines.join('\n')}\n`;
  }
}

function group(m: Map<string, Set<string>>, key: string): Set<string> {
  const found = m.get(key);
  if (found) return found;
  const made = new Set<string>();
  m.set(key, made);
  return made;
}

/**
 * Every workload of `c.peers` is drawn, connected or not. Connlist edges are gold, weighted 0.5
 * when the source sorts before the destination and 1 otherwise. Exposure edges are dashed:
 * egress darkorange4 (weight 0.5), ingress darkorange2 (weight 1); exposure to IP ranges is not
 * drawn again, as the connlist edges already show it.
 */
export function renderConnlistDot(c: Connlist, opts: ConnlistRenderOptions = {}): string {
  const g = new DotGraph();
  for (const e of c.edges) {
    const src = g.peer(e.src);
    const dst = g.peer(e.dst);
    g.edges.push(edgeLine(src, dst, e, 'gold2', e.src.text < e.dst.text ? '0.5' : '1'));
  }
  for (const p of c.peers) if (p.kind === 'workload' || p.kind === 'ingress-controller') g.peer(p);
  if (opts.exposure) {
    const dashed = ' style=dashed';
    for (const e of c.exposure?.egress ?? []) {
      const src = g.peer(e.src);
      if (e.dst.kind !== 'external')
        g.edges.push(edgeLine(src, g.peer(e.dst), e, 'darkorange4', '0.5', dashed));
    }
    for (const e of c.exposure?.ingress ?? []) {
      const dst = g.peer(e.dst);
      if (e.src.kind !== 'external')
        g.edges.push(edgeLine(g.peer(e.src), dst, e, 'darkorange2', '1', dashed));
    }
  }
  return g.render();
}
