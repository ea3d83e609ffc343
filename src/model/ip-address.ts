import * as ipaddr from 'ipaddr.js';

/** Ranges the API server refuses where an address must reach a host (ValidateNonSpecialIP), with its reason. */
const SPECIAL_RANGES: Array<[[ipaddr.IPv4 | ipaddr.IPv6, number], string]> = [
  [ipaddr.parseCIDR('0.0.0.0/32'), 'unspecified'],
  [ipaddr.parseCIDR('::/128'), 'unspecified'],
  [ipaddr.parseCIDR('127.0.0.0/8'), 'loopback'],
  [ipaddr.parseCIDR('::1/128'), 'loopback'],
  [ipaddr.parseCIDR('169.254.0.0/16'), 'link-local'],
  [ipaddr.parseCIDR('fe80::/10'), 'link-local'],
  [ipaddr.parseCIDR('224.0.0.0/24'), 'link-local multicast'],
  [ipaddr.parseCIDR('ff02::/16'), 'link-local multicast'],
];

/** A strictly written IP address: dotted-quad IPv4 without leading zeros, or IPv6. */
export function isStrictIp(text: string): boolean {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return !/(^|\.)0\d/.test(text);
  return ipaddr.IPv6.isValid(text) && !text.includes('.');
}

/**
 * Why `address` (a valid IP) cannot be an endpoint or external IP: unspecified, loopback,
 * link-local, link-local multicast; undefined when it can.
 */
export function specialAddress(address: string): string | undefined {
  const ip = ipaddr.parse(address);
  return SPECIAL_RANGES.find(([range]) => ip.kind() === range[0].kind() && ip.match(range))?.[1];
}
