import { tierRef } from './select';
import { namedPortsBesideAddresses } from '../../../engine/tiers/ports';
import { Rule, Violation } from '../../rule';

/**
 * Named ports resolve on destination pods; addresses (networks, nodes,
 * domainNames) have none, so such a rule never matches them. The experimental
 * CRDs reject the combination; the standard ones accept it silently.
 */
export const namedPortWithAddressPeer: Rule = {
  id: 'TRF-ANP-004',
  name: 'named-port-with-address-peer',
  level: 'warning',
  summary: 'tier policy egress rule combines named ports with networks, nodes or domainNames peers',
  fix: 'Use port numbers (portNumber / portRange, or tcp/udp/sctp destinationPort) in rules with address peers, or move the pod peers with named ports into their own rule.',
  check: ctx => {
    const out: Violation[] = [];
    for (const p of ctx.cluster.tierPolicies) {
      p.egress.forEach((rule, i) => {
        const problem = namedPortsBesideAddresses(rule.ports, rule.peers);
        if (problem) out.push({ object: tierRef(p), field: `spec.egress[${i}]`, message: `egress rule ${i}${rule.name ? ` "${rule.name}"` : ''} ${problem}` });
      });
    }
    return out;
  },
};
