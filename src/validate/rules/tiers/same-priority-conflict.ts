import { tierRef } from './select';
import { podClasses } from '../../../engine/netpol/classes';
import { Endpoint, ipEndpoint } from '../../../engine/netpol/endpoint';
import { policyApplies, tierPeerMatches } from '../../../engine/tiers/match';
import { tierRuleConnections } from '../../../engine/tiers/ports';
import { describeTierPolicy, TierPolicy, TierRule } from '../../../model/kinds/tier-policy';
import { Rule, RuleContext, Violation } from '../../rule';

type Direction = 'ingress' | 'egress';

/**
 * Two policies of one tier with the same priority whose rules match the same
 * traffic with different actions: the API leaves their order to the
 * implementation, so the verdict may differ between clusters.
 */
export const samePriorityConflict: Rule = {
  id: 'TRF-ANP-002',
  name: 'same-priority-conflict',
  level: 'warning',
  summary: 'policies of one tier share a priority and their rules give the same traffic different actions',
  fix: 'Give the policies distinct priorities (lower number = evaluated first) so the intended rule wins everywhere.',
  check: ctx => {
    const out: Violation[] = [];
    const policies = ctx.cluster.tierPolicies;
    for (let i = 0; i < policies.length; i++) {
      for (let j = i + 1; j < policies.length; j++) {
        const [a, b] = [policies[i], policies[j]];
        if (a.tier !== b.tier || a.priority !== b.priority) continue;
        const clash = firstClash(ctx, a, b);
        if (!clash) continue;
        out.push({
          object: tierRef(b),
          field: 'spec.priority',
          message: `${describeTierPolicy(a)} and ${describeTierPolicy(b)} both have priority ${a.priority} in the ${a.tier} tier and disagree on ${clash}: `
            + 'which one applies is implementation-defined',
        });
      }
    }
    return out;
  },
};

/** A readable description of some traffic both policies match with different actions, if any. */
function firstClash(ctx: RuleContext, a: TierPolicy, b: TierPolicy): string | undefined {
  // One pod per equivalence class: policies cannot tell the members apart.
  const pods = podClasses(ctx.cluster).map(c => c.representative);
  const networks = [...a.egress, ...b.egress].flatMap(r => r.peers.flatMap(p => p.networks ?? [])).map(ipEndpoint);
  for (const direction of ['ingress', 'egress'] as Direction[]) {
    for (const subject of pods) {
      if (!policyApplies(ctx.cluster, a, direction, subject) || !policyApplies(ctx.cluster, b, direction, subject)) continue;
      const remotes: Endpoint[] = direction === 'egress' ? [...pods, ...networks] : pods;
      for (const remote of remotes) {
        if (remote === subject) continue;
        const dst = direction === 'egress' ? remote : subject;
        const ra = matching(ctx, a[direction], remote);
        const rb = matching(ctx, b[direction], remote);
        for (const x of ra) {
          for (const y of rb) {
            if (x.action === y.action) continue;
            const both = tierRuleConnections(x.ports, dst).intersect(tierRuleConnections(y.ports, dst));
            if (both.isEmpty()) continue;
            const who = subject.workload ? `${subject.workload.namespace}/${subject.workload.name}` : subject.namespace;
            const other = remote.kind === 'ip' ? remote.cidr : remote.workload ? `${remote.workload.namespace}/${remote.workload.name}` : remote.namespace;
            return `${direction} of ${who} ${direction === 'egress' ? 'to' : 'from'} ${other} (${both}): ${x.action} by ${a.name} ${direction} rule ${x.index}, ${y.action} by ${b.name} ${direction} rule ${y.index}`;
          }
        }
      }
    }
  }
  return undefined;
}

function matching(ctx: RuleContext, rules: readonly TierRule[], remote: Endpoint): TierRule[] {
  return rules.filter(r => r.peers.some(p => tierPeerMatches(ctx.cluster, p, remote)));
}
