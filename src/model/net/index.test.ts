import { describe, expect, it } from 'vitest';
import * as net from './index.js';

describe('index', () => {
  it('re-exports the public API', () => {
    expect(Object.keys(net).sort()).toEqual(
      [
        'ConnectionSet',
        'IPV4_MAX',
        'IPV6_MAX',
        'IcmpSet',
        'IpSet',
        'NetParseError',
        'OTHER_PROTOCOLS',
        'PORT_MAX',
        'PORT_MIN',
        'PROTO_ICMP',
        'PROTO_ICMPV6',
        'PROTO_MAX',
        'PROTO_TCP',
        'PROTO_UDP',
        'PortSet',
        'cidrToRange',
        'exactCidr',
        'familyBits',
        'familyMax',
        'formatCidr',
        'formatIp',
        'formatIpv4',
        'formatIpv6',
        'intervals',
        'parseCidr',
        'parseIp',
        'parseIpv4',
        'parseIpv6',
        'parseProtocol',
        'protocolName',
        'rangeToCidrs',
      ].sort(),
    );
  });

  it('wires the pieces together', () => {
    const sg = net.ConnectionSet.fromRule({ protocol: net.parseProtocol('tcp')!, ports: net.PortSet.of(22) });
    expect(sg.toString()).toBe('tcp 22');
    expect(net.IpSet.fromCidr('10.0.0.0/8').toString()).toBe('10.0.0.0/8');
    expect(net.intervals.size(net.IpSet.allV4().v4Intervals())).toBe(1n << 32n);
  });
});
