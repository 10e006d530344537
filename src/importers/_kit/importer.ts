import type { Fragment } from '../../model/index.js';
import type { JsonDocument } from './json-document.js';

/**
 * What an importer keeps across the documents of one run (one `scan`): e.g. the AWS CLI importer
 * converts an interface listed inside describe-instances only when no describe-network-interfaces
 * document lists it, which halves the work on large exports.
 */
export interface ImportSession {
  import(doc: JsonDocument): Fragment;
  /** Whatever could only be decided once every document was seen. */
  finish(): Fragment;
}

/**
 * One input format. `accepts` looks at content only (top-level keys), never at the file name, so any
 * folder layout works; the importer may still read hints (account, region, parent id) from the path.
 */
export interface Importer {
  readonly id: string;
  readonly description: string;
  accepts(doc: JsonDocument): boolean;
  /** One document on its own. */
  import(doc: JsonDocument): Fragment;
  /** A session for a run of many documents; without one, `import` is called per document. */
  session?(): ImportSession;
}
