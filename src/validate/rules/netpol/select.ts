import { ConnectionSet } from '../../../engine/connectivity/connection-set';
import { isolatingPolicies as enginePolicies } from '../../../engine/netpol/direction';
import { ipEndpoint, podOf } from '../../../engine/netpol/endpoint';
import { peerMatches } from '../../../engine/netpol/peers';
import { rulePortConnections } from '../../../engine/netpol/ports';
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
  return ctx.cluster.workloads.filter(w => peerMatches(ctx.cluster, np, peer, podOf(w)));
}

/** Policies of the workload's namespace that select it for `direction`. */
export function isolatingPolicies(ctx: RuleContext, w: Workload, direction: PolicyType): NetworkPolicy[] {
  return enginePolicies(ctx.cluster, podOf(w), direction === 'Ingress' ? 'ingress' : 'egress');
}

const ANY_ADDRESS = ipEndpoint('0.0.0.0/0');

/** The connections a rule's numeric ports admit (named ports need a destination pod and are left out). */
export function numericPorts(ports: readonly NetworkPolicyPort[]): ConnectionSet {
  return rulePortConnections(ports, ANY_ADDRESS);
}

export function policyName(np: NetworkPolicy): string {
  return `${np.namespace}/${np.name}`;
}
