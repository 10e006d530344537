/** A small Connlist for the reporter unit tests: every peer kind, sorting, padding, named ports. */
import type { ConnEdge, Connlist, NamedPortRef } from '../../src/engine/index.js';
import { parseConns, parsePeer } from '../conformance/netpol-connlist-parse.js';

/** `src => dst : conns` as one edge (peers classified as txt names them). */
export function edge(src: string, dst: string, conns: string, named: readonly NamedPortRef[] = []): ConnEdge {
  const parsed = parseConns(conns);
  const all = [...parsed.named, ...named];
  return {
    src: parsePeer(src),
    dst: parsePeer(dst),
    conns: parsed.conns,
    ...(all.length ? { named: all } : {}),
  };
}

const API = 'backend/api[Deployment]';
const DB = 'backend/db[StatefulSet]';
const WEB = 'frontend/web[Deployment]';
const ANY = '0.0.0.0-255.255.255.255[External]';
const LOW = '0.0.0.0-9.255.255.255[External]';

/** Edges on purpose out of order; `tools/idle[Pod]` has no edge at all. */
export const sample: Connlist = {
  peers: [API, DB, WEB, 'tools/idle[Pod]', '{ingress-controller}'].map(parsePeer),
  edges: [
    edge(WEB, API, 'TCP 8080,9090-9091'),
    edge(LOW, WEB, 'TCP 443'),
    edge('{ingress-controller}', WEB, 'TCP 80'),
    edge(API, DB, 'TCP 5432,UDP 5432'),
    edge(API, ANY, 'All Connections'),
  ],
  exposure: {
    egress: [
      edge(API, 'entire-cluster', 'UDP 53'),
      edge(API, ANY, 'All Connections'),
      edge(API, '[namespace with {{Key:env,Operator:In,Values:[a b],}}]/[all pods]', 'TCP http'),
    ],
    ingress: [
      edge('entire-cluster', WEB, 'All Connections'),
      edge('[namespace with {team=ops}]/[pod with {app=backup}]', DB, 'TCP 5432'),
      edge(LOW, WEB, 'TCP 443'),
    ],
  },
};
