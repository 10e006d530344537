import type { Database, FlowLogConfig } from '../../model/index.js';
import { opt } from '../_kit/index.js';
import type { ResourceView, Unknowns } from './view.js';

const FLOW_TARGETS = [
  ['vpc_id', 'network'],
  ['subnet_id', 'subnet'],
  ['eni_id', 'endpoint'],
  ['transit_gateway_attachment_id', 'transit-attachment'],
  ['transit_gateway_id', 'transit-gateway'],
] as const;

/** aws_flow_log. */
export function convertFlowLog(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const found = FLOW_TARGETS.find(([a]) => v.unknown(a) || v.str(a) !== undefined);
  if (!found) {
    v.ctx.r.report(
      'error',
      'IMPORT_MISSING_FIELD',
      v.res.valuesPointer,
      'flow log names no resource (vpc_id, subnet_id, eni_id, transit_gateway_id or transit_gateway_attachment_id)',
      'The flow log is ignored.',
    );
    return;
  }
  const [attr, resourceKind] = found;
  const traffic = v.str('traffic_type');
  const trafficType = traffic === 'ACCEPT' || traffic === 'REJECT' ? traffic : 'ALL';
  const fl: FlowLogConfig = {
    ...v.base(id),
    kind: 'flow-log',
    resourceId: v.ref(attr, u, 'resourceId') ?? '',
    resourceKind,
    trafficType,
    ...opt('destinationType', v.str('log_destination_type')),
    ...opt('destination', v.str('log_destination') ?? v.str('log_group_name')),
    ...opt('format', v.str('log_format')),
    ...opt('aggregationIntervalSeconds', v.num('max_aggregation_interval')),
  };
  v.ctx.out.add(fl, u);
}

/** aws_db_instance: subnets come from its aws_db_subnet_group (joined once the file is read). */
export function convertDbInstance(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const group = v.ref('db_subnet_group_name', u, 'subnetIds', 'networkId');
  if (group) v.ctx.facts.dbGroupOf.set(id, group);
  const db: Database = {
    ...v.base(id, { name: id }),
    kind: 'database',
    ...opt('engine', v.str('engine')),
    ...opt('port', v.num('port')),
    subnetIds: [],
    filterIds: v.refs('vpc_security_group_ids', u, 'filterIds'),
    publiclyAccessible: v.bool('publicly_accessible') ?? false,
    ...opt('address', v.str('address')),
    ...opt('state', v.str('status')),
    ...opt('storageEncrypted', v.bool('storage_encrypted')),
  };
  v.ctx.out.add(db, u);
}

/** aws_db_subnet_group: no element of its own, only the subnets of the databases using it. */
export function convertDbSubnetGroup(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const subnetIds = v.refs('subnet_ids', u, 'subnetIds');
  v.ctx.facts.dbSubnetGroups.set(id, {
    subnetIds,
    ...opt('networkId', v.ref('vpc_id')),
    unknown: u.length > 0,
  });
}
