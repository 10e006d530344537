import type { ConnectionSet } from '../../model/index.js';
import type { BlockedAt, DecidingKind, Step } from '../trace.js';
import type { FilterVerdict } from './filters.js';

/**
 * One leg of a connection (forward or return): its steps in order, and the first step that blocks.
 * Forward filters narrow the traffic; on the return leg a stateless filter must pass the whole reply
 * (DESIGN §6: a partial ephemeral range is blocked, direction return).
 */
export class Leg {
  readonly steps: Step[] = [];
  blocked: BlockedAt | undefined;
  /** Set when a blocking filter had rules the inputs could not resolve: the block may be wrong. */
  doubtful = false;

  constructor(
    readonly direction: 'forward' | 'return',
    readonly uncertain: string[],
  ) {}

  add(step: Step): void {
    this.steps.push(step);
  }

  /** Record the blocking step. Returns undefined so a walk can `return leg.block(...)`. */
  block(step: Step): undefined {
    this.steps.push(step);
    this.blocked = {
      kind: step.decidedBy,
      resource: step.resource,
      direction: this.direction,
      ...(step.rule === undefined ? {} : { rule: step.rule }),
    };
    return undefined;
  }

  /** Forward: what of `conns` the filter lets through, or undefined when nothing does (blocked). */
  narrow(
    v: FilterVerdict,
    decidedBy: DecidingKind,
    resource: string,
    conns: ConnectionSet,
  ): ConnectionSet | undefined {
    this.uncertain.push(...v.uncertain);
    const passes = conns.intersect(v.allowed);
    if (passes.isEmpty()) {
      this.doubtful ||= v.uncertain.length > 0;
      const deny = v.decisions.find((d) => d.action !== 'allow' && !d.connections.intersect(conns).isEmpty());
      this.block({
        kind: 'filter',
        decidedBy,
        resource,
        action: 'denied',
        passes: 'none',
        ...rule(deny?.rule?.id),
      });
      return undefined;
    }
    const allow = v.decisions.find((d) => d.action === 'allow' && !d.connections.intersect(conns).isEmpty());
    this.add({
      kind: 'filter',
      decidedBy,
      resource,
      action: 'allowed',
      ...rule(allow?.rule?.id),
      ...(passes.equals(conns) ? {} : { passes: passes.toString() }),
    });
    return passes;
  }

  /** Return: whether the filter passes the whole reply. */
  admits(v: FilterVerdict, decidedBy: DecidingKind, resource: string, reply: ConnectionSet): boolean {
    this.uncertain.push(...v.uncertain);
    const passes = reply.intersect(v.allowed);
    if (!passes.equals(reply)) {
      this.doubtful ||= v.uncertain.length > 0;
      const deny = v.decisions.find((d) => d.action !== 'allow' && !d.connections.intersect(reply).isEmpty());
      this.block({
        kind: 'filter',
        decidedBy,
        resource,
        action: 'denied',
        passes: passes.toString(),
        ...rule(deny?.rule?.id),
      });
      return false;
    }
    const allow = v.decisions.find((d) => d.action === 'allow' && !d.connections.intersect(reply).isEmpty());
    this.add({ kind: 'filter', decidedBy, resource, action: 'allowed', ...rule(allow?.rule?.id) });
    return true;
  }
}

function rule(id: string | undefined): { rule?: string } {
  return id === undefined ? {} : { rule: id };
}
