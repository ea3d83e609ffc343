import { Cluster, NAMESPACE_NAME_LABEL } from '../../model/cluster';
import { NetworkPolicy, NetworkPolicyPeer } from '../../model/kinds/network-policy';
import { ipBlockContains } from '../ip/ip-block';
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
  const nsOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, namespaceLabels(cluster, remote.namespace))
    : remote.namespace === policy.namespace;
  return nsOk && (!peer.podSelector || matchesSelector(peer.podSelector, remote.labels));
}
