export { defaultLimits, type InputLimits } from '../importers/index.js';
export { blastRadius } from './blast-radius.js';
export { egress } from './egress.js';
export { UsageError } from './errors.js';
export { exposure } from './exposure.js';
export { type InputFile, listInputFiles } from './input-files.js';
export { inventoryOf } from './inventory.js';
export {
  type ConnlistAnswer,
  type ConnlistRequest,
  cniByName,
  type Focus,
  k8sConnlist,
} from './k8s-connlist.js';
export { type K8sFindingsAnswer, type K8sFindingsRequest, k8sFindingsOf } from './k8s-findings.js';
export { type LoadedEstate, type LoadOptions, loadEstate } from './load-estate.js';
export { matrix } from './matrix.js';
export { exampleEstatePath, packageRoot, toolVersion } from './paths.js';
export { connectionsOf, type ReachAnswer, type ReachRequest, reach } from './reach.js';
export { diagnosticJson, type ScanResult, scan } from './scan.js';
