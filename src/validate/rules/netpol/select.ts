import { ConnectionSet } from '../../../engine/connectivity/connection-set';
import { ipEndpoint } from '../../../engine/netpol/endpoint';
import { peerNamespaces, peerPodLabelsMatch } from '../../../engine/netpol/peers';
import { rulePortConnections } from '../../../engine/netpol/ports';
import { matchesSelector } from '../../../engine/selector';
import { workloadsByLabel } from '../../../engine/workload-index';
import { Workload } from '../../../model/cluster';
import { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, PolicyType } from '../../../model/kinds/network-policy';
import { RuleContext } from '../../rule';

/** Pods the policy applies to (hostNetwork pods are outside NetworkPolicy's reach). */
export function selectedWorkloads(ctx: RuleContext, np: NetworkPolicy): Workload[] {
  return workloadsByLabel(ctx.cluster, np.namespace).candidates(np.podSelector.matchLabels)
    .filter(w => !w.hostNetwork && matchesSelector(np.podSelector, w.labels));
}

/** Workloads a pod/namespace selector peer matches, in model order; undefined for ipBlock peers. */
export function peerWorkloads(ctx: RuleContext, np: NetworkPolicy, peer: NetworkPolicyPeer): Workload[] | undefined {
  if (peer.ipBlock) return undefined;
  const out: Workload[] = [];
  eachPeerWorkload(ctx, np, peer, w => {
    out.push(w);
    return true;
  });
  return out;
}

/** Whether a selector peer matches some workload; undefined for ipBlock peers. */
export function peerMatchesSomeWorkload(ctx: RuleContext, np: NetworkPolicy, peer: NetworkPolicyPeer): boolean | undefined {
  if (peer.ipBlock) return undefined;
  let found = false;
  eachPeerWorkload(ctx, np, peer, () => {
    found = true;
    return false;
  });
  return found;
}

const NO_LABELS: Readonly<Record<string, string>> = {};

/** Calls `each` with the workloads a selector peer matches, in model order, until it returns false. */
function eachPeerWorkload(ctx: RuleContext, np: NetworkPolicy, peer: NetworkPolicyPeer, each: (w: Workload) => boolean): void {
  // The engine's two halves of peerMatches: the namespace half once per namespace (peerNamespaces,
  // in model order, as the workloads are), the pod half per workload of those.
  for (const ns of peerNamespaces(ctx.cluster, np, peer)) {
    for (const w of workloadsByLabel(ctx.cluster, ns).candidates(peer.podSelector?.matchLabels ?? NO_LABELS)) {
      if (peerPodLabelsMatch(peer, w.labels) && !each(w)) return;
    }
  }
}

/** Policies of the workload's namespace that select it for `direction`. */
export function isolatingPolicies(ctx: RuleContext, w: Workload, direction: PolicyType): readonly NetworkPolicy[] {
  return ctx.isolationOf(w)[direction];
}

const ANY_ADDRESS = ipEndpoint('0.0.0.0/0');

/** The connections a rule's numeric ports admit (named ports need a destination pod and are left out). */
export function numericPorts(ports: readonly NetworkPolicyPort[]): ConnectionSet {
  return rulePortConnections(ports, ANY_ADDRESS);
}

export function policyName(np: NetworkPolicy): string {
  return `${np.namespace}/${np.name}`;
}
