import { tierRef } from './select';
import { TierPeer } from '../../../model/kinds/tier-policy';
import { LabelSelector } from '../../../model/selector';
import { Rule, Violation } from '../../rule';

const isEmpty = (s: LabelSelector) => Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0;

/** A peer that matches every pod (or every address). */
function matchesEverything(p: TierPeer): boolean {
  if (p.namespaces) return isEmpty(p.namespaces);
  if (p.pods) return isEmpty(p.pods.namespaceSelector) && isEmpty(p.pods.podSelector);
  return (p.networks ?? []).some(n => n.endsWith('/0'));
}

/**
 * A baseline Allow for every peer and port restates the Kubernetes default:
 * the baseline then guards nothing, and any rule after it never applies.
 */
export const baselineAllowsEverything: Rule = {
  id: 'TRF-ANP-003',
  name: 'baseline-allows-everything',
  level: 'warning',
  summary: 'BaselineAdminNetworkPolicy (or baseline ClusterNetworkPolicy) rule allows all traffic',
  fix: 'Make the baseline a guardrail: Deny by default (e.g. from all namespaces) and Allow only what every namespace needs, such as DNS; or remove the rule.',
  check: ctx => {
    const out: Violation[] = [];
    for (const p of ctx.cluster.tierPolicies) {
      if (p.tier !== 'Baseline') continue;
      for (const direction of ['ingress', 'egress'] as const) {
        const rules = p[direction];
        const i = rules.findIndex(r => r.action === 'Allow' && r.ports === undefined && r.peers.some(matchesEverything));
        if (i < 0) continue;
        const shadowed = rules.length - i - 1;
        out.push({
          object: tierRef(p),
          field: `spec.${direction}[${i}]`,
          message: `${direction} rule ${i}${rules[i].name ? ` "${rules[i].name}"` : ''} allows all ${direction} on every port, as the Kubernetes default already does`
            + (shadowed > 0 ? `; the ${shadowed} rule${shadowed > 1 ? 's' : ''} after it never appl${shadowed > 1 ? 'y' : 'ies'}` : ''),
        });
      }
    }
    return out;
  },
};
