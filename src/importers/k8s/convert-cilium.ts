import type { Direction, PodPolicy, PodPolicyRule } from '../../model/index.js';
import type { Json } from '../_kit/index.js';
import { readCiliumRule } from './cilium-rules.js';
import { scopeOf } from './cilium-scope.js';
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
import { readSelector } from './selector.js';

const SECTIONS: readonly { key: string; section: string; direction: Direction; action: 'allow' | 'deny' }[] =
  [
    { key: 'ingress', section: 'ingress', direction: 'ingress', action: 'allow' },
    { key: 'ingressDeny', section: 'ingress-deny', direction: 'ingress', action: 'deny' },
    { key: 'egress', section: 'egress', direction: 'egress', action: 'allow' },
    { key: 'egressDeny', section: 'egress-deny', direction: 'egress', action: 'deny' },
  ];

/** Default-deny directions: those with a section, unless `enableDefaultDeny.<dir>` is false (k8s-mesh §2). */
function isolation(ctx: K8sContext, spec: Json, sp: string): Direction[] {
  const { r } = ctx;
  const dd = r.object(spec, 'enableDefaultDeny', sp);
  const ddp = r.at(sp, 'enableDefaultDeny');
  const out: Direction[] = [];
  for (const d of ['ingress', 'egress'] as const) {
    const present = !isUnset(spec[d]) || !isUnset(spec[`${d}Deny`]);
    if (present && (dd ? r.boolean(dd, d, ddp) : undefined) !== false) out.push(d);
  }
  return out;
}

function convertSpec(
  ctx: K8sContext,
  obj: K8sObject,
  spec: Json,
  sp: string,
  id: string,
  name: string,
  at: string,
): PodPolicy | undefined {
  const { r } = ctx;
  const ns = obj.namespace;
  if (!isUnset(spec.nodeSelector)) {
    r.report(
      'unsupported',
      'IMPORT_K8S_UNSUPPORTED',
      r.at(sp, 'nodeSelector'),
      'Cilium host policies (nodeSelector) are not modelled; this rule set is skipped',
    );
    return undefined;
  }
  if (spec.endpointSelector === undefined || spec.endpointSelector === null)
    return void r.missing(sp, 'endpointSelector');
  const sel = readSelector(r, spec.endpointSelector, r.at(sp, 'endpointSelector'));
  if (sel === undefined) return undefined;
  const rules: PodPolicyRule[] = [];
  for (const s of SECTIONS)
    for (const [rule, rp, i] of entries(r, spec, s.key, sp))
      rules.push(
        ...readCiliumRule(r, rule, rp, i, {
          policyId: id,
          section: s.section,
          direction: s.direction,
          action: s.action,
          namespace: ns,
        }),
      );
  return {
    ...baseOf(r, obj, id, name),
    source: r.src(at),
    kind: 'pod-policy',
    policyKind: ns === undefined ? 'cilium-clusterwide-network-policy' : 'cilium-network-policy',
    clusterId: CLUSTER_ID,
    ...(ns === undefined ? {} : { namespace: ns }),
    subject: scopeOf(sel, ns === undefined ? {} : { restrict: ns }),
    isolates: isolation(ctx, spec, sp),
    rules,
  };
}

/**
 * CiliumNetworkPolicy (namespaced) and CiliumClusterwideNetworkPolicy (k8s-mesh §2): one PodPolicy per
 * rule set, `spec` (id `k8s/<ns>/<Kind>/<name>`) and each of `specs` (id `…/specs/<n>`).
 */
export function convertCilium(ctx: K8sContext, obj: K8sObject): PodPolicy[] {
  const { r } = ctx;
  const name = requireName(r, obj);
  if (name === undefined) return [];
  const id = objectId(obj.kind, name, obj.namespace);
  const out: PodPolicy[] = [];
  const spec = r.object(obj.o, 'spec', obj.p);
  if (spec) {
    const p = convertSpec(ctx, obj, spec, r.at(obj.p, 'spec'), id, name, obj.p);
    if (p) out.push(p);
  }
  for (const [s, sp, i] of entries(r, obj.o, 'specs', obj.p)) {
    const p = convertSpec(ctx, obj, s, sp, `${id}/specs/${i}`, name, sp);
    if (p) out.push(p);
  }
  if (!spec && isUnset(obj.o.specs)) r.missing(obj.p, 'spec');
  return out;
}
