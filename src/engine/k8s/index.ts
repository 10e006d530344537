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
export { admitted, type Reason, type Side } from './decide.js';
export { explainAll } from './explain.js';
export { bySystemDefault, type ExplainGroup, explainGroups, type SideAccount } from './explain-groups.js';
export { ENTIRE_CLUSTER, exposureSectionOf } from './exposure.js';
export { type ExternalAtom, externalAtoms } from './external.js';
export {
  FINDING_SEVERITIES,
  type FindingKind,
  type FindingSeverity,
  K8S_FINDING_KINDS,
  type K8sFinding,
  k8sFindings,
} from './findings/index.js';
export { type Focus, focusOn } from './focus.js';
export { INGRESS_CONTROLLER, ingressControllerEdges, withIngressController } from './ingress-controller.js';
export { type Isolation, policyNameOf } from './isolation.js';
export { MeshView } from './mesh-view.js';
export { NamedConns } from './named-conns.js';
export { explainPair, type PairExplanation } from './pair-explanation.js';
export { K8S_PORTS, POD_PROTOCOLS, PodConns } from './pod-conns.js';
export { PodMap } from './pod-map.js';
export { type Representative, representatives } from './representative.js';
export { byCodeUnitOrder, namespaceText, podText, selectorText } from './selector-text.js';
export { appliesTo, selects } from './selectors.js';
export { ClusterView, DEFAULT_CNI, type Pod, type ViewGranularity } from './view.js';
