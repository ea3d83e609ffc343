import { isolatingPolicies } from './select';
import { PolicyType } from '../../../model/kinds/network-policy';
import { Rule, Violation } from '../../rule';

/**
 * Without a policy isolating every pod, any new workload in the namespace is
 * open to the whole cluster (and the whole cluster is open to it).
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
      const gaps: string[] = [];
      for (const dir of ['Ingress', 'Egress'] as PolicyType[]) {
        const open = workloads.filter(w => isolatingPolicies(ctx, w, dir).length === 0);
        if (open.length > 0) gaps.push(`${dir.toLowerCase()} (${open.map(w => w.name).join(', ')})`);
      }
      if (gaps.length === 0) continue;
      out.push({
        object: { kind: 'Namespace', name: ns.name, source: ns.source ?? firstWorkloadSource(ctx, ns.name) },
        message: `namespace ${ns.name} has no default deny: not isolated for ${gaps.join(' and ')}`,
      });
    }
    return out;
  },
};

function firstWorkloadSource(ctx: Parameters<Rule['check']>[0], ns: string) {
  return ctx.workloadsIn(ns)[0]?.source;
}
