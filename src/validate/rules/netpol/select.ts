import { matchesSelector } from '../../../engine/selector';
import { Workload } from '../../../model/cluster';
import { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, PolicyType } from '../../../model/kinds/network-policy';
import { RuleContext } from '../../rule';

/** Pods the policy applies to (hostNetwork pods are outside NetworkPolicy's reach). */
export function selectedWorkloads(ctx: RuleContext, np: NetworkPolicy): Workload[] {
  return ctx.workloadsIn(np.namespace).filter(w => !w.hostNetwork && matchesSelector(np.podSelector, w.labels));
}

/** Workloads a pod/namespace selector peer matches; undefined for ipBlock peers. */
export function peerWorkloads(ctx: RuleContext, np: NetworkPolicy, peer: NetworkPolicyPeer): Workload[] | undefined {
  if (peer.ipBlock) return undefined;
  const nsSel = peer.namespaceSelector;
  const namespaces = new Set<string>();
  if (nsSel) {
    for (const ns of ctx.cluster.namespaces.values()) if (matchesSelector(nsSel, ns.labels)) namespaces.add(ns.name);
  } else {
    namespaces.add(np.namespace);
  }
  return ctx.cluster.workloads.filter(w => namespaces.has(w.namespace) && (!peer.podSelector || matchesSelector(peer.podSelector, w.labels)));
}

/** Policies of the workload's namespace that select it for `direction`. */
export function isolatingPolicies(ctx: RuleContext, w: Workload, direction: PolicyType): NetworkPolicy[] {
  return ctx.cluster.networkPolicies.filter(np => np.namespace === w.namespace
    && np.policyTypes.includes(direction) && matchesSelector(np.podSelector, w.labels));
}

/** Whether a rule's port list admits `protocol`/`port` (an empty list admits everything). */
export function portsAdmit(ports: readonly NetworkPolicyPort[], protocol: string, port: number): boolean {
  if (ports.length === 0) return true;
  return ports.some(p => p.protocol === protocol && (p.port === undefined
    || (typeof p.port === 'number' && port >= p.port && port <= (p.endPort ?? p.port))));
}

export function policyName(np: NetworkPolicy): string {
  return `${np.namespace}/${np.name}`;
}
