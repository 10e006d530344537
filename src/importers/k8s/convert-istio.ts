import type { MeshPolicy } from '../../model/index.js';
import { type Json, type Mutable, put, type Reader } from '../_kit/index.js';
import { entries, type K8sContext, type K8sObject, objectId, requireName } from './context.js';
import { meshPolicy, readTargetRef, readWorkloadSelector } from './mesh-common.js';

type MtlsMode = NonNullable<MeshPolicy['mtlsMode']>;

const MTLS: ReadonlySet<string> = new Set(['STRICT', 'PERMISSIVE', 'DISABLE', 'UNSET']);
const ACTIONS: ReadonlySet<string> = new Set(['ALLOW', 'DENY', 'AUDIT', 'CUSTOM']);
const TLS: ReadonlySet<string> = new Set(['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']);

/** An enumerated string field; an unknown value is reported and read as absent. */
function oneOf(r: Reader, o: Json, key: string, p: string, allowed: ReadonlySet<string>): string | undefined {
  const v = r.string(o, key, p);
  if (v === undefined || allowed.has(v)) return v;
  r.report(
    'error',
    'IMPORT_K8S_INVALID_VALUE',
    r.at(p, key),
    `${key} "${v}" is not one of ${[...allowed].join(', ')}; it is ignored`,
  );
  return undefined;
}

/** PeerAuthentication (k8s-mesh §3.1): mTLS mode of the namespace or selected workloads, per port. */
function peerAuthentication(
  ctx: K8sContext,
  obj: K8sObject,
  spec: Json,
  sp: string,
  id: string,
  name: string,
) {
  const { r } = ctx;
  const selector = readWorkloadSelector(r, spec, 'selector', sp);
  if (selector === undefined) return undefined;
  const out: Mutable<MeshPolicy> = meshPolicy(r, obj, id, name, {
    mesh: 'istio',
    policyKind: 'peer-authentication',
    rules: [],
  });
  if (selector !== 'absent') out.selector = selector;
  const mtls = r.object(spec, 'mtls', sp);
  if (mtls) put(out, 'mtlsMode', oneOf(r, mtls, 'mode', r.at(sp, 'mtls'), MTLS) as MtlsMode | undefined);
  const ports = r.object(spec, 'portLevelMtls', sp);
  if (ports) {
    const pp = r.at(sp, 'portLevelMtls');
    const portMtls: Record<string, MtlsMode> = {};
    for (const port of Object.keys(ports)) {
      const m = r.object(ports, port, pp);
      const mode = m && oneOf(r, m, 'mode', r.at(pp, port), MTLS);
      if (mode) portMtls[port] = mode as MtlsMode;
    }
    out.portMtls = portMtls;
  }
  return out;
}

/** AuthorizationPolicy (k8s-mesh §3.3): action, scope, and its rules as written (`from`, `to`, `when`). */
function authorization(ctx: K8sContext, obj: K8sObject, spec: Json, sp: string, id: string, name: string) {
  const { r } = ctx;
  const selector = readWorkloadSelector(r, spec, 'selector', sp);
  if (selector === undefined) return undefined;
  const rules: Record<string, unknown>[] = [];
  for (const [rule] of entries(r, spec, 'rules', sp)) {
    const kept: Record<string, unknown> = {};
    for (const k of ['from', 'to', 'when']) if (rule[k] !== undefined) kept[k] = rule[k];
    rules.push(kept);
  }
  const action = (oneOf(r, spec, 'action', sp, ACTIONS) ?? 'ALLOW') as NonNullable<MeshPolicy['action']>;
  const out: Mutable<MeshPolicy> = meshPolicy(r, obj, id, name, {
    mesh: 'istio',
    policyKind: 'authorization',
    action,
    rules,
  });
  if (selector !== 'absent') out.selector = selector;
  const refs: [Json, string][] = [];
  const single = r.object(spec, 'targetRef', sp);
  if (single) refs.push([single, r.at(sp, 'targetRef')]);
  for (const [t, tp] of entries(r, spec, 'targetRefs', sp)) refs.push([t, tp]);
  const first = refs[0];
  if (first) put(out, 'targetRef', readTargetRef(r, first[0], first[1]));
  if (refs.length > 1)
    r.report(
      'unsupported',
      'IMPORT_K8S_UNSUPPORTED',
      r.at(sp, 'targetRefs'),
      'only the first targetRef is modelled',
    );
  return out;
}

/** TLS settings of one traffic policy: its mode and per-port modes. */
function tlsOf(r: Reader, tp: Json | undefined, p: string): Record<string, unknown> {
  if (!tp) return { portLevel: [] };
  const out: Record<string, unknown> = {};
  const tls = r.object(tp, 'tls', p);
  put(out, 'tlsMode', tls ? oneOf(r, tls, 'mode', r.at(p, 'tls'), TLS) : undefined);
  const portLevel: { port: number; tlsMode: string }[] = [];
  for (const [s, spp] of entries(r, tp, 'portLevelSettings', p)) {
    const portObj = r.object(s, 'port', spp);
    const port = portObj ? r.number(portObj, 'number', r.at(spp, 'port')) : undefined;
    const t = r.object(s, 'tls', spp);
    const mode = t ? oneOf(r, t, 'mode', r.at(spp, 'tls'), TLS) : undefined;
    if (port !== undefined && mode !== undefined) portLevel.push({ port, tlsMode: mode });
  }
  out.portLevel = portLevel;
  return out;
}

/** DestinationRule (k8s-mesh §3.2): the TLS a client uses toward `host`, per port and subset. */
function destinationRule(ctx: K8sContext, obj: K8sObject, spec: Json, sp: string, id: string, name: string) {
  const { r } = ctx;
  const host = r.string(spec, 'host', sp, true);
  if (host === undefined) return undefined;
  const selector = readWorkloadSelector(r, spec, 'workloadSelector', sp);
  if (selector === undefined) return undefined;
  const rule: Record<string, unknown> = {
    host,
    ...tlsOf(r, r.object(spec, 'trafficPolicy', sp), r.at(sp, 'trafficPolicy')),
  };
  const subsets = entries(r, spec, 'subsets', sp).map(([s, ssp]) => ({
    name: r.string(s, 'name', ssp) ?? '',
    ...tlsOf(r, r.object(s, 'trafficPolicy', ssp), r.at(ssp, 'trafficPolicy')),
  }));
  if (subsets.length > 0) rule.subsets = subsets;
  const out: Mutable<MeshPolicy> = meshPolicy(r, obj, id, name, {
    mesh: 'istio',
    policyKind: 'destination-rule',
    host,
    rules: [rule],
  });
  if (selector !== 'absent') out.selector = selector;
  return out;
}

const CONVERTERS = {
  PeerAuthentication: peerAuthentication,
  AuthorizationPolicy: authorization,
  DestinationRule: destinationRule,
} as const;

/** Istio PeerAuthentication, AuthorizationPolicy, DestinationRule (security/networking.istio.io). */
export function convertIstio(ctx: K8sContext, obj: K8sObject): MeshPolicy | undefined {
  const name = requireName(ctx.r, obj);
  const convert = CONVERTERS[obj.kind as keyof typeof CONVERTERS];
  if (name === undefined || convert === undefined) return undefined;
  const spec = ctx.r.object(obj.o, 'spec', obj.p) ?? {};
  const id = objectId(obj.kind, name, obj.namespace ?? 'default');
  return convert(ctx, obj, spec, ctx.r.at(obj.p, 'spec'), id, name);
}
