export { blastRadiusFormats, runBlastRadius } from './blast-radius.js';
export { egressFormats, runEgress } from './egress.js';
export { exposureFormats, runExposure } from './exposure.js';
export { type ConnlistCliOptions, connlistFormats, runK8sConnlist } from './k8s-connlist.js';
export {
  failOnLevels,
  type K8sFindingsCliOptions,
  k8sFindingsFormats,
  runK8sFindings,
} from './k8s-findings.js';
export { matrixFormats, matrixGroupings, runMatrix } from './matrix.js';
export { reachFormats, reachProtocols, runReach } from './reach.js';
export { renderScan, runScan, type ScanOptions, scanExitCode, scanFormats } from './scan.js';
