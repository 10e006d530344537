import type { Direction, PodPolicy, PodPolicyRule } from '../../model/index.js';
import { type Party, ruleMatches } from './peers.js';
import { portsToward } from './rule-ports.js';
import type { ClusterView } from './view.js';

/** The part of a decision's side (`Side` in decide.ts) that isolation details need. */
interface SideEnds {
  readonly direction: Direction;
  readonly other: Party;
  readonly dst: Party;
}

/** One policy isolating the subject, and its rules of the direction that select the other end. */
export interface Isolation {
  readonly policyName: string;
  /** How many rules of this direction the policy has (0: "no rules defined"). */
  readonly rules: number;
  /** Rules that select the other end but whose ports miss the refused connections. */
  readonly selecting: readonly { readonly ruleNumber: number; readonly namedPortsUnmatched: boolean }[];
}

/** `ns/name` for a namespaced policy, the bare name for a cluster-scoped one. */
export function policyNameOf(p: PodPolicy): string {
  const name = p.name ?? p.id;
  return p.namespace === undefined ? name : `${p.namespace}/${name}`;
}

/** The rule's written position within its direction, from 1 (ids end with `/<index>`). */
export function ruleNumberOf(r: PodPolicyRule): number {
  return Number(r.id.slice(r.id.lastIndexOf('/') + 1)) + 1;
}

/** Whether some named port of the rule names nothing the destination declares. */
function namedPortsUnmatched(r: PodPolicyRule, side: SideEnds): boolean {
  if (r.ports === 'all') return false;
  return r.ports.some((p) => p.name !== undefined && portsToward([p], side.dst).isEmpty());
}

/** What one isolating policy did with the other end, for a refusal by isolation. */
export function isolationOf(view: ClusterView, p: PodPolicy, side: SideEnds): Isolation {
  const rules = p.rules.filter((r) => r.direction === side.direction);
  return {
    policyName: policyNameOf(p),
    rules: rules.length,
    selecting: rules
      .filter((r) => ruleMatches(view, r, side.other))
      .map((r) => ({ ruleNumber: ruleNumberOf(r), namedPortsUnmatched: namedPortsUnmatched(r, side) })),
  };
}
