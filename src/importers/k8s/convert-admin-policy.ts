import type { Direction, PodPeer, PodPolicy, PodPolicyRule, PodPort } from '../../model/index.js';
import type { Json, Reader } from '../_kit/index.js';
import {
  baseOf,
  CLUSTER_ID,
  entries,
  type K8sContext,
  type K8sObject,
  objectId,
  requireName,
} from './context.js';
import { droppedPeer } from './peers.js';
import { badPort, portName, portNumber, readPolicyPorts, readProtocol } from './ports.js';
import { emptySelector, readSelector, selectorField } from './selector.js';

type Action = PodPolicyRule['action'];
type Subject = PodPolicy['subject'];

function invalid(r: Reader, p: string, message: string, code = 'IMPORT_K8S_INVALID_VALUE'): undefined {
  r.report('error', code, p, message, 'See the AdminNetworkPolicy API (policy.networking.k8s.io/v1alpha1).');
  return undefined;
}

/** `namespaces` (a selector) or `pods` ({namespaceSelector, podSelector}): subjects and peers alike. */
function readNamespacedPods(r: Reader, o: Json, p: string): Subject | undefined {
  const hasNs = o.namespaces !== undefined && o.namespaces !== null;
  const hasPods = o.pods !== undefined && o.pods !== null;
  if (hasNs === hasPods) return invalid(r, p, 'set exactly one of namespaces or pods');
  if (hasNs) {
    const selector = readSelector(r, o.namespaces, r.at(p, 'namespaces'));
    return selector && { namespaces: { kind: 'selector', selector }, pods: emptySelector() };
  }
  const pods = r.object(o, 'pods', p);
  if (!pods) return undefined;
  const pp = r.at(p, 'pods');
  const nsSel = selectorField(r, pods, 'namespaceSelector', pp, emptySelector());
  const podSel = selectorField(r, pods, 'podSelector', pp, emptySelector());
  return nsSel && podSel && { namespaces: { kind: 'selector', selector: nsSel }, pods: podSel };
}

/** `networks`: one ip-block per IPv4 CIDR, matching pod IPs too (k8s-mesh §1.9); IPv6 skipped with a warning. */
function readNetworks(r: Reader, e: Json, p: string, action: Action, out: PodPeer[]): void {
  for (const [i, text] of r.strings(e, 'networks', p).entries()) {
    const at = r.at(r.at(p, 'networks'), i);
    if (text.includes(':')) {
      r.report(
        'warning',
        'IMPORT_K8S_IPV6_NETWORK',
        at,
        `IPv6 network "${text}" is not analysed; the rule is read without it`,
        'Only IPv4 addresses are analysed for Kubernetes policies.',
      );
      continue;
    }
    const cidr = r.cidr(text, at);
    const peer: PodPeer | undefined = cidr
      ? { kind: 'ip-block', cidr, except: [], matchesPods: true }
      : droppedPeer(action, 'invalid network');
    if (peer) out.push(peer);
  }
}

const PEER_KEYS = ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'];

function readPeers(r: Reader, rule: Json, rp: string, direction: Direction, action: Action): PodPeer[] {
  const key = direction === 'ingress' ? 'from' : 'to';
  const out: PodPeer[] = [];
  const list = entries(r, rule, key, rp);
  if (list.length === 0) invalid(r, rp, `the rule lists no ${key} peers`, 'IMPORT_K8S_PEER');
  for (const [e, ep] of list) {
    const keys = Object.keys(e);
    const kind = keys.length === 1 ? keys[0]! : undefined;
    if (kind === 'namespaces' || kind === 'pods') {
      const s = readNamespacedPods(r, e, ep);
      const peer = s ? ({ kind: 'pods', ...s } as const) : droppedPeer(action, 'invalid peer');
      if (peer) out.push(peer);
    } else if (kind === 'networks' && direction === 'egress') readNetworks(r, e, ep, action, out);
    else if (kind === 'nodes') {
      // Node addresses are neither pods nor cluster-external ranges: the peer selects nothing here.
      r.report(
        'unsupported',
        'IMPORT_K8S_UNSUPPORTED',
        r.at(ep, kind),
        'nodes peers select node addresses, which are not modelled; the peer matches no pod and no external range',
      );
    } else if (kind !== undefined && kind !== 'networks') {
      r.report(
        'unsupported',
        'IMPORT_K8S_UNSUPPORTED',
        r.at(ep, kind),
        `${kind} peers are not modelled; an Allow rule does not match through them, a Deny or Pass rule matches everything (fail closed, as the API prescribes)`,
      );
      out.push({ kind: 'unsupported', what: kind });
    } else {
      invalid(
        r,
        ep,
        kind === 'networks'
          ? 'networks peers are egress only'
          : `a peer sets exactly one of ${PEER_KEYS.join(', ')}`,
        'IMPORT_K8S_PEER',
      );
      const peer = droppedPeer(action, 'invalid peer');
      if (peer) out.push(peer);
    }
  }
  return out;
}

