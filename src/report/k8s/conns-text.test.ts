import { describe, expect, it } from 'vitest';
import { PodConns } from '../../engine/index.js';
import { PortSet } from '../../model/index.js';
import { connsText, focusConnText } from './conns-text.js';

const tcp = (lo: number, hi = lo) => PodConns.of('TCP', PortSet.range(lo, hi));
const udp = (lo: number, hi = lo) => PodConns.of('UDP', PortSet.range(lo, hi));

describe('connsText', () => {
  it('names the full and the empty set', () => {
    expect(connsText(PodConns.all())).toBe('All Connections');
    expect(connsText(PodConns.none())).toBe('No Connections');
  });

  it('writes single ports as N and merged ranges as A-B, comma-joined', () => {
    expect(connsText(tcp(8080))).toBe('TCP 8080');
    expect(connsText(tcp(8000).union(tcp(8090)))).toBe('TCP 8000,8090');
    expect(connsText(tcp(10053).union(tcp(10054)).union(udp(10053)))).toBe('TCP 10053-10054,UDP 10053');
    expect(connsText(tcp(1, 65535))).toBe('TCP 1-65535');
  });

  it('sorts the protocol items as strings: SCTP, TCP, UDP', () => {
    const allButDns = PodConns.all().subtract(udp(5353));
    expect(connsText(allButDns)).toBe('SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535');
    expect(connsText(udp(53).union(PodConns.of('SCTP', PortSet.of(9))))).toBe('SCTP 9,UDP 53');
  });

  it('prints unresolved named ports after the numbers, sorted and once each', () => {
    const named = [
      { protocol: 'TCP', name: 'local-dns' },
      { protocol: 'TCP', name: 'http' },
      { protocol: 'TCP', name: 'http' },
    ] as const;
    expect(connsText(PodConns.none(), named)).toBe('TCP http,local-dns');
    expect(connsText(tcp(80).union(udp(53)), [...named, { protocol: 'UDP', name: 'dns' }])).toBe(
      'TCP 80,http,local-dns,UDP 53,dns',
    );
  });

  it('prints admin-policy names without a protocol first, after an empty protocol', () => {
    expect(connsText(udp(53), [{ protocol: '', name: 'local-port' }])).toBe(' local-port,UDP 53');
  });

  it('does not collapse a set with named ports to All Connections', () => {
    expect(connsText(PodConns.all(), [{ protocol: 'SCTP', name: 'x' }])).toBe(
      'SCTP 1-65535,x,TCP 1-65535,UDP 1-65535',
    );
  });
});

describe('focusConnText', () => {
  it('writes the protocol and the port', () => {
    expect(focusConnText({ protocol: 'UDP', port: 52 })).toBe('UDP 52');
  });
});
