/**
 * Raised by the throwing convenience constructors (`IpSet.fromCidr`, `PortSet.parse`, ...).
 * Those are meant for literals written by programmers; user input should go through the
 * `try*` variants, which return the same message as a string instead of throwing.
 */
export class NetParseError extends Error {
  override readonly name = 'NetParseError';
  /** The text that failed to parse, kept so callers can point at the offending value. */
  readonly input: string;

  constructor(message: string, input: string) {
    super(message);
    this.input = input;
  }
}
