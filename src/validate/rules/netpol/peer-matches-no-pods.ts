import { peerWorkloads } from './select';
import { Rule, refOf, Violation } from '../../rule';

/** A peer that matches nothing is usually a label typo; the rule then allows nothing. */
export const peerMatchesNoPods: Rule = {
  id: 'TRF-NP-003',
  name: 'peer-matches-no-pods',
  level: 'warning',
  summary: 'NetworkPolicy from/to peer matches no pods',
  fix: 'Check the peer labels against the pod template and namespace labels; if the peer lives outside this input (CoreDNS, an ingress controller), declare it as context.',
  check: ctx => {
    const out: Violation[] = [];
    for (const np of ctx.cluster.networkPolicies) {
      for (const [dir, key, rules] of [['ingress', 'from', np.ingress], ['egress', 'to', np.egress]] as const) {
        rules.forEach((rule, i) => rule.peers.forEach((peer, j) => {
          const matched = peerWorkloads(ctx, np, peer);
          if (matched === undefined || matched.length > 0) return;
          out.push({
            object: refOf('NetworkPolicy', np),
            field: `spec.${dir}[${i}].${key}[${j}]`,
            message: `${dir} peer ${i}.${j} matches no pods: this part of the rule allows nothing`,
          });
        }));
      }
    }
    return out;
  },
};
