import type { Direction, PodPeer, PodPolicy, PodPolicyRule } from '../../model/index.js';
import type { Json, Reader } from '../_kit/index.js';
import {
  baseOf,
  CLUSTER_ID,
  entries,
  isUnset,
  type K8sContext,
  type K8sObject,
  objectId,
  requireName,
} from './context.js';
import { readIpBlock } from './ip-block.js';
import { ANY_PEER } from './peers.js';
import { readPolicyPorts } from './ports.js';
import { emptySelector, readSelector, selectorField } from './selector.js';

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

function badPeer(r: Reader, p: string, message: string): undefined {
  r.report(
    'error',
    'IMPORT_K8S_PEER',
    p,
    `${message}; the peer is ignored`,
    'Each from/to entry holds an ipBlock, or a podSelector and/or a namespaceSelector.',
  );
  return undefined;
}

/** One `from`/`to` entry (k8s-mesh §1.4). Undefined (reported) when invalid: the rule then matches less. */
function readPeer(r: Reader, e: Json, p: string, namespace: string): PodPeer | undefined {
  const hasPods = e.podSelector !== undefined && e.podSelector !== null;
  const hasNs = e.namespaceSelector !== undefined && e.namespaceSelector !== null;
  const block = r.object(e, 'ipBlock', p);
  if (block && (hasPods || hasNs)) return badPeer(r, p, 'an ipBlock cannot be combined with selectors');
  if (block) {
    const b = readIpBlock(r, block, r.at(p, 'ipBlock'));
    return b && { kind: 'ip-block', cidr: b.cidr, except: b.except, matchesPods: false };
  }
  if (!hasPods && !hasNs) return badPeer(r, p, 'the peer names no podSelector, namespaceSelector or ipBlock');
  const pods = hasPods ? readSelector(r, e.podSelector, r.at(p, 'podSelector')) : emptySelector();
  const nsSel = hasNs ? readSelector(r, e.namespaceSelector, r.at(p, 'namespaceSelector')) : undefined;
  if (pods === undefined || (hasNs && nsSel === undefined)) return undefined;
  return {
    kind: 'pods',
    namespaces: nsSel ? { kind: 'selector', selector: nsSel } : { kind: 'name', name: namespace },
    pods,
  };
}

/** A rule's peers: none listed means every peer, external addresses included. */
function readPeers(r: Reader, rule: Json, p: string, key: string, namespace: string): PodPeer[] {
  if (isUnset(rule[key])) return [ANY_PEER];
  const out: PodPeer[] = [];
  for (const [e, ep] of entries(r, rule, key, p)) {
    const peer = readPeer(r, e, ep, namespace);
    if (peer) out.push(peer);
  }
  return out;
}

/** `spec.policyTypes` as directions; undefined when absent or empty (the defaulting rule applies). */
function readPolicyTypes(r: Reader, spec: Json, sp: string): Direction[] | undefined {
  if (isUnset(spec.policyTypes)) return undefined;
  const out = new Set<Direction>();
  const tp = r.at(sp, 'policyTypes');
  const raw = spec.policyTypes;
  if (!Array.isArray(raw)) {
    r.wrongType(tp, 'a list of Ingress/Egress', raw);
    return undefined;
  }
  raw.forEach((t: unknown, i) => {
    if (t === 'Ingress' || t === 'Egress') out.add(t === 'Ingress' ? 'ingress' : 'egress');
    else
      r.report(
        'error',
        'IMPORT_K8S_INVALID_VALUE',
        r.at(tp, i),
        `policyTypes entry ${JSON.stringify(t)} is neither Ingress nor Egress; it is ignored`,
      );
  });
  return DIRECTIONS.filter((d) => out.has(d));
}

/**
 * A NetworkPolicy (networking.k8s.io/v1): subject = podSelector in its namespace; isolation = the
 * effective policyTypes (k8s-mesh §1.2: absent means Ingress, plus Egress when there is an egress
 * rule; written means exactly those, and rules of the other direction have no effect).
 */
export function convertNetworkPolicy(ctx: K8sContext, obj: K8sObject): PodPolicy | undefined {
  const { r } = ctx;
  const name = requireName(r, obj);
  if (name === undefined) return undefined;
  const ns = obj.namespace ?? 'default';
  const id = objectId('NetworkPolicy', name, ns);
  const spec = r.object(obj.o, 'spec', obj.p) ?? {};
  const sp = r.at(obj.p, 'spec');
  const pods = selectorField(r, spec, 'podSelector', sp, emptySelector());
  if (pods === undefined) return undefined;
  const written = readPolicyTypes(r, spec, sp);
  const isolates = written ?? (isUnset(spec.egress) ? ['ingress' as const] : DIRECTIONS);
  const rules: PodPolicyRule[] = [];
  for (const direction of DIRECTIONS) {
    if (!isolates.includes(direction)) {
      if (!isUnset(spec[direction]))
        r.report(
          'warning',
          'IMPORT_K8S_RULES_IGNORED',
          r.at(sp, direction),
          `${direction} rules have no effect: policyTypes does not list ${direction === 'ingress' ? 'Ingress' : 'Egress'}`,
          'Add the direction to policyTypes, or remove the rules.',
        );
      continue;
    }
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    for (const [rule, rp, i] of entries(r, spec, direction, sp))
      rules.push({
        id: `${id}/${direction}/${i}`,
        direction,
        action: 'allow',
        peers: readPeers(r, rule, rp, peersKey, ns),
        ports: readPolicyPorts(r, rule, rp, 'ports'),
        source: r.src(rp),
      });
  }
  return {
    ...baseOf(r, obj, id, name),
    kind: 'pod-policy',
    policyKind: 'network-policy',
    clusterId: CLUSTER_ID,
    namespace: ns,
    subject: { namespaces: { kind: 'name', name: ns }, pods },
    isolates,
    rules,
  };
}
