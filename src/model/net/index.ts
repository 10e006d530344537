export type { ConnectionRule, PacketQuery } from './connection-set.js';
export { ConnectionSet, OTHER_PROTOCOLS } from './connection-set.js';
export { NetParseError } from './errors.js';
export { IcmpSet } from './icmp-set.js';
export type { Bound, Interval, IntervalList } from './intervals.js';
export * as intervals from './intervals.js';
export type { Cidr, CidrBlock, IpAddress, IpFamily } from './ip.js';
export {
  cidrToRange,
  exactCidr,
  familyBits,
  familyMax,
  formatCidr,
  formatIp,
  formatIpv4,
  formatIpv6,
  IPV4_MAX,
  IPV6_MAX,
  parseCidr,
  parseIp,
  parseIpv4,
  parseIpv6,
  rangeToCidrs,
} from './ip.js';
export { IpSet } from './ip-set.js';
export { PORT_MAX, PORT_MIN, PortSet } from './port-set.js';
export type { ProtocolSpec } from './protocol.js';
export {
  PROTO_ICMP,
  PROTO_ICMPV6,
  PROTO_MAX,
  PROTO_TCP,
  PROTO_UDP,
  parseProtocol,
  protocolName,
} from './protocol.js';
