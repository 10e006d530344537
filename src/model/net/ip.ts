/**
 * Parsing and formatting of single IP addresses and CIDR blocks. Addresses are plain bigints
 * tagged with their family so the set algebra can stay numeric.
 *
 * Parsers never throw on user input: they return `undefined` (addresses) or an error message
 * string (CIDRs), because cloud exports routinely contain junk that must become a finding,
 * not a crash.
 */

import type { Interval } from './intervals.js';

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

export interface CidrBlock {
  readonly family: IpFamily;
  /** First address of the block (host bits always clear). */
  readonly network: bigint;
  readonly prefix: number;
}

export interface Cidr extends CidrBlock {
  /** `network/prefix` with the address in canonical form. */
  readonly canonical: string;
  /** The input had bits set below the prefix (e.g. `10.0.0.5/8`); AWS silently masks those. */
  readonly hostBitsSet: boolean;
}

export const IPV4_MAX = (1n << 32n) - 1n;
export const IPV6_MAX = (1n << 128n) - 1n;

export function familyBits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

export function familyMax(family: IpFamily): bigint {
  return family === 4 ? IPV4_MAX : IPV6_MAX;
}

// Strict: no leading zeros, because some stacks read "010" as octal and we must not guess.
const DECIMAL_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const PREFIX = /^(?:0|[1-9][0-9]{0,2})$/;
// ::ffff:0:0/96 gets RFC 5952 section 5 mixed notation; readers recognise the IPv4 part.
const V4_MAPPED_HIGH = 0xffffn;

export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

/** Parses colon-separated groups into 16-bit words; an IPv4 suffix counts as two words. */
function parseGroups(parts: readonly string[], allowV4Suffix: boolean): number[] | undefined {
  const words: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (allowV4Suffix && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      words.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else {
      if (!HEX_GROUP.test(part)) return undefined;
      words.push(Number.parseInt(part, 16));
    }
  }
  return words;
}

