import type { Fragment } from '../../model/index.js';
import type { JsonDocument } from './json-document.js';

/**
 * One input format. `accepts` looks at content only (top-level keys), never at the file name, so any
 * folder layout works; the importer may still read hints (account, region, parent id) from the path.
 */
export interface Importer {
  readonly id: string;
  readonly description: string;
  accepts(doc: JsonDocument): boolean;
  import(doc: JsonDocument): Fragment;
}
