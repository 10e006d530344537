export { NO_TAGS, NONE, orNone } from './empty.js';
export type { Importer, ImportSession } from './importer.js';
export { type JsonDocument, parseJsonDocument } from './json-document.js';
export { JsonLocator } from './json-locator.js';
export { defaultLimits, type InputLimits } from './limits.js';
export { opt } from './opt.js';
export { type Mutable, put } from './put.js';
export { type Json, Reader } from './reader.js';
export { DiagnosticSink } from './sink.js';