export function parseIpv6(text: string): bigint | undefined {
  // 45 = longest legal form ("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"); bounds regex work.
  if (text.length < 2 || text.length > 45) return undefined;
  const gap = text.indexOf('::');
  // A second "::" (or ":::") makes the zero run ambiguous.
  if (gap !== text.lastIndexOf('::')) return undefined;
  let words: number[];
  if (gap === -1) {
    const all = parseGroups(text.split(':'), true);
    if (all === undefined || all.length !== 8) return undefined;
    words = all;
  } else {
    const headText = text.slice(0, gap);
    const tailText = text.slice(gap + 2);
    const head = headText === '' ? [] : parseGroups(headText.split(':'), false);
    const tail = tailText === '' ? [] : parseGroups(tailText.split(':'), true);
    // "::" stands for at least one zero group.
    if (head === undefined || tail === undefined || head.length + tail.length > 7) return undefined;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  let value = 0n;
  for (const w of words) value = (value << 16n) | BigInt(w);
  return value;
}

/** Family is decided by the presence of ':' so that error messages can name the right one. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

function checkRange(family: IpFamily, value: bigint): void {
  if (value < 0n || value > familyMax(family)) {
    throw new RangeError(`value ${value} is outside the IPv${family} address space`);
  }
}

export function formatIpv4(value: bigint): string {
  checkRange(4, value);
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952: lowercase, no leading zeros, longest (leftmost on tie) run of >= 2 zero groups as "::". */
export function formatIpv6(value: bigint): string {
  checkRange(6, value);
  if (value >> 32n === V4_MAPPED_HIGH) return `::ffff:${formatIpv4(value & IPV4_MAX)}`;
  const words: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) words.push(Number((value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
}

export function formatIp(family: IpFamily, value: bigint): string {
  return family === 4 ? formatIpv4(value) : formatIpv6(value);
}

export function formatCidr(block: CidrBlock): string {
  return `${formatIp(block.family, block.network)}/${block.prefix}`;
}

function hostMask(family: IpFamily, prefix: number): bigint {
  return (1n << BigInt(familyBits(family) - prefix)) - 1n;
}

/**
 * Parses `a.b.c.d/n`, `x:y::/n`, or a bare address (taken as /32 or /128).
 * Returns an error message string on failure.
 */
// Engines parse the same few thousand rule and route CIDRs millions of times; results are immutable.
const CIDR_CACHE = new Map<string, Cidr | string>();
const CIDR_CACHE_MAX = 200_000;

export function parseCidr(text: string): Cidr | string {
  const hit = CIDR_CACHE.get(text);
  if (hit !== undefined) return hit;
  const parsed = parseCidrUncached(text);
  if (CIDR_CACHE.size >= CIDR_CACHE_MAX) CIDR_CACHE.clear();
  CIDR_CACHE.set(text, typeof parsed === 'string' ? parsed : Object.freeze(parsed));
  return parsed;
}

function parseCidrUncached(text: string): Cidr | string {
  const quoted = JSON.stringify(text);
  if (text === '') return 'empty CIDR';
  if (/\s/.test(text)) return `invalid CIDR ${quoted}: contains whitespace`;
  const parts = text.split('/');
  if (parts.length > 2) return `invalid CIDR ${quoted}: more than one "/"`;
  const addressText = parts[0]!;
  const prefixText = parts[1];
  const address = parseIp(addressText);
  if (address === undefined) {
    const kind = addressText.includes(':') ? 'IPv6' : 'IPv4';
    return `invalid CIDR ${quoted}: ${JSON.stringify(addressText)} is not a valid ${kind} address`;
  }
  const bits = familyBits(address.family);
  let prefix = bits;
  if (prefixText !== undefined) {
    if (prefixText === '') return `invalid CIDR ${quoted}: missing prefix length after "/"`;
    const n = PREFIX.test(prefixText) ? Number(prefixText) : Number.NaN;
    if (!(n <= bits)) return `invalid CIDR ${quoted}: prefix length must be an integer 0-${bits}`;
    prefix = n;
  }
  const mask = hostMask(address.family, prefix);
  const network = address.value & ~mask;
  return {
    family: address.family,
    network,
    prefix,
    canonical: formatCidr({ family: address.family, network, prefix }),
    hostBitsSet: network !== address.value,
  };
}

/** First and last address of a block. */
export function cidrToRange(block: CidrBlock): Interval<bigint> {
  const mask = hostMask(block.family, block.prefix);
  const lo = block.network & ~mask;
  return { lo, hi: lo | mask };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** The single CIDR block equal to [lo, hi], if the range is exactly one block. */
export function exactCidr(lo: bigint, hi: bigint, family: IpFamily): CidrBlock | undefined {
  const count = hi - lo + 1n;
  // A block is a power-of-two sized range aligned on its size.
  if (count <= 0n || (count & (count - 1n)) !== 0n || (lo & (count - 1n)) !== 0n) return undefined;
  return { family, network: lo, prefix: familyBits(family) - (bitLength(count) - 1) };
}

/** Minimal list of CIDR blocks whose union is exactly [lo, hi], ascending. */
export function rangeToCidrs(lo: bigint, hi: bigint, family: IpFamily): CidrBlock[] {
  checkRange(family, lo);
  checkRange(family, hi);
  if (lo > hi) throw new RangeError(`invalid range: ${lo} > ${hi}`);
  const bits = familyBits(family);
  const out: CidrBlock[] = [];
  let cur = lo;
  while (cur <= hi) {
    // Greedy: the largest block that starts at `cur` (alignment) and still fits before `hi`.
    const alignBits = cur === 0n ? bits : bitLength(cur & -cur) - 1;
    const fitBits = bitLength(hi - cur + 1n) - 1;
    const k = Math.min(alignBits, fitBits);
    out.push({ family, network: cur, prefix: bits - k });
    cur += 1n << BigInt(k);
  }
  return out;
}
