export { defaultLimits, type Importer, type InputLimits } from './_kit/index.js';
export { importDocument, importers, importText } from './registry.js';
