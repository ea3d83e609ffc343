import { ConnectionSet } from '../../../engine/connectivity/connection-set';
import { podOf, PodEndpoint } from '../../../engine/netpol/endpoint';
import { tieredConnections } from '../../../engine/tiers/evaluate';
import { Workload } from '../../../model/cluster';
import { PolicyType } from '../../../model/kinds/network-policy';
import { Rule, RuleContext, Violation } from '../../rule';

const DIRECTIONS: readonly PolicyType[] = ['Ingress', 'Egress'];

/** A pod of some namespace the input does not hold (not a valid name, so it never collides with one). */
const STRANGER: PodEndpoint = { kind: 'pod', namespace: '<another namespace>', labels: {}, ports: [] };

/**
 * Without a policy isolating every pod, any new workload in the namespace is
 * open to the whole cluster (and the whole cluster is open to it). A
 * cluster-wide tier policy (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
 * ClusterNetworkPolicy) that denies a pod from elsewhere in the cluster
 * isolates it as well as a NetworkPolicy default deny would.
 */
export const namespaceWithoutDefaultDeny: Rule = {
  id: 'TRF-NP-001',
  name: 'namespace-without-default-deny',
  level: 'warning',
  summary: 'namespace has workloads that no NetworkPolicy isolates',
  fix: 'Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) to the namespace, e.g. with the NamespaceIsolation construct, then allow what is needed.',
  check: ctx => {
    const out: Violation[] = [];
    for (const ns of ctx.cluster.namespaces.values()) {
      const workloads = ctx.workloadsIn(ns.name).filter(w => !w.hostNetwork);
      if (workloads.length === 0) continue;
      // Both directions from one look at each workload's policies: this rule asks of every workload.
      const open: Record<PolicyType, string[]> = { Ingress: [], Egress: [] };
      for (const w of workloads) {
        const policies = ctx.isolationOf(w);
        for (const dir of DIRECTIONS) if (policies[dir].length === 0 && !tierIsolated(ctx, w, dir)) open[dir].push(w.name);
      }
      const gaps = DIRECTIONS.filter(dir => open[dir].length > 0).map(dir => `${dir.toLowerCase()} (${open[dir].join(', ')})`);
      if (gaps.length === 0) continue;
      out.push({
        object: { kind: 'Namespace', name: ns.name, source: ns.source ?? firstWorkloadSource(ctx, ns.name) },
        message: `namespace ${ns.name} has no default deny: not isolated for ${gaps.join(' and ')}`,
      });
    }
    return out;
  },
};

/** Whether the cluster-wide tiers alone deny everything between the workload and a pod of another namespace. */
function tierIsolated(ctx: RuleContext, w: Workload, dir: PolicyType): boolean {
  if (ctx.cluster.tierPolicies.length === 0) return false;
  const pod = podOf(w);
  const direction = dir === 'Ingress' ? 'ingress' : 'egress';
  const dst = direction === 'ingress' ? pod : STRANGER;
  return tieredConnections(ctx.cluster, direction, pod, STRANGER, dst, { isolated: false, allowed: ConnectionSet.all() }).isEmpty();
}

function firstWorkloadSource(ctx: Parameters<Rule['check']>[0], ns: string) {
  return ctx.workloadsIn(ns)[0]?.source;
}
