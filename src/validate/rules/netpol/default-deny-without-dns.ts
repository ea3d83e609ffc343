import { isolatingPolicies, numericPorts, policyName } from './select';
import { explainConnection } from '../../../engine/explain';
import { podOf } from '../../../engine/netpol/endpoint';
import { Rule, refOf, Violation } from '../../rule';
import { dnsEndpoints } from '../tiers/select';

/**
 * Egress isolation without a DNS allowance makes every name lookup time out.
 * The verdict is the engine's, cluster-wide tiers included: an
 * AdminNetworkPolicy allowing DNS counts, and so does the DNS pods' own
 * ingress when the input has them.
 */
export const defaultDenyWithoutDns: Rule = {
  id: 'TRF-NP-005',
  name: 'default-deny-without-dns-egress',
  level: 'warning',
  summary: 'egress-isolated workload with no rule allowing DNS (UDP 53)',
  fix: 'Allow egress on UDP and TCP 53 to the cluster DNS pods (kube-system, k8s-app=kube-dns), e.g. NamespaceIsolation keeps it by default.',
  check: ctx => {
    const out: Violation[] = [];
    const dns = dnsEndpoints(ctx);
    // Without the DNS pods in the input their address is unknown: a rule allowing UDP 53 to anyone may well reach them.
    const dnsInInput = dns.some(d => d.workload !== undefined);
    for (const w of ctx.cluster.workloads) {
      if (w.hostNetwork) continue;
      const policies = isolatingPolicies(ctx, w, 'Egress');
      if (policies.length === 0) continue;
      const verdicts = dns.map(d => explainConnection(ctx.cluster, podOf(w), d, 53, 'UDP'));
      if (dnsInInput) {
        if (verdicts.some(v => v.allowed)) continue;
      } else if (verdicts.some(v => v.egress.allowed) || policies.some(np => np.egress.some(rule => numericPorts(rule.ports).allows('UDP', 53)))) {
        continue;
      }
      const why = dnsInInput && verdicts.every(v => v.egress.allowed)
        ? `the ingress of the cluster DNS pods (${dns.map(d => `${d.namespace}/${d.workload!.name}`).join(', ')}) does not admit UDP 53 from it`
        : 'no egress rule allows UDP 53';
      out.push({
        object: refOf(w.kind, w),
        message: `egress is isolated by ${policies.map(policyName).join(', ')} but ${why}: DNS lookups will fail`,
      });
    }
    return out;
  },
};
