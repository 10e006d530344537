import type { Direction, HttpRule, PodPeer, PodPolicyRule, PodPort } from '../../model/index.js';
import type { Json, Reader } from '../_kit/index.js';
import { readCiliumPorts } from './cilium-ports.js';
import { reservedEntity, scopeOf } from './cilium-scope.js';
import { entries, isUnset } from './context.js';
import { readIpBlock } from './ip-block.js';
import { ANY_PEER, droppedPeer } from './peers.js';
import { readSelector } from './selector.js';

type Action = PodPolicyRule['action'];

/** Where a rule sits: its policy, section and namespace handling. */
export interface RulePlace {
  readonly policyId: string;
  /** `ingress`, `ingress-deny`, `egress`, `egress-deny`: rule ids are `<policyId>/<section>/<n>`. */
  readonly section: string;
  readonly direction: Direction;
  readonly action: Action;
  /** CiliumNetworkPolicy: peers default to this namespace. */
  readonly namespace: string | undefined;
}

const ENTITIES: ReadonlySet<string> = new Set([
  'all',
  'world',
  'world-ipv4',
  'world-ipv6',
  'cluster',
  'host',
  'remote-node',
  'kube-apiserver',
  'ingress',
  'init',
  'health',
  'unmanaged',
  'none',
]);

/** Peer fields not modelled: a peer that matches through an allow rule nothing, and fails closed in a deny. */
const NOT_MODELLED: Readonly<Record<Direction, readonly string[]>> = {
  ingress: ['fromRequires', 'fromNodes', 'fromGroups'],
  egress: ['toRequires', 'toNodes', 'toGroups', 'toFQDNs', 'toServices'],
};

const EXTERNAL: PodPeer = Object.freeze({
  kind: 'ip-block',
  cidr: '0.0.0.0/0',
  except: [],
  matchesPods: false,
});

/**
 * What an allow rule's peer field that is not modelled stands for: a superset of what it selects, so
 * the map never says "not reachable" where the field would allow (DNS names and cloud groups resolve
 * to external addresses; services to backends anywhere); nothing where it selects no pod and no
 * external range (nodes) or only narrows the rule (requires). A deny rule drops the field: it denies
 * less, never more.
 */
const WIDENED: Readonly<Record<string, { peer: PodPeer; says: string } | undefined>> = {
  toFQDNs: { peer: EXTERNAL, says: 'read as every external address' },
  toGroups: { peer: EXTERNAL, says: 'read as every external address' },
  fromGroups: { peer: EXTERNAL, says: 'read as every external address' },
  toServices: { peer: ANY_PEER, says: 'read as every peer' },
};

function fields(direction: Direction): {
  endpoints: string;
  cidr: string;
  cidrSet: string;
  entities: string;
} {
  const pre = direction === 'ingress' ? 'from' : 'to';
  return {
    endpoints: `${pre}Endpoints`,
    cidr: `${pre}CIDR`,
    cidrSet: `${pre}CIDRSet`,
    entities: `${pre}Entities`,
  };
}

function readEndpoints(r: Reader, rule: Json, rp: string, key: string, at: RulePlace, out: PodPeer[]): void {
  for (const [e, ep] of entries(r, rule, key, rp)) {
    const sel = readSelector(r, e, ep);
    const entity = sel && reservedEntity(sel);
    const peer: PodPeer | undefined = entity
      ? { kind: 'entity', entity }
      : sel
        ? { kind: 'pods', ...scopeOf(sel, at.namespace === undefined ? {} : { fallback: at.namespace }) }
        : droppedPeer(at.action, 'invalid endpoint selector');
    if (peer) out.push(peer);
  }
}

