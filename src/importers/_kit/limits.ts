/** Limits for untrusted input (DESIGN §5). Defaults fit real exports with a wide margin. */
export interface InputLimits {
  /** Largest file read, in bytes of text. */
  readonly maxBytes: number;
  /** Deepest object/array nesting accepted. AWS and Terraform exports stay under 20. */
  readonly maxDepth: number;
  /** YAML alias expansions per document (billion-laughs guard). */
  readonly maxAliases: number;
}

export const defaultLimits: InputLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxDepth: 128,
  maxAliases: 100,
};
