export { annotateEdges } from './annotate.js';
export { cancelledL7, ciliumL7 } from './cilium-l7.js';
export { CNI_NAMES, cniProfile, type DetectedCni, detectCni } from './cni.js';
export { connectivityOf, workloadPeer } from './connectivity.js';
export type {
  ConnEdge,
  Connlist,
  ExposureSection,
  K8sPeer,
  L7Constraint,
  L7Request,
  MtlsStatus,
  NamedPortRef,
} from './connlist.js';
export { admitted, appliesTo, type Side } from './decide.js';
export { type ExternalAtom, externalAtoms } from './external.js';
export { type Focus, focusOn } from './focus.js';
export { MeshView } from './mesh-view.js';
export { K8S_PORTS, POD_PROTOCOLS, PodConns } from './pod-conns.js';
export { selects } from './selectors.js';
export { ClusterView, DEFAULT_CNI, type Pod } from './view.js';
