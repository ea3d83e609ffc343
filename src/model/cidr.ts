import * as ipaddr from 'ipaddr.js';

const IPV4_LEADING_ZERO = /(^|\.)0\d/;

/**
 * Why `text` is not a CIDR as the API server's strict parser reads it (NetworkPolicy ipBlock,
 * the tier policies' networks): an address and a prefix length, no IPv4 octet or prefix with
 * a leading zero (`010.0.0.0/8`, `10.0.0.0/08`). undefined when it is one.
 */
export function cidrProblem(text: string): string | undefined {
  if (!text.includes('/') || !ipaddr.isValidCIDR(text)) return 'is not a valid CIDR';
  const [addr, prefix] = text.split('/');
  if (ipaddr.parseCIDR(text)[0].kind() === 'ipv4' && IPV4_LEADING_ZERO.test(addr)) return 'is not a valid CIDR (IPv4 octets must not have leading zeros)';
  if (!/^(0|[1-9]\d{0,2})$/.test(prefix)) return 'is not a valid CIDR (the prefix length must not have leading zeros)';
  return undefined;
}
