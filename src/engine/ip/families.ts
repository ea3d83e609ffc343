import { Cluster } from '../../model/cluster';
import { perCluster } from '../cluster-memo';

const seen = perCluster(scan);

/**
 * Whether any IPv6 address appears in the input: an ipBlock of either
 * direction, a Service's cluster IP, external IPs, source ranges or
 * ipFamilies, an IPv6 EndpointSlice, or a Pod's status.podIP(s). IPv6
 * `networks` of cluster-wide tier policies alone do not count: netpol-analyzer
 * lists only IPv4 for them (its anp_and_banp_using_networks_with_ipv6 case).
 * Once one does, listings show the IPv6 external universe next to the IPv4
 * one, for every pod and both directions, not only where a policy names an
 * IPv6 range (a pod with no egress policy then reaches ::/0 as it reaches 0.0.0.0/0).
 */
export function inputHasIpv6(cluster: Cluster): boolean {
  return seen(cluster);
}

function scan(cluster: Cluster): boolean {
  const v6 = (s: unknown) => typeof s === 'string' && s.includes(':');
  for (const p of cluster.networkPolicies) {
    for (const rules of [p.ingress, p.egress]) {
      for (const rule of rules) for (const peer of rule.peers) if (peer.ipBlock && v6(peer.ipBlock.cidr)) return true;
    }
  }
  for (const s of cluster.services) {
    if (v6(s.clusterIP) || s.ipFamilies.includes('IPv6') || s.externalIPs.some(v6) || s.loadBalancerSourceRanges.some(v6)) return true;
  }
  if (cluster.endpointSlices.some(e => e.addressType === 'IPv6')) return true;
  // Pod IPs are not part of the model (workloads are pod templates); status is read where a Pod carries one.
  for (const { object } of cluster.objects) {
    if (object.kind !== 'Pod') continue;
    const status = object.status as { podIP?: unknown; podIPs?: { ip?: unknown }[] } | undefined;
    if (v6(status?.podIP) || (Array.isArray(status?.podIPs) && status!.podIPs.some(p => v6(p?.ip)))) return true;
  }
  return false;
}
