/* eslint-disable no-bitwise */ // Address arithmetic (masks, shifts) is bitwise by nature.
import * as ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;

/** A contiguous, inclusive range of addresses of one family, as integers. */
export interface IpRange {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

export function familyMax(family: IpFamily): bigint {
  return (1n << BigInt(BITS[family])) - 1n;
}

/** The whole address space of a family (0.0.0.0/0 or ::/0). */
export function fullRange(family: IpFamily): IpRange {
  return { family, start: 0n, end: familyMax(family) };
}

function toBigInt(addr: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let n = 0n;
  for (const b of addr.toByteArray()) n = (n << 8n) | BigInt(b);
  return n;
}

function fromBigInt(family: IpFamily, n: bigint): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes: number[] = [];
  for (let i = 0; i < BITS[family] / 8; i++) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return ipaddr.fromByteArray(bytes);
}

/** Formats one address: dotted quad for IPv4, RFC 5952 for IPv6. */
export function formatAddress(family: IpFamily, n: bigint): string {
  const a = fromBigInt(family, n);
  return a.kind() === 'ipv6' ? (a as ipaddr.IPv6).toRFC5952String() : a.toString();
}

/**
 * Parses `a.b.c.d`, `a.b.c.d/n`, an IPv6 address or CIDR, or a range
 * `first-last` (the notation {@link formatIpRange} prints). Host bits of a CIDR
 * are masked, as the API server's sloppy parser does. Returns undefined when the
 * text is none of these.
 */
export function parseIpRange(text: string): IpRange | undefined {
  const t = text.trim();
  const dash = t.indexOf('-');
  if (dash > 0) {
    const a = parseAddress(t.slice(0, dash));
    const b = parseAddress(t.slice(dash + 1));
    if (!a || !b || a.family !== b.family || a.n > b.n) return undefined;
    return { family: a.family, start: a.n, end: b.n };
  }
  if (t.includes('/')) {
    const [addr, bitsText, extra] = t.split('/');
    const a = parseAddress(addr);
    if (!a || extra !== undefined || !/^\d{1,3}$/.test(bitsText) || Number(bitsText) > BITS[a.family]) return undefined;
    return cidrRange(a.family, a.n, Number(bitsText));
  }
  const a = parseAddress(t);
  return a ? { family: a.family, start: a.n, end: a.n } : undefined;
}

function parseAddress(s: string): { family: IpFamily; n: bigint } | undefined {
  if (!ipaddr.isValid(s)) return undefined;
  // ipaddr.js accepts octal, hex and short IPv4 forms that Kubernetes rejects.
  if (s.includes('.') && !s.includes(':') && (!/^(\d{1,3})(\.\d{1,3}){3}$/.test(s) || /(^|\.)0\d/.test(s))) return undefined;
  const a = ipaddr.parse(s);
  return { family: a.kind() === 'ipv4' ? 4 : 6, n: toBigInt(a) };
}

function cidrRange(family: IpFamily, addr: bigint, bits: number): IpRange {
  const hostBits = BigInt(BITS[family] - bits);
  const mask = (1n << hostBits) - 1n;
  const start = addr & ~mask & familyMax(family);
  return { family, start, end: start | mask };
}

/** Parses a CIDR; throws on invalid text (model readers validate before this runs). */
export function cidrToRange(cidr: string): IpRange {
  let r = cidrCache.get(cidr);
  if (!r) {
    r = parseIpRange(cidr);
    if (!r || !cidr.includes('/')) throw new Error(`invalid CIDR "${cidr}"`);
    // Policies repeat the same few CIDRs; bound the cache for long-running callers.
    if (cidrCache.size > 10_000) cidrCache.clear();
    cidrCache.set(cidr, r);
  }
  return r;
}

const cidrCache = new Map<string, IpRange>();

/**
 * netpol-analyzer wording: `first-last`, also for a single address
 * (`10.0.0.1-10.0.0.1`) and for ranges that are exact CIDRs.
 */
export function formatIpRange(r: IpRange): string {
  return `${formatAddress(r.family, r.start)}-${formatAddress(r.family, r.end)}`;
}

/** The shortest notation: an address, a CIDR, or `first-last`. */
export function formatIpRangeShort(r: IpRange): string {
  if (r.start === r.end) return formatAddress(r.family, r.start);
  const size = r.end - r.start + 1n;
  if ((size & (size - 1n)) === 0n && r.start % size === 0n) {
    let bits = 0;
    for (let s = size; s > 1n; s >>= 1n) bits++;
    return `${formatAddress(r.family, r.start)}/${BITS[r.family] - bits}`;
  }
  return formatIpRange(r);
}

export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

export function compareRanges(a: IpRange, b: IpRange): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

/** `from` minus every range of `minus`, as sorted disjoint ranges. */
export function subtractRanges(from: IpRange, minus: readonly IpRange[]): IpRange[] {
  let parts: IpRange[] = [from];
  for (const m of minus) {
    const next: IpRange[] = [];
    for (const p of parts) {
      if (!rangesOverlap(p, m)) {
        next.push(p);
        continue;
      }
      if (p.start < m.start) next.push({ family: p.family, start: p.start, end: m.start - 1n });
      if (m.end < p.end) next.push({ family: p.family, start: m.end + 1n, end: p.end });
    }
    parts = next;
  }
  return parts.sort(compareRanges);
}

/** Sorted ranges with overlapping and adjacent ones joined (per family). */
export function mergeRanges(ranges: readonly IpRange[]): IpRange[] {
  const out: IpRange[] = [];
  for (const r of [...ranges].sort(compareRanges)) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.start <= last.end + 1n) {
      if (r.end > last.end) out[out.length - 1] = { family: r.family, start: last.start, end: r.end };
    } else {
      out.push(r);
    }
  }
  return out;
}

/** The fewest CIDR blocks that cover exactly `r`, in address order. */
export function rangeToCidrs(r: IpRange): IpRange[] {
  const out: IpRange[] = [];
  let start = r.start;
  while (start <= r.end) {
    // The largest block aligned at `start` that does not pass the end.
    let size = 1n;
    while (start % (size * 2n) === 0n && start + size * 2n - 1n <= r.end && size * 2n - 1n <= familyMax(r.family)) size *= 2n;
    out.push({ family: r.family, start, end: start + size - 1n });
    start += size;
  }
  return out;
}
