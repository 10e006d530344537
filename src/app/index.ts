export { defaultLimits, type InputLimits } from '../importers/index.js';
export { UsageError } from './errors.js';
export { exposure } from './exposure.js';
export { type InputFile, listInputFiles } from './input-files.js';
export { inventoryOf } from './inventory.js';
export { type LoadedEstate, type LoadOptions, loadEstate } from './load-estate.js';
export { exampleEstatePath, packageRoot, toolVersion } from './paths.js';
export { connectionsOf, type ReachAnswer, type ReachRequest, reach } from './reach.js';
export { diagnosticJson, type ScanResult, scan } from './scan.js';
