/** A usage problem the CLI reports without a stack trace (exit 2). Wording lives with the code. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
