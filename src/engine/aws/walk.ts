import type { Endpoint } from '../../model/index.js';
import type { Leg } from './leg.js';
import type { AwsTopology } from './topology.js';

/** The state of one evaluation: both legs and what was met that is not modelled yet. */
export interface Walk {
  readonly topo: AwsTopology;
  readonly fwd: Leg;
  readonly ret: Leg;
  readonly notModelled: string[];
}

/** The step resource for an interface's security groups: the group, or the ENI when it has several. */
export function groupsOf(e: Endpoint): string {
  return e.filterIds.length === 1 ? e.filterIds[0]! : e.id;
}
