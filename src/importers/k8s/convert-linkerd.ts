import type { MeshPolicy, MeshTargetRef } from '../../model/index.js';
import { type Json, put, type Reader } from '../_kit/index.js';
import { entries, type K8sContext, type K8sObject, objectId, requireName } from './context.js';
import { readIpBlock } from './ip-block.js';
import { meshPolicy, readTargetRef } from './mesh-common.js';
import { portName, portNumber } from './ports.js';
import { selectorField } from './selector.js';

type Converter = (
  r: Reader,
  obj: K8sObject,
  spec: Json,
  sp: string,
  id: string,
  name: string,
) => MeshPolicy | undefined;

/** Server: a port of the pods its podSelector selects; traffic to it is denied unless authorized. */
const server: Converter = (r, obj, spec, sp, id, name) => {
  const podSelector = selectorField(r, spec, 'podSelector', sp, undefined);
  if (podSelector === undefined) {
    if (spec.podSelector === undefined || spec.podSelector === null) r.missing(sp, 'podSelector');
    return undefined;
  }
  const raw: unknown = spec.port;
  const pp = r.at(sp, 'port');
  const port =
    typeof raw === 'string'
      ? portName(r, raw, pp)
      : raw === undefined
        ? void r.missing(sp, 'port')
        : portNumber(r, raw, pp);
  if (port === undefined) return undefined;
  const rule: Record<string, unknown> = { port, podSelector };
  put(rule, 'proxyProtocol', r.string(spec, 'proxyProtocol', sp));
  return meshPolicy(r, obj, id, name, {
    mesh: 'linkerd',
    policyKind: 'server',
    selector: podSelector,
    rules: [rule],
  });
};

/** AuthorizationPolicy: allows traffic to its target (Server, HTTPRoute, namespace) for the listed authentications. */
const authorization: Converter = (r, obj, spec, sp, id, name) => {
  const target = r.object(spec, 'targetRef', sp);
  if (!target) return void r.missing(sp, 'targetRef');
  const targetRef = readTargetRef(r, target, r.at(sp, 'targetRef'));
  if (!targetRef) return undefined;
  const refs: MeshTargetRef[] = [];
  for (const [a, ap] of entries(r, spec, 'requiredAuthenticationRefs', sp)) {
    const ref = readTargetRef(r, a, ap);
    if (ref) refs.push(ref);
  }
  return meshPolicy(r, obj, id, name, {
    mesh: 'linkerd',
    policyKind: 'authorization',
    targetRef,
    rules: [{ targetRef, requiredAuthenticationRefs: refs }],
  });
};

/** MeshTLSAuthentication: the mesh identities (or service accounts) an authorization may require. */
const meshTls: Converter = (r, obj, spec, sp, id, name) => {
  const rule: Record<string, unknown> = {};
  if (spec.identities !== undefined) rule.identities = r.strings(spec, 'identities', sp);
  if (spec.identityRefs !== undefined)
    rule.identityRefs = entries(r, spec, 'identityRefs', sp).flatMap(
      ([t, tp]) => readTargetRef(r, t, tp) ?? [],
    );
  return meshPolicy(r, obj, id, name, { mesh: 'linkerd', policyKind: 'authentication', rules: [rule] });
};

/** NetworkAuthentication: the client networks an authorization may require. */
const network: Converter = (r, obj, spec, sp, id, name) => {
  const networks = entries(r, spec, 'networks', sp).flatMap(([n, np]) => readIpBlock(r, n, np) ?? []);
  return meshPolicy(r, obj, id, name, {
    mesh: 'linkerd',
    policyKind: 'authentication',
    rules: [{ networks }],
  });
};

const CONVERTERS: Readonly<Record<string, Converter>> = {
  Server: server,
  AuthorizationPolicy: authorization,
  MeshTLSAuthentication: meshTls,
  NetworkAuthentication: network,
};

/**
 * Linkerd policy objects (policy.linkerd.io, k8s-mesh §3.3). The AuthorizationPolicy id carries the
 * group (`AuthorizationPolicy.policy.linkerd.io`), as kubectl names it, so it never meets Istio's.
 */
export function convertLinkerd(ctx: K8sContext, obj: K8sObject): MeshPolicy | undefined {
  const { r } = ctx;
  const name = requireName(r, obj);
  const convert = Object.hasOwn(CONVERTERS, obj.kind) ? CONVERTERS[obj.kind] : undefined;
  if (name === undefined || convert === undefined) return undefined;
  const spec = r.object(obj.o, 'spec', obj.p) ?? {};
  const kind = obj.kind === 'AuthorizationPolicy' ? `${obj.kind}.${obj.group}` : obj.kind;
  return convert(r, obj, spec, r.at(obj.p, 'spec'), objectId(kind, name, obj.namespace ?? 'default'), name);
}
