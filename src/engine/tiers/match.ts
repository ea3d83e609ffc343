import { Cluster } from '../../model/cluster';
import { NamespacedPodSelector, TierPeer, TierPolicy, TierSubject } from '../../model/kinds/tier-policy';
import { cidrToRange, rangeContains } from '../ip/range';
import { Endpoint, endpointRange, PodEndpoint } from '../netpol/endpoint';
import { namespaceLabels } from '../netpol/peers';
import { matchesSelector } from '../selector';

/** Why a `nodes` peer matches nothing here. */
export const NODES_PEER_NOTE = 'nodes peers select node IPs; the model has no node addresses, so they match no traffic';

/**
 * Why a `networks` peer matches a pod only through a /0 CIDR: pod IPs are
 * unknown before scheduling, but every pod IP lies in 0.0.0.0/0 (or ::/0).
 */
export const NETWORKS_POD_NOTE = 'networks peers are matched against pod traffic only through 0.0.0.0/0 or ::/0: pod IPs are not known';

/** Host-networked pods are never selected by subjects or by namespaces/pods peers. */
function selectablePod(e: Endpoint): e is PodEndpoint {
  return e.kind === 'pod' && !e.workload?.hostNetwork;
}

function podMatches(cluster: Cluster, sel: NamespacedPodSelector, pod: PodEndpoint): boolean {
  return matchesSelector(sel.namespaceSelector, namespaceLabels(cluster, pod.namespace)) && matchesSelector(sel.podSelector, pod.labels);
}

export function subjectSelects(cluster: Cluster, subject: TierSubject, pod: Endpoint): pod is PodEndpoint {
  if (!selectablePod(pod)) return false;
  if (subject.namespaces) return matchesSelector(subject.namespaces, namespaceLabels(cluster, pod.namespace));
  return subject.pods ? podMatches(cluster, subject.pods, pod) : false;
}

/** Whether `policy` applies to `pod` for the direction (it must have rules there: no rules, no effect). */
export function policyApplies(cluster: Cluster, policy: TierPolicy, direction: 'ingress' | 'egress', pod: Endpoint): boolean {
  return policy[direction].length > 0 && subjectSelects(cluster, policy.subject, pod);
}

/** Whether one peer of a rule matches the remote end of the connection. */
export function tierPeerMatches(cluster: Cluster, peer: TierPeer, remote: Endpoint): boolean {
  if (peer.namespaces) return selectablePod(remote) && matchesSelector(peer.namespaces, namespaceLabels(cluster, remote.namespace));
  if (peer.pods) return selectablePod(remote) && podMatches(cluster, peer.pods, remote);
  if (peer.networks) {
    if (remote.kind === 'pod') return peer.networks.some(isWholeFamily);
    const r = endpointRange(remote);
    return peer.networks.some(n => {
      const net = cidrToRange(n);
      return net.family === r.family && rangeContains(net, r);
    });
  }
  // nodes: no node addresses in the model; domainNames: names are resolved at run time.
  return false;
}

function isWholeFamily(cidr: string): boolean {
  return cidr.endsWith('/0');
}

/**
 * CIDRs of every `networks` peer of one direction: they cut the address space
 * into the external peers a listing shows. IPv6 networks only when the listing
 * shows the IPv6 universe (`ipv6`, see inputHasIpv6).
 */
export function tierNetworkCidrs(cluster: Cluster, direction: 'ingress' | 'egress', ipv6 = false): string[] {
  const out: string[] = [];
  for (const p of cluster.tierPolicies) {
    for (const rule of p[direction]) for (const peer of rule.peers) out.push(...(peer.networks ?? []).filter(n => ipv6 || !n.includes(':')));
  }
  return out;
}
