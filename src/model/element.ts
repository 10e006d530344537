import type { SourceRef } from './source.js';

export type Provider = 'aws' | 'azure' | 'gcp' | 'kubernetes';

export type Tags = Readonly<Record<string, string>>;

/** Fields every model element has. `id` is stable across runs and unique within its kind. */
export interface ElementBase {
  readonly id: string;
  readonly provider: Provider;
  readonly account?: string;
  readonly region?: string;
  /** Human name (AWS Name tag, resource name). */
  readonly name?: string;
  readonly tags: Tags;
  readonly source: SourceRef;
  /**
   * Model fields whose value the input could not give (Terraform values unknown until apply). The field
   * then holds its empty value and a diagnostic says so; consumers must treat it as "anything", never guess.
   */
  readonly unknown?: readonly string[];
  /**
   * True when this element was synthesised from another object's view of it (an ENI seen inside an
   * instance or NAT gateway). When the full object is also imported, the two are merged and the full
   * one decides scalar fields.
   */
  readonly partial?: boolean;
}
