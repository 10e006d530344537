import { type MeshPolicy, PortSet } from '../../model/index.js';
import type { L7Constraint, L7Request } from './connlist.js';
import { ISTIO_ROOT, type MeshView } from './mesh-view.js';
import type { Pod } from './pod.js';
import { PodConns } from './pod-conns.js';
import { selects } from './selectors.js';

type Match = 'yes' | 'no' | 'unknown';
type Obj = Readonly<Record<string, unknown>>;

const strings = (o: Obj | undefined, k: string): string[] | undefined =>
  Array.isArray(o?.[k]) ? (o[k] as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;

/** Istio string matching (k8s-mesh §3.3): exact, prefix `abc*`, suffix `*abc`, presence `*`. */
function istioMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  return pattern === value;
}

const and = (a: Match, b: Match): Match =>
  a === 'no' || b === 'no' ? 'no' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'yes';

/**
 * One `source` against the client. principals and namespaces come from the client certificate, so
 * plaintext traffic never matches them (and always matches their `not` forms). IP blocks, request
 * principals (JWT) and `when` conditions depend on what the inputs cannot give: unknown.
 */
function sourceMatches(src: Pod, s: Obj, encrypted: boolean): Match {
  let m: Match = 'yes';
  const principal = `cluster.local/ns/${src.namespace}/sa/${src.workload.serviceAccount ?? 'default'}`;
  const check = (key: string, value: string, negate: boolean) => {
    const list = strings(s, key);
    if (!list) return;
    const hit = encrypted && list.some((p) => istioMatch(p, value));
    m = and(m, negate ? (hit ? 'no' : 'yes') : hit ? 'yes' : 'no');
  };
  check('principals', principal, false);
  check('notPrincipals', principal, true);
  check('namespaces', src.namespace, false);
  check('notNamespaces', src.namespace, true);
  for (const k of [
    'ipBlocks',
    'notIpBlocks',
    'remoteIpBlocks',
    'notRemoteIpBlocks',
    'requestPrincipals',
    'notRequestPrincipals',
  ])
    if (s[k] !== undefined) m = and(m, 'unknown');
  return m;
}

const tcpPorts = (list: string[]) =>
  list.reduce(
    (acc, p) => (/^\d+$/.test(p) ? acc.union(PodConns.of('TCP', PortSet.of(Number(p)))) : acc),
    PodConns.none(),
  );

/** One rule: does the client match, on which ports, and with which request-level conditions. */
function ruleOf(
  src: Pod,
  rule: Obj,
  encrypted: boolean,
): { match: Match; conns: PodConns; l7?: L7Request[] } {
  const froms = Array.isArray(rule.from) ? (rule.from as Obj[]) : [];
  let match: Match = froms.length === 0 ? 'yes' : 'no';
  for (const f of froms) {
    const m = sourceMatches(src, (f.source as Obj) ?? {}, encrypted);
    if (m === 'yes') match = 'yes';
    else if (m === 'unknown' && match === 'no') match = 'unknown';
  }
  if (rule.when !== undefined) match = and(match, 'unknown');
  const tos = Array.isArray(rule.to) ? (rule.to as Obj[]) : [];
  if (tos.length === 0) return { match, conns: PodConns.all() };
  let conns = PodConns.none();
  const l7: L7Request[] = [];
  let plain = false;
  for (const t of tos) {
    const op = (t.operation as Obj) ?? {};
    let c = strings(op, 'ports') ? tcpPorts(strings(op, 'ports')!) : PodConns.all();
    if (strings(op, 'notPorts')) c = c.subtract(tcpPorts(strings(op, 'notPorts')!));
    conns = conns.union(c);
    const req: { -readonly [K in keyof L7Request]: L7Request[K] } = {};
    if (strings(op, 'methods')) req.methods = strings(op, 'methods')!;
    if (strings(op, 'paths')) req.paths = strings(op, 'paths')!;
    if (strings(op, 'hosts')) req.hosts = strings(op, 'hosts')!;
    if (['notMethods', 'notPaths', 'notHosts'].some((k) => op[k] !== undefined))
      req.headers = ['(negated request fields)'];
    if (Object.keys(req).length > 0) l7.push(req);
    else plain = true;
  }
  return plain || l7.length === 0 ? { match, conns } : { match, conns, l7 };
}

