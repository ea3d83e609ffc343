import { isolatingPolicies, numericPorts, policyName } from './select';
import { Rule, refOf, Violation } from '../../rule';

/** Egress isolation without a DNS allowance makes every name lookup time out. */
export const defaultDenyWithoutDns: Rule = {
  id: 'TRF-NP-005',
  name: 'default-deny-without-dns-egress',
  level: 'warning',
  summary: 'egress-isolated workload with no rule allowing DNS (UDP 53)',
  fix: 'Allow egress on UDP and TCP 53 to the cluster DNS pods (kube-system, k8s-app=kube-dns), e.g. NamespaceIsolation keeps it by default.',
  check: ctx => {
    const out: Violation[] = [];
    for (const w of ctx.cluster.workloads) {
      if (w.hostNetwork) continue;
      const policies = isolatingPolicies(ctx, w, 'Egress');
      if (policies.length === 0) continue;
      if (policies.some(np => np.egress.some(rule => numericPorts(rule.ports).allows('UDP', 53)))) continue;
      out.push({
        object: refOf(w.kind, w),
        message: `egress is isolated by ${policies.map(policyName).join(', ')} but no egress rule allows UDP 53: DNS lookups will fail`,
      });
    }
    return out;
  },
};
