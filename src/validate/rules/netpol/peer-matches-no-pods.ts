import { peerMatchesSomeWorkload } from './select';
import { outsideControllerSelectedBy } from '../../../engine/l7/controllers-outside';
import { peerNamespaces } from '../../../engine/netpol/peers';
import { NetworkPolicy, NetworkPolicyPeer } from '../../../model/kinds/network-policy';
import { LabelSelector } from '../../../model/selector';
import { Rule, RuleContext, refOf, Violation } from '../../rule';

/** Each side of a policy: its rules, and the key of their peers. */
const SIDES = [['ingress', 'from'], ['egress', 'to']] as const;

/**
 * A peer that matches nothing is usually a label typo; the rule then allows
 * nothing. A peer whose namespaces are all absent from the input (CoreDNS in
 * kube-system is the classic) most likely lives outside it: info only.
 */
export const peerMatchesNoPods: Rule = {
  id: 'TRF-NP-003',
  name: 'peer-matches-no-pods',
  level: 'warning',
  summary: 'NetworkPolicy from/to peer matches no pods',
  fix: 'Check the peer labels against the pod template and namespace labels; if the peer lives outside this input (CoreDNS, an ingress controller), declare it as context.',
  check: ctx => {
    const out: Violation[] = [];
    for (const np of ctx.cluster.networkPolicies) {
      for (const [dir, key] of SIDES) {
        const rules = np[dir];
        rules.forEach((rule, i) => rule.peers.forEach((peer, j) => {
          if (peerMatchesSomeWorkload(ctx, np, peer) !== false || outsideControllerSelectedBy(ctx.cluster, np, peer)) return;
          const what = `${dir} rule ${i} peer ${j} (${describePeer(peer)})`;
          const outside = !inputHasNamespaceOf(ctx, np, peer);
          out.push({
            object: refOf('NetworkPolicy', np),
            field: `spec.${dir}[${i}].${key}[${j}]`,
            message: outside
              ? `${what} matches no pods: the namespaces it selects are not in the input, so it likely lives outside it (declare it as context to check it)`
              : `${what} matches no pods: this part of the rule allows nothing`,
            level: outside ? 'info' : undefined,
          });
        }));
      }
    }
    return out;
  },
};

/** Whether some namespace of the input (declared, or holding an object) is one the peer selects. */
function inputHasNamespaceOf(ctx: RuleContext, np: NetworkPolicy, peer: NetworkPolicyPeer): boolean {
  return peerNamespaces(ctx.cluster, np, peer).length > 0;
}

function describePeer(peer: NetworkPolicyPeer): string {
  const parts: string[] = [];
  if (peer.namespaceSelector) parts.push(`namespaceSelector ${describeSelector(peer.namespaceSelector)}`);
  if (peer.podSelector) parts.push(`podSelector ${describeSelector(peer.podSelector)}`);
  return parts.join(' + ');
}

/** `{k: v, key In (a, b)}`; `{}` selects everything. */
function describeSelector(sel: LabelSelector): string {
  const labels = Object.entries(sel.matchLabels).map(([k, v]) => `${k}: ${v}`);
  const exprs = sel.matchExpressions.map(e => e.values.length ? `${e.key} ${e.operator} (${e.values.join(', ')})` : `${e.key} ${e.operator}`);
  return `{${[...labels, ...exprs].join(', ')}}`;
}
