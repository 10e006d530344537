import { describe, expect, it } from 'vitest';
import { PortSet } from '../../model/index.js';
import { NamedConns } from './named-conns.js';
import { PodConns } from './pod-conns.js';

const tcp = (lo: number, hi = lo) => PodConns.of('TCP', PortSet.range(lo, hi));
const http = { protocol: 'TCP', name: 'http' } as const;
const anyHttp = { protocol: '', name: 'http' } as const;

describe('NamedConns', () => {
  it('drops a name its protocol already covers whole', () => {
    expect(NamedConns.of(PodConns.of('TCP', PortSet.range(1, 65535)), [http]).names).toEqual([]);
    expect(NamedConns.of(tcp(80), [http]).names).toEqual([http]);
  });

  it('keeps a name through an intersection with the same name or a whole protocol only', () => {
    const named = NamedConns.of(tcp(80), [http]);
    expect(named.intersect(NamedConns.all()).names).toEqual([http]);
    expect(named.intersect(NamedConns.of(tcp(1, 1000))).names).toEqual([]);
    expect(named.intersect(NamedConns.of(PodConns.none(), [http])).names).toEqual([http]);
  });

  it('needs every protocol whole to contain a name without protocol', () => {
    const bare = NamedConns.of(PodConns.none(), [anyHttp]);
    expect(bare.containedIn(NamedConns.of(PodConns.of('TCP', PortSet.range(1, 65535))))).toBe(false);
    expect(bare.containedIn(NamedConns.all())).toBe(true);
  });

  it('compares numbers and names for equality', () => {
    expect(NamedConns.of(tcp(80), [http]).equals(NamedConns.of(tcp(80), [http]))).toBe(true);
    expect(NamedConns.of(tcp(80), [http]).equals(NamedConns.of(tcp(80)))).toBe(false);
    expect(NamedConns.none().equals(NamedConns.of(PodConns.none()))).toBe(true);
  });

  it('leaves a numeric range alone when a name is subtracted from it', () => {
    const left = NamedConns.of(tcp(80)).subtract(NamedConns.of(PodConns.none(), [http]));
    expect(left.conns.equals(tcp(80))).toBe(true);
  });
});
