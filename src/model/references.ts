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

function many(ids: readonly string[], kinds: readonly ElementKind[], field: string): Reference[] {
  return ids.map((id) => ({ id, kinds, field }));
}

function one(id: string | undefined, kinds: readonly ElementKind[], field: string): Reference[] {
  return id === undefined || id === '' ? [] : [{ id, kinds, field }];
}

/** Every id an element refers to. Used to report dangling references; the engine resolves them itself. */
export function referencesOf(e: Element): Reference[] {
  switch (e.kind) {
    case 'subnet':
      return [...one(e.networkId, ['network'], 'networkId'), ...many(e.filterIds, ['filter'], 'filterIds')];
    case 'endpoint':
      return [
        ...one(e.networkId, ['network'], 'networkId'),
        ...one(e.subnetId, ['subnet'], 'subnetId'),
        ...many(e.filterIds, ['filter'], 'filterIds'),
      ];
    case 'route-table': {
      const out = [
        ...one(e.networkId, ['network'], 'networkId'),
        ...many(e.associations.subnetIds, ['subnet'], 'associations.subnetIds'),
      ];
      for (const r of e.routes) {
        const kinds = routeTargetKinds[r.target.kind];
        // Blackhole routes name targets that are gone by definition.
        if (kinds && r.target.id !== undefined && r.state === 'active')
          out.push({ id: r.target.id, kinds, field: 'routes.target' });
        if (r.destination.kind === 'prefix-list')
          out.push({ id: r.destination.prefixListId, kinds: ['prefix-list'], field: 'routes.destination' });
      }
      return out;
    }
    case 'gateway':
      return [
        ...e.attachments.map((a) => ({ id: a.networkId, kinds: ['network'] as const, field: 'attachments' })),
        ...one(e.subnetId, ['subnet'], 'subnetId'),
      ];
    case 'transit-attachment':
      return [
        ...one(e.gatewayId, ['transit-gateway'], 'gatewayId'),
        ...one(e.networkId, ['network'], 'networkId'),
        ...many(e.subnetIds, ['subnet'], 'subnetIds'),
      ];
    case 'transit-route-table':
      return [
        ...one(e.gatewayId, ['transit-gateway'], 'gatewayId'),
        ...many(e.associations, ['transit-attachment'], 'associations'),
        ...many(e.propagations, ['transit-attachment'], 'propagations'),
        ...e.routes.flatMap((r) => many(r.attachmentIds, ['transit-attachment'], 'routes.attachments')),
      ];
    case 'peering':
      return [
        ...one(e.requester.networkId, ['network'], 'requester.networkId'),
        ...one(e.accepter.networkId, ['network'], 'accepter.networkId'),
      ];
    case 'service-endpoint':
      return [
        ...one(e.networkId, ['network'], 'networkId'),
        ...many(e.routeTableIds, ['route-table'], 'routeTableIds'),
        ...many(e.subnetIds, ['subnet'], 'subnetIds'),
        ...many(e.endpointIds, ['endpoint'], 'endpointIds'),
        ...many(e.filterIds, ['filter'], 'filterIds'),
      ];
    case 'filter': {
      const out = [
        ...one(e.networkId, ['network'], 'networkId'),
        ...many(e.subnetIds, ['subnet'], 'subnetIds'),
      ];
      for (const r of e.rules) {
        if (r.peer.kind === 'group') out.push({ id: r.peer.groupId, kinds: ['filter'], field: 'rules.peer' });
        if (r.peer.kind === 'prefix-list')
          out.push({ id: r.peer.prefixListId, kinds: ['prefix-list'], field: 'rules.peer' });
      }
      return out;
    }
    case 'instance':
      return [
        ...one(e.subnetId, ['subnet'], 'subnetId'),
        ...many(e.endpointIds, ['endpoint'], 'endpointIds'),
      ];
    case 'load-balancer':
      return [
        ...many(e.subnetIds, ['subnet'], 'subnetIds'),
        ...many(e.filterIds, ['filter'], 'filterIds'),
        ...many(e.endpointIds, ['endpoint'], 'endpointIds'),
      ];
    case 'listener':
      return [
        ...one(e.ownerId, ['load-balancer'], 'ownerId'),
        ...many(e.targetGroupIds, ['target-group'], 'targetGroupIds'),
      ];
    case 'target-group':
      return many(e.loadBalancerIds, ['load-balancer'], 'loadBalancerIds');
    case 'database':
      return [...many(e.subnetIds, ['subnet'], 'subnetIds'), ...many(e.filterIds, ['filter'], 'filterIds')];
    case 'public-address':
      return [
        ...one(e.endpointId, ['endpoint'], 'endpointId'),
        ...one(e.instanceId, ['instance'], 'instanceId'),
      ];
    case 'flow-log': {
      const kinds = flowLogTargetKinds[e.resourceKind];
      return kinds ? [{ id: e.resourceId, kinds, field: 'resourceId' }] : [];
    }
    default:
      return [];
  }
}
