/** IP protocol numbers and the names cloud APIs use for them. */

export const PROTO_ICMP = 1;
export const PROTO_TCP = 6;
export const PROTO_UDP = 17;
export const PROTO_ICMPV6 = 58;
export const PROTO_MAX = 255;

export type ProtocolSpec = number | 'all';

const NAMES: ReadonlyMap<string, ProtocolSpec> = new Map<string, ProtocolSpec>([
  ['all', 'all'],
  ['any', 'all'],
  // Azure NSGs write "any protocol" as "*"; AWS uses "-1".
  ['*', 'all'],
  ['-1', 'all'],
  ['icmp', PROTO_ICMP],
  ['tcp', PROTO_TCP],
  ['udp', PROTO_UDP],
  ['icmpv6', PROTO_ICMPV6],
  // Further names GCP and Azure accept in firewall rules.
  ['ipip', 4],
  ['gre', 47],
  ['esp', 50],
  ['ah', 51],
  ['sctp', 132],
]);

const DECIMAL = /^(?:0|[1-9][0-9]{0,2})$/;

/**
 * Accepts a protocol name (case-insensitive), "-1"/"all"/"any"/"*", a decimal string 0-255,
 * or a number 0-255 (-1 meaning all). Returns undefined for anything else; never throws.
 */
export function parseProtocol(input: string | number): ProtocolSpec | undefined {
  if (typeof input === 'number') {
    if (input === -1) return 'all';
    return Number.isInteger(input) && input >= 0 && input <= PROTO_MAX ? input : undefined;
  }
  const named = NAMES.get(input.toLowerCase());
  if (named !== undefined) return named;
  if (!DECIMAL.test(input)) return undefined;
  const n = Number(input);
  return n <= PROTO_MAX ? n : undefined;
}

/** Short name for icmp, tcp, udp and icmpv6; the decimal number otherwise. */
export function protocolName(protocol: number): string {
  switch (protocol) {
    case PROTO_ICMP:
      return 'icmp';
    case PROTO_TCP:
      return 'tcp';
    case PROTO_UDP:
      return 'udp';
    case PROTO_ICMPV6:
      return 'icmpv6';
    default:
      return String(protocol);
  }
}
