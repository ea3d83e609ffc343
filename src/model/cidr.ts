import * as ipaddr from 'ipaddr.js';

const IPV4_LEADING_ZERO = /(^|\.)0\d/;

/**
 * Why `text` is not a CIDR as the API server's strict parser reads it (NetworkPolicy ipBlock,
 * the tier policies' networks): an address and a prefix length, no IPv4 octet or prefix with
 * a leading zero (`010.0.0.0/8`, `10.0.0.0/08`). undefined when it is one.
 */
export function cidrProblem(text: string, options: { canonical?: boolean } = {}): string | undefined {
  if (!text.includes('/')) return 'is not a valid CIDR';
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = parseCidr(text);
  } catch {
    return 'is not a valid CIDR';
  }
  const [addr, prefix] = text.split('/');
  const [ip, bits] = parsed;
  if (ip.kind() === 'ipv4' && IPV4_LEADING_ZERO.test(addr)) return 'is not a valid CIDR (IPv4 octets must not have leading zeros)';
  if (!/^(0|[1-9]\d{0,2})$/.test(prefix)) return 'is not a valid CIDR (the prefix length must not have leading zeros)';
  // NetworkPolicy ipBlocks and Service loadBalancerSourceRanges must also be the network address itself.
  if (options.canonical && ip.toNormalizedString() !== networkAddress(ip, bits).toNormalizedString()) {
    return `is not a valid CIDR (bits are set beyond the prefix length: the network is ${networkAddress(ip, bits).toString()}/${bits})`;
  }
  return undefined;
}

/**
 * ipaddr.parseCIDR, without its first try: it tries IPv6 first and catches the throw for every IPv4
 * text, which made CIDR checks a visible share of reading a cluster's policies. Only IPv6 has a ':'.
 */
export function parseCidr(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  return text.includes(':') ? ipaddr.IPv6.parseCIDR(text) : ipaddr.IPv4.parseCIDR(text);
}

function networkAddress(ip: ipaddr.IPv4 | ipaddr.IPv6, bits: number): ipaddr.IPv4 | ipaddr.IPv6 {
  // Clears every bit after the first `bits`, byte by byte.
  const bytes = ip.toByteArray().map((b, i) => {
    const dropped = 2 ** (8 - Math.max(0, Math.min(8, bits - i * 8)));
    return Math.floor(b / dropped) * dropped;
  });
  return ipaddr.fromByteArray(bytes);
}
