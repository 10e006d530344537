export type { ConnEdge, Connlist, ExposureSection, K8sPeer, NamedPortRef } from './connlist.js';
export { K8S_PORTS, POD_PROTOCOLS, PodConns } from './pod-conns.js';
