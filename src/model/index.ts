export type { AddressRef, LabelSelector, Located, PeerRef } from './addressing.js';
export type {
  Cluster,
  CniProfile,
  IngressBackend,
  IngressRoute,
  MeshPolicy,
  MeshTargetRef,
  Namespace,
  Service,
  Workload,
  WorkloadPod,
} from './cluster.js';
export { compareDiagnostics, type Diagnostic, type DiagnosticSeverity, severityRank } from './diagnostic.js';
export type { ElementBase, Provider, Tags } from './element.js';
export { type Element, type ElementKind, type ElementOf, elementKinds } from './element-union.js';
export type { Endpoint, EndpointKind, Identity, OsHint } from './endpoint.js';
export { buildEstate, Estate, type Fragment } from './estate.js';
export type { Action, Direction, Filter, FilterKind, FilterRule } from './filter.js';
export type {
  Gateway,
  GatewayAddress,
  GatewayKind,
  Peering,
  PeeringSide,
  PrefixList,
  PublicAddress,
  ServiceEndpoint,
  TransitAttachment,
  TransitGateway,
  TransitResourceKind,
  TransitRoute,
  TransitRouteTable,
} from './gateway.js';
export { contentKey } from './merge.js';
export * from './net/index.js';
export type { Network, Subnet } from './network.js';
export type { EgressControl, FlowLogConfig } from './observability.js';
export type {
  HttpRule,
  NamespaceScope,
  PodPeer,
  PodPolicy,
  PodPolicyKind,
  PodPolicyRule,
  PodPort,
  PodProtocol,
} from './pod-policy.js';
export { forEachReference, type Reference, type ReferenceVisitor, referencesOf } from './references.js';
export type { Route, RouteTable, RouteTableAssociations, RouteTarget, RouteTargetKind } from './routing.js';
export {
  childPointer,
  escapePointerToken,
  fixedSource,
  formatLocation,
  type Locator,
  type Position,
  parsePointer,
  plainSource,
  type SourceRef,
  sourceRef,
} from './source.js';
export type { Database, Instance, Listener, LoadBalancer, Target, TargetGroup } from './workload.js';
