import { dnsEndpoints, subjectWorkloads, tierRef } from './select';
import { ConnectionSet } from '../../../engine/connectivity/connection-set';
import { podOf } from '../../../engine/netpol/endpoint';
import { evaluateTier } from '../../../engine/tiers/evaluate';
import { describeRule } from '../../../engine/tiers/explain';
import { Rule, Violation } from '../../rule';

const DNS = ConnectionSet.ports('UDP', 53).union(ConnectionSet.ports('TCP', 53));

/**
 * A cluster-wide Deny that catches DNS breaks name resolution for every pod
 * it selects, and NetworkPolicy cannot allow it back (Admin tier).
 */
export const tierPolicyDeniesDns: Rule = {
  id: 'TRF-ANP-001',
  name: 'tier-policy-denies-dns',
  level: 'warning',
  summary: 'AdminNetworkPolicy / BaselineAdminNetworkPolicy / ClusterNetworkPolicy denies egress to the cluster DNS',
  fix: 'Put an Allow (or Pass) rule for UDP and TCP 53 to the kube-system DNS pods before the Deny rule, or in a policy with a lower priority number.',
  check: ctx => {
    const out: Violation[] = [];
    const dns = dnsEndpoints(ctx);
    for (const p of ctx.cluster.tierPolicies) {
      if (p.egress.length === 0) continue;
      const hit = new Map<string, string>();
      for (const w of subjectWorkloads(ctx, p)) {
        for (const d of dns) {
          // The whole tier runs, so an earlier Allow in another policy is taken into account.
          const first = evaluateTier(ctx.cluster, p.tier, 'egress', podOf(w), d, d, DNS).decisions
            .find(x => x.policy === p && x.action === 'Deny');
          if (first) hit.set(`${w.namespace}/${w.name}`, describeRule(first));
        }
      }
      if (hit.size === 0) continue;
      const rules = [...new Set(hit.values())].sort();
      const pods = [...hit.keys()].sort();
      out.push({
        object: tierRef(p),
        field: 'spec.egress',
        message: `${rules.join('; ')} denies DNS (port 53) to the cluster DNS for ${pods.join(', ')}: name lookups will fail${p.tier === 'Admin' ? ', and NetworkPolicy cannot allow them' : ''}`,
      });
    }
    return out;
  },
};
