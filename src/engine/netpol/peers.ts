import { Cluster, NAMESPACE_NAME_LABEL } from '../../model/cluster';
import { NetworkPolicy, NetworkPolicyPeer } from '../../model/kinds/network-policy';
import { perCluster } from '../cluster-memo';
import { ipBlockContains } from '../ip/ip-block';
import { LabelledItems } from '../label-index';
import { matchesSelector } from '../selector';
import { Endpoint, endpointRange } from './endpoint';

/** Why pod traffic never matches an ipBlock peer here. */
export const IPBLOCK_POD_NOTE = 'ipBlock peers are matched against traffic from or to outside the cluster only; '
  + 'whether pod IPs match an ipBlock is implementation-defined and is modelled as not matched';

/** Labels of a namespace, including the implied kubernetes.io/metadata.name. */
export function namespaceLabels(cluster: Cluster, ns: string): Readonly<Record<string, string>> {
  return cluster.namespaces.get(ns)?.labels ?? { [NAMESPACE_NAME_LABEL]: ns };
}

/**
 * Whether one `from`/`to` entry of `policy` matches the remote endpoint.
 * podSelector alone: pods of the policy's namespace; namespaceSelector alone:
 * every pod of the selected namespaces; both: the selected pods of the selected
 * namespaces; ipBlock: addresses outside the cluster.
 */
export function peerMatches(cluster: Cluster, policy: NetworkPolicy, peer: NetworkPolicyPeer, remote: Endpoint): boolean {
  if (peer.ipBlock) return remote.kind === 'ip' && ipBlockContains(peer.ipBlock, endpointRange(remote));
  if (remote.kind === 'ip') return false;
  return peerNamespaceMatches(cluster, policy, peer, remote.namespace) && peerPodLabelsMatch(peer, remote.labels);
}

/** The namespace half of a selector peer: namespaceSelector, or else the policy's own namespace. */
export function peerNamespaceMatches(cluster: Cluster, policy: NetworkPolicy, peer: NetworkPolicyPeer, ns: string): boolean {
  if (peer.ipBlock) return false;
  return peer.namespaceSelector ? matchesSelector(peer.namespaceSelector, namespaceLabels(cluster, ns)) : ns === policy.namespace;
}

/** The cluster's namespaces by label, to narrow a namespaceSelector's scan. */
const namespacesByLabel = perCluster(cluster => new LabelledItems([...cluster.namespaces.keys()], ns => namespaceLabels(cluster, ns)));

/**
 * The namespaces the namespace half of a selector peer may admit: a superset
 * (the policy's own namespace without a namespaceSelector, else the namespaces
 * sharing one of its matchLabels pairs) that the caller still decides with
 * peerNamespaceMatches. Matching a policy's rules against every namespace of a
 * 2,000-namespace cluster would cost rules x namespaces.
 */
export function peerNamespaceCandidates(cluster: Cluster, policy: NetworkPolicy, peer: NetworkPolicyPeer): readonly string[] {
  if (peer.ipBlock) return [];
  return peer.namespaceSelector ? namespacesByLabel(cluster).candidates(peer.namespaceSelector.matchLabels) : [policy.namespace];
}

/**
 * The namespaces whose pods the namespace half of a selector peer admits, in
 * model order (none for an ipBlock peer): the candidates, each decided by
 * peerNamespaceMatches. The matrix, the audit's peer walk and TRF-NP-003 ask this.
 */
export function peerNamespaces(cluster: Cluster, policy: NetworkPolicy, peer: NetworkPolicyPeer): string[] {
  return peerNamespaceCandidates(cluster, policy, peer).filter(ns => peerNamespaceMatches(cluster, policy, peer, ns));
}

/** The pod half of a selector peer: podSelector, or every pod when absent. */
export function peerPodLabelsMatch(peer: NetworkPolicyPeer, labels: Readonly<Record<string, string>>): boolean {
  return !peer.ipBlock && (!peer.podSelector || matchesSelector(peer.podSelector, labels));
}
