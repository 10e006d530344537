import type { PrefixList, Route, ServiceEndpoint } from '../../model/index.js';
import { own } from '../_kit/aws/index.js';
import { opt } from '../_kit/index.js';
import { markUnknown } from './assembly.js';
import { ResourceView, type Unknowns } from './view.js';

/** aws_ec2_managed_prefix_list (entries inline). */
export function convertPrefixList(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const unknownEntries = v.unknown('entry');
  if (unknownEntries) v.warnUnknown('entry', u, ['cidrs']);
  const cidrs = v.list('entry').flatMap((e) => e.cidr('cidr', u, 'cidrs') ?? []);
  const family = v.str('address_family');
  const pl: PrefixList = {
    ...v.base(id, { name: v.str('name') }),
    kind: 'prefix-list',
    managedBy: 'customer',
    ...opt<'addressFamily', 'IPv4' | 'IPv6'>(
      'addressFamily',
      family === 'IPv4' || family === 'IPv6' ? family : undefined,
    ),
    cidrs,
    entriesKnown: !unknownEntries,
    ...opt('maxEntries', v.num('max_entries')),
  };
  v.ctx.out.add(pl, u);
}

/** aws_ec2_managed_prefix_list_entry: one entry of a list. */
export function convertPrefixListEntry(v: ResourceView): void {
  const u: Unknowns = [];
  const id = v.ref('prefix_list_id', u, 'cidrs');
  if (id === undefined) return;
  const cidr = v.cidr('cidr', u, 'cidrs');
  v.ctx.out.contribute(
    'prefix-list',
    id,
    (pl) => {
      if (cidr && !pl.cidrs.includes(cidr)) pl.cidrs = [...pl.cidrs, cidr];
      markUnknown(pl, u);
    },
    {
      skeleton: () => ({
        ...v.base(id, { tags: {} }),
        kind: 'prefix-list',
        partial: true,
        managedBy: 'customer',
        cidrs: [],
        entriesKnown: false,
      }),
    },
  );
}

/** Terraform pretty-prints policy documents; AWS returns them compact. Compare equal across importers. */
function compactJson(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

const ENDPOINT_TYPES = {
  Gateway: 'gateway',
  Interface: 'interface',
  GatewayLoadBalancer: 'gateway-load-balancer',
} as const;

/** The route a gateway endpoint adds to each of its route tables (cloud-semantics §1.6-1). */
function endpointRoute(
  v: ResourceView,
  tableId: string,
  endpointId: string,
  prefixListId: string | undefined,
  u: Unknowns,
): void {
  const route: Route | undefined = prefixListId
    ? {
        destination: { kind: 'prefix-list', prefixListId },
        target: { kind: 'gateway-endpoint', id: endpointId },
        origin: 'static',
        state: 'active',
        source: v.ctx.r.src(v.res.pointer),
      }
    : undefined;
  v.ctx.out.contribute('route-table', tableId, (t) => {
    if (route) t.routes = [...t.routes, route];
    else markUnknown(t, u.length > 0 ? ['routes'] : []);
  });
}

/**
 * aws_vpc_endpoint. A gateway endpoint's routes (`pl-… -> vpce-…`) are not in Terraform's route table
 * state (the provider leaves them to the endpoint): they are added to the tables from here, and the
 * service's prefix list entries (`cidr_blocks`) become a partial prefix list.
 */
export function convertVpcEndpoint(v: ResourceView): void {
  const id = v.id();
  if (id === undefined) return;
  const u: Unknowns = [];
  const networkId = v.ref('vpc_id', u, 'networkId');
  const typeText = v.str('vpc_endpoint_type') ?? 'Gateway';
  const endpointType = own<ServiceEndpoint['endpointType']>(ENDPOINT_TYPES, typeText);
  if (endpointType === undefined) {
    v.ctx.r.report(
      'unsupported',
      'IMPORT_TF_ENDPOINT_TYPE',
      v.pointer('vpc_endpoint_type'),
      `VPC endpoint type "${typeText}" is not modelled`,
    );
    return;
  }
  const routeTableIds = v.refs('route_table_ids', u, 'routeTableIds');
  const ep: ServiceEndpoint = {
    ...v.base(id),
    kind: 'service-endpoint',
    endpointType,
    networkId: networkId ?? '',
    serviceName: v.str('service_name') ?? '',
    routeTableIds,
    subnetIds: v.refs('subnet_ids', u, 'subnetIds'),
    endpointIds: v.refs('network_interface_ids', endpointType === 'gateway' ? undefined : u, 'endpointIds'),
    filterIds: v.refs('security_group_ids', u, 'filterIds'),
    ...opt('privateDns', v.bool('private_dns_enabled')),
    ...opt('policy', compactJson(v.str('policy'))),
    ...opt('state', v.str('state')),
  };
  v.ctx.out.add(ep, u);
  if (endpointType !== 'gateway') return;
  const ru: Unknowns = [];
  const pl = v.str('prefix_list_id', ru, 'routes');
  for (const t of routeTableIds) endpointRoute(v, t, id, pl, ru);
  const cidrs = v
    .strs('cidr_blocks')
    .flatMap((c, i) => v.ctx.r.cidr(c, `${v.pointer('cidr_blocks')}/${i}`) ?? []);
  if (pl && cidrs.length > 0) {
    // An AWS-managed list: no account of ours owns it.
    const { account: _, ...b } = v.base(pl, { tags: {}, name: ep.serviceName || undefined });
    const list: PrefixList = {
      ...b,
      kind: 'prefix-list',
      partial: true,
      managedBy: 'provider',
      addressFamily: 'IPv4',
      cidrs,
      entriesKnown: true,
    };
    v.ctx.out.add(list);
  }
}

const ENDPOINT_LINKS = {
  route_table_id: 'routeTableIds',
  subnet_id: 'subnetIds',
  security_group_id: 'filterIds',
} as const;

/** aws_vpc_endpoint_route_table_association / _subnet_association / _security_group_association. */
export function convertEndpointLink(v: ResourceView, attr: keyof typeof ENDPOINT_LINKS): void {
  const u: Unknowns = [];
  const field = ENDPOINT_LINKS[attr];
  const endpointId = v.ref('vpc_endpoint_id', u, field);
  const other = v.ref(attr, u, field);
  if (endpointId === undefined || other === undefined) return;
  v.ctx.out.contribute(
    'service-endpoint',
    endpointId,
    (e) => {
      if (!e[field].includes(other)) e[field] = [...e[field], other];
    },
    { missing: () => v.ctx.notInInput(v.res, 'VPC endpoint', endpointId) },
  );
  if (attr !== 'route_table_id') return;
  const endpoint = v.ctx.find(['aws_vpc_endpoint'], endpointId);
  if (!endpoint) return;
  const ev = new ResourceView(v.ctx, endpoint);
  const ru: Unknowns = [];
  endpointRoute(v, other, endpointId, ev.str('prefix_list_id', ru, 'routes'), ru);
}
