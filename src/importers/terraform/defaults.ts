import type { ResourceView, Unknowns } from './view.js';

const VPC_TYPES: ReadonlySet<string> = new Set(['aws_vpc', 'aws_default_vpc']);

/**
 * The VPC of an `aws_default_*` resource. While the VPC is being created its computed `vpc_id` is
 * unknown: it is what `vpc_id` refers to when configured (default security group), else the VPC
 * whose attribute the resource adopts (`default_route_table_id = aws_vpc.main.default_route_table_id`).
 */
export function vpcOf(v: ResourceView, adoptedAttribute: string, u: Unknowns): string | undefined {
  if (!v.unknown('vpc_id')) return v.str('vpc_id');
  for (const [attr, subject] of [
    ['vpc_id', undefined],
    [adoptedAttribute, VPC_TYPES],
  ] as const) {
    const r = v.ctx.resolver.resolve(v.res, [attr], undefined, subject);
    if (r.complete && r.targets.length === 1) return r.targets[0]!.id;
  }
  v.warnUnknown('vpc_id', u, ['networkId'], true);
  return undefined;
}
