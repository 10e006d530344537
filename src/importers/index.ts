export { defaultLimits, type Importer, type ImportSession, type InputLimits } from './_kit/index.js';
export { createImportRun, type ImportRun, importers, importText } from './registry.js';
