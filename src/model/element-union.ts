import type { Cluster, IngressRoute, MeshPolicy, Namespace, Service, Workload } from './cluster.js';
import type { Endpoint } from './endpoint.js';
import type { Filter } from './filter.js';
import type {
  Gateway,
  Peering,
  PrefixList,
  PublicAddress,
  ServiceEndpoint,
  TransitAttachment,
  TransitGateway,
  TransitRouteTable,
} from './gateway.js';
import type { Network, Subnet } from './network.js';
import type { EgressControl, FlowLogConfig } from './observability.js';
import type { PodPolicy } from './pod-policy.js';
import type { RouteTable } from './routing.js';
import type { Database, Instance, Listener, LoadBalancer, TargetGroup } from './workload.js';

export type Element =
  | Network
  | Subnet
  | Endpoint
  | RouteTable
  | Gateway
  | TransitGateway
  | TransitAttachment
  | TransitRouteTable
  | Peering
  | ServiceEndpoint
  | PrefixList
  | PublicAddress
  | Filter
  | Instance
  | LoadBalancer
  | Listener
  | TargetGroup
  | Database
  | FlowLogConfig
  | EgressControl
  | Cluster
  | Namespace
  | Workload
  | Service
  | IngressRoute
  | PodPolicy
  | MeshPolicy;

export type ElementKind = Element['kind'];

export type ElementOf<K extends ElementKind> = Extract<Element, { kind: K }>;

/** Display order of kinds in inventories and sorted estates. */
export const elementKinds: readonly ElementKind[] = [
  'network',
  'subnet',
  'route-table',
  'gateway',
  'transit-gateway',
  'transit-attachment',
  'transit-route-table',
  'peering',
  'service-endpoint',
  'prefix-list',
  'public-address',
  'filter',
  'endpoint',
  'instance',
  'load-balancer',
  'listener',
  'target-group',
  'database',
  'flow-log',
  'egress-control',
  'cluster',
  'namespace',
  'workload',
  'service',
  'ingress-route',
  'pod-policy',
  'mesh-policy',
];
