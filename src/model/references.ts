import type { Element, ElementKind } from './element-union.js';

/** One id an element points at, the kinds it may name, and the field (for messages). */
export interface Reference {
  readonly id: string;
  readonly kinds: readonly ElementKind[];
  readonly field: string;
}

const routeTargetKinds: Readonly<Record<string, readonly ElementKind[]>> = {
  'internet-gateway': ['gateway'],
  'egress-only-internet-gateway': ['gateway'],
  'nat-gateway': ['gateway'],
  'vpn-gateway': ['gateway'],
  'local-gateway': ['gateway'],
  'carrier-gateway': ['gateway'],
  'transit-gateway': ['transit-gateway'],
  peering: ['peering'],
  'network-interface': ['endpoint'],
  instance: ['instance'],
  'gateway-endpoint': ['service-endpoint'],
  'gwlb-endpoint': ['service-endpoint'],
};

const flowLogTargetKinds: Readonly<Record<string, readonly ElementKind[]>> = {
  network: ['network'],
  subnet: ['subnet'],
  endpoint: ['endpoint'],
  'transit-gateway': ['transit-gateway'],
  'transit-attachment': ['transit-attachment'],
};

/** Called once per id an element refers to. */
export type ReferenceVisitor = (id: string, kinds: readonly ElementKind[], field: string) => void;

const NETWORK: readonly ElementKind[] = ['network'];
const SUBNET: readonly ElementKind[] = ['subnet'];
const FILTER: readonly ElementKind[] = ['filter'];
const ENDPOINT: readonly ElementKind[] = ['endpoint'];
const PREFIX_LIST: readonly ElementKind[] = ['prefix-list'];
const TGW: readonly ElementKind[] = ['transit-gateway'];
const ATTACHMENT: readonly ElementKind[] = ['transit-attachment'];

/**
 * Every id an element refers to, visited without building lists (an estate of 20k elements has ~100k
 * references). Used to report dangling references; the engine resolves them itself.
 */
function one(
  visit: ReferenceVisitor,
  id: string | undefined,
  kinds: readonly ElementKind[],
  field: string,
): void {
  if (id !== undefined && id !== '') visit(id, kinds, field);
}

function many(
  visit: ReferenceVisitor,
  ids: readonly string[],
  kinds: readonly ElementKind[],
  field: string,
): void {
  for (const id of ids) visit(id, kinds, field);
}

export function forEachReference(e: Element, visit: ReferenceVisitor): void {
  switch (e.kind) {
    case 'subnet':
      one(visit, e.networkId, NETWORK, 'networkId');
      many(visit, e.filterIds, FILTER, 'filterIds');
      return;
    case 'endpoint':
      one(visit, e.networkId, NETWORK, 'networkId');
      one(visit, e.subnetId, SUBNET, 'subnetId');
      many(visit, e.filterIds, FILTER, 'filterIds');
      return;
    case 'route-table':
      one(visit, e.networkId, NETWORK, 'networkId');
      many(visit, e.associations.subnetIds, SUBNET, 'associations.subnetIds');
      for (const r of e.routes) {
        const kinds = routeTargetKinds[r.target.kind];
        // Blackhole routes name targets that are gone by definition.
        if (kinds && r.state === 'active') one(visit, r.target.id, kinds, 'routes.target');
        if (r.destination.kind === 'prefix-list')
          visit(r.destination.prefixListId, PREFIX_LIST, 'routes.destination');
      }
      return;
    case 'gateway':
      for (const a of e.attachments) visit(a.networkId, NETWORK, 'attachments');
      one(visit, e.subnetId, SUBNET, 'subnetId');
      return;
    case 'transit-attachment':
      one(visit, e.gatewayId, TGW, 'gatewayId');
      one(visit, e.networkId, NETWORK, 'networkId');
      many(visit, e.subnetIds, SUBNET, 'subnetIds');
      return;
    case 'transit-route-table':
      one(visit, e.gatewayId, TGW, 'gatewayId');
      many(visit, e.associations, ATTACHMENT, 'associations');
      many(visit, e.propagations, ATTACHMENT, 'propagations');
      for (const r of e.routes) many(visit, r.attachmentIds, ATTACHMENT, 'routes.attachments');
      return;
    case 'peering':
      one(visit, e.requester.networkId, NETWORK, 'requester.networkId');
      one(visit, e.accepter.networkId, NETWORK, 'accepter.networkId');
      return;
    case 'service-endpoint':
      one(visit, e.networkId, NETWORK, 'networkId');
      many(visit, e.routeTableIds, ['route-table'], 'routeTableIds');
      many(visit, e.subnetIds, SUBNET, 'subnetIds');
      many(visit, e.endpointIds, ENDPOINT, 'endpointIds');
      many(visit, e.filterIds, FILTER, 'filterIds');
      return;
    case 'filter':
      one(visit, e.networkId, NETWORK, 'networkId');
      many(visit, e.subnetIds, SUBNET, 'subnetIds');
      for (const r of e.rules) {
        if (r.peer.kind === 'group') visit(r.peer.groupId, FILTER, 'rules.peer');
        if (r.peer.kind === 'prefix-list') visit(r.peer.prefixListId, PREFIX_LIST, 'rules.peer');
      }
      return;
    case 'instance':
      one(visit, e.subnetId, SUBNET, 'subnetId');
      many(visit, e.endpointIds, ENDPOINT, 'endpointIds');
      return;
    case 'load-balancer':
      many(visit, e.subnetIds, SUBNET, 'subnetIds');
      many(visit, e.filterIds, FILTER, 'filterIds');
      return;
    case 'listener':
      one(visit, e.ownerId, ['load-balancer'], 'ownerId');
      many(visit, e.targetGroupIds, ['target-group'], 'targetGroupIds');
      return;
    case 'target-group':
      many(visit, e.loadBalancerIds, ['load-balancer'], 'loadBalancerIds');
      return;
    case 'database':
      many(visit, e.subnetIds, SUBNET, 'subnetIds');
      many(visit, e.filterIds, FILTER, 'filterIds');
      return;
    case 'public-address':
      one(visit, e.endpointId, ENDPOINT, 'endpointId');
      one(visit, e.instanceId, ['instance'], 'instanceId');
      return;
    case 'flow-log': {
      const kinds = flowLogTargetKinds[e.resourceKind];
      if (kinds) visit(e.resourceId, kinds, 'resourceId');
      return;
    }
    default:
      return;
  }
}

/** Every id an element refers to, as a list. */
export function referencesOf(e: Element): Reference[] {
  const out: Reference[] = [];
  forEachReference(e, (id, kinds, field) => out.push({ id, kinds, field }));
  return out;
}