function readCidrs(
  r: Reader,
  rule: Json,
  rp: string,
  f: ReturnType<typeof fields>,
  at: RulePlace,
  out: PodPeer[],
): void {
  const push = (peer: PodPeer | undefined): void => {
    if (peer) out.push(peer);
  };
  r.strings(rule, f.cidr, rp).forEach((text, i) => {
    const cidr = r.cidr(text, r.at(r.at(rp, f.cidr), i));
    push(
      cidr
        ? { kind: 'ip-block', cidr, except: [], matchesPods: false }
        : droppedPeer(at.action, 'invalid CIDR'),
    );
  });
  for (const [e, ep] of entries(r, rule, f.cidrSet, rp)) {
    if (e.cidrGroupRef !== undefined || e.cidrGroupSelector !== undefined) {
      r.report('unsupported', 'IMPORT_K8S_UNSUPPORTED', ep, 'CiliumCIDRGroup references are not modelled');
      push({ kind: 'unsupported', what: 'cidrGroupRef' });
      continue;
    }
    const b = readIpBlock(r, e, ep);
    push(
      b
        ? { kind: 'ip-block', cidr: b.cidr, except: b.except, matchesPods: false }
        : droppedPeer(at.action, 'invalid CIDR'),
    );
  }
}

function readEntities(r: Reader, rule: Json, rp: string, key: string, at: RulePlace, out: PodPeer[]): void {
  r.strings(rule, key, rp).forEach((entity, i) => {
    if (ENTITIES.has(entity)) out.push({ kind: 'entity', entity });
    else {
      r.report(
        'error',
        'IMPORT_K8S_INVALID_VALUE',
        r.at(r.at(rp, key), i),
        `unknown Cilium entity "${entity}"`,
      );
      const peer = droppedPeer(at.action, 'unknown entity');
      if (peer) out.push(peer);
    }
  });
}

/**
 * A rule's peers (k8s-mesh §2). A rule with no L3 field applies to every peer when it names ports
 * (`toPorts`/`icmps`), and to none when it names nothing at all (`ingress: [{}]`, default deny).
 */
function readPeers(r: Reader, rule: Json, rp: string, at: RulePlace): PodPeer[] {
  const f = fields(at.direction);
  const out: PodPeer[] = [];
  readEndpoints(r, rule, rp, f.endpoints, at, out);
  readCidrs(r, rule, rp, f, at, out);
  readEntities(r, rule, rp, f.entities, at, out);
  let named = [f.endpoints, f.cidr, f.cidrSet, f.entities].some((k) => !isUnset(rule[k]));
  for (const key of NOT_MODELLED[at.direction]) {
    if (isUnset(rule[key])) continue;
    named = true;
    const wide = at.action === 'allow' ? WIDENED[key] : undefined;
    r.report(
      'unsupported',
      'IMPORT_K8S_UNSUPPORTED',
      r.at(rp, key),
      `Cilium ${key} is not modelled; ${wide ? `${wide.says}, a superset of what it selects` : at.action === 'allow' ? 'it selects no pod and no external range here' : 'the deny rule does not deny through it'}`,
    );
    if (wide) out.push(wide.peer);
  }
  if (named) return out;
  return isUnset(rule.toPorts) && isUnset(rule.icmps) ? [] : [ANY_PEER];
}

/** One Cilium rule, split in several when its toPorts entries carry different L7 lists. */
export function readCiliumRule(
  r: Reader,
  rule: Json,
  rp: string,
  index: number,
  at: RulePlace,
): PodPolicyRule[] {
  const peers = readPeers(r, rule, rp, at);
  if (!isUnset(rule.icmps))
    r.report('unsupported', 'IMPORT_K8S_UNSUPPORTED', r.at(rp, 'icmps'), 'ICMP rules are not modelled');
  if (!isUnset(rule.authentication))
    r.report(
      'unsupported',
      'IMPORT_K8S_UNSUPPORTED',
      r.at(rp, 'authentication'),
      'Cilium mutual authentication is not modelled',
    );
  const id = `${at.policyId}/${at.section}/${index}`;
  const base = { direction: at.direction, action: at.action, peers, source: r.src(rp) };
  if (isUnset(rule.toPorts)) {
    // ICMP only: nothing of TCP/UDP/SCTP. Neither: every port.
    const ports: readonly PodPort[] | 'all' = isUnset(rule.icmps) ? 'all' : [];
    return [{ id, ...base, ports }];
  }
  const groups = readCiliumPorts(r, rule, rp, at.action);
  if (groups.length <= 1) {
    const g = groups[0];
    return [{ id, ...base, ports: g?.ports ?? [], ...(g?.http ? { http: g.http } : {}) }];
  }
  return groups.map((g, k) => ({
    id: `${id}.${k}`,
    ...base,
    ports: g.ports,
    ...(g.http ? { http: g.http as readonly HttpRule[] } : {}),
  }));
}