/**
 * Whether an AuthorizationPolicy applies to a workload (k8s-mesh §3.3): one of its namespace (selector
 * matching or none) or of the root namespace; policies attached by targetRef (gateways) do not.
 */
export function authzApplies(p: MeshPolicy, pod: Pod): boolean {
  return (
    !p.targetRef &&
    (p.namespace === pod.namespace || p.namespace === ISTIO_ROOT) &&
    (!p.selector || selects(p.selector, pod.labels))
  );
}

/** The AuthorizationPolicies on a workload. */
function applicable(mesh: MeshView, dst: Pod): MeshPolicy[] {
  return mesh.of('istio', 'authorization').filter((p) => authzApplies(p, dst));
}

export interface AuthzVerdict {
  readonly conns: PodConns;
  readonly l7: L7Constraint[];
  readonly notes: string[];
}

/**
 * Istio authorization for a request from `src` to a meshed `dst` (k8s-mesh §3.3): CUSTOM is opaque
 * (noted); DENY takes its ports out when its source surely matches and it has no HTTP fields (with
 * HTTP fields it becomes a deny at L7, since whether the port speaks HTTP is not known); with no ALLOW
 * policy everything else passes, otherwise only what some ALLOW rule matches (or may match), and an
 * ALLOW rule with HTTP fields lets its ports through for matching requests only.
 */
export function istioAuthz(
  mesh: MeshView,
  src: Pod,
  dst: Pod,
  conns: PodConns,
  encrypted: boolean,
): AuthzVerdict {
  const notes: string[] = [];
  const l7: L7Constraint[] = [];
  const policies = applicable(mesh, dst);
  let out = conns;
  for (const p of policies.filter((x) => x.action === 'CUSTOM'))
    notes.push(`CUSTOM authorization ${p.id} (external authorizer) may refuse requests; not judged`);
  for (const p of policies.filter((x) => x.action === 'DENY'))
    for (const raw of p.rules) {
      const r = ruleOf(src, raw as Obj, encrypted);
      const c = r.conns.intersect(out);
      if (r.match === 'no' || c.isEmpty()) continue;
      if (r.match === 'unknown')
        notes.push(
          `DENY ${p.id} may refuse ${src.namespace}/${src.workload.name}: its conditions depend on what the inputs do not give`,
        );
      else if (r.l7) l7.push({ enforcedBy: 'istio', effect: 'deny', conns: c, requests: r.l7, policy: p.id });
      else out = out.subtract(c);
    }
  const allows = policies.filter((x) => x.action === 'ALLOW' || x.action === undefined);
  if (allows.length === 0) return { conns: out, l7, notes };
  let plain = PodConns.none();
  const limited: { conns: PodConns; requests: L7Request[]; policy: string }[] = [];
  for (const p of allows)
    for (const raw of p.rules) {
      const r = ruleOf(src, raw as Obj, encrypted);
      if (r.match === 'no') continue;
      if (r.l7) limited.push({ conns: r.conns, requests: r.l7, policy: p.id });
      else plain = plain.union(r.conns);
    }
  let allowed = plain;
  for (const x of limited) {
    const c = x.conns.intersect(out).subtract(plain);
    if (c.isEmpty()) continue;
    allowed = allowed.union(c);
    l7.push({ enforcedBy: 'istio', effect: 'allow-only', conns: c, requests: x.requests, policy: x.policy });
  }
  if (allowed.isEmpty())
    notes.push(`no ALLOW authorization on ${dst.namespace}/${dst.workload.name} matches this client`);
  return { conns: out.intersect(allowed), l7, notes };
}