/** One `ports` entry: `portNumber`, `namedPort` or `portRange`. */
function readPort(r: Reader, e: Json, p: string): PodPort | undefined {
  if (typeof e.namedPort === 'string') {
    const name = portName(r, e.namedPort, r.at(p, 'namedPort'));
    return name === undefined ? undefined : { protocol: 'ANY', name };
  }
  const num = r.object(e, 'portNumber', p);
  if (num) {
    const np = r.at(p, 'portNumber');
    const protocol = readProtocol(r, num, np, 'TCP');
    const port = portNumber(r, num.port, r.at(np, 'port'));
    return protocol === undefined || port === undefined ? undefined : { protocol, port };
  }
  const range = r.object(e, 'portRange', p);
  if (!range) return badPort(r, p, 'the entry names no portNumber, namedPort or portRange');
  const rp = r.at(p, 'portRange');
  const protocol = readProtocol(r, range, rp, 'TCP');
  const start = portNumber(r, range.start, r.at(rp, 'start'));
  const end = portNumber(r, range.end, r.at(rp, 'end'));
  if (protocol === undefined || start === undefined || end === undefined) return undefined;
  if (end < start) return badPort(r, r.at(rp, 'end'), `portRange end ${end} is less than start ${start}`);
  return { protocol, port: start, endPort: end };
}

function readAction(r: Reader, rule: Json, rp: string, baseline: boolean): Action | undefined {
  const a = r.string(rule, 'action', rp, true);
  if (a === 'Allow' || a === 'Deny' || (a === 'Pass' && !baseline)) return a.toLowerCase() as Action;
  if (a !== undefined)
    invalid(
      r,
      r.at(rp, 'action'),
      `action "${a}" is not ${baseline ? 'Allow or Deny' : 'Allow, Deny or Pass'}; the rule is ignored`,
    );
  return undefined;
}

/**
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy (k8s-mesh §1.9): cluster-scoped, never isolating,
 * rules in written order with Allow / Deny / Pass. Peers `networks` match pod IPs too; peer kinds not
 * modelled (`nodes`, `domainNames`) become `unsupported` peers, which fail closed.
 */
export function convertAdminPolicy(
  ctx: K8sContext,
  obj: K8sObject,
  baseline: boolean,
): PodPolicy | undefined {
  const { r } = ctx;
  const name = requireName(r, obj);
  if (name === undefined) return undefined;
  const id = objectId(obj.kind, name);
  const spec = r.object(obj.o, 'spec', obj.p);
  if (!spec) return void r.missing(obj.p, 'spec');
  const sp = r.at(obj.p, 'spec');
  let priority: number | undefined;
  if (!baseline) {
    priority = r.number(spec, 'priority', sp);
    if (priority === undefined) return void r.missing(sp, 'priority');
    if (!Number.isInteger(priority) || priority < 0 || priority > 1000)
      return invalid(
        r,
        r.at(sp, 'priority'),
        `priority ${priority} is not an integer 0-1000; the policy is skipped`,
      );
  }
  const subj = r.object(spec, 'subject', sp);
  if (!subj) return void r.missing(sp, 'subject');
  const subject = readNamespacedPods(r, subj, r.at(sp, 'subject'));
  if (!subject) return undefined;
  const rules: PodPolicyRule[] = [];
  for (const direction of ['ingress', 'egress'] as const)
    for (const [rule, rp, i] of entries(r, spec, direction, sp)) {
      const action = readAction(r, rule, rp, baseline);
      if (action === undefined) continue;
      const ruleName = r.string(rule, 'name', rp);
      rules.push({
        id: `${id}/${direction}/${i}`,
        ...(ruleName === undefined ? {} : { name: ruleName }),
        direction,
        action,
        peers: readPeers(r, rule, rp, direction, action),
        ports: readPolicyPorts(r, rule, rp, 'ports', readPort),
        source: r.src(rp),
      });
    }
  return {
    ...baseOf(r, obj, id, name),
    kind: 'pod-policy',
    policyKind: baseline ? 'baseline-admin-network-policy' : 'admin-network-policy',
    clusterId: CLUSTER_ID,
    subject,
    isolates: [],
    ...(priority === undefined ? {} : { priority }),
    rules,
  };
}
