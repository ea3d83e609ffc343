import { tierRef } from './select';
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
        const named = (rule.ports ?? []).filter(x => x.name !== undefined).map(x => x.name!);
        const kinds = [...new Set(rule.peers.flatMap(peer => [peer.networks && 'networks', peer.nodes && 'nodes', peer.domainNames && 'domainNames'].filter(Boolean)))];
        if (named.length === 0 || kinds.length === 0) return;
        out.push({
          object: tierRef(p),
          field: `spec.egress[${i}]`,
          message: `egress rule ${i}${rule.name ? ` "${rule.name}"` : ''} uses named port${named.length > 1 ? 's' : ''} ${named.join(', ')} with ${kinds.join(', ')} peers: `
            + 'addresses have no named ports, so those ports never match them',
        });
      });
    }
    return out;
  },
};
