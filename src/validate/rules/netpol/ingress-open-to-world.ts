import { Rule, refOf, Violation } from '../../rule';

/** A /0 ipBlock admits every address on the internet (where the pod is reachable from it). */
export const ingressOpenToWorld: Rule = {
  id: 'TRF-NP-004',
  name: 'ingress-open-to-world',
  level: 'warning',
  summary: 'NetworkPolicy ingress allows 0.0.0.0/0 or ::/0',
  fix: 'Narrow the ipBlock to the client ranges that need access (or to the load balancer / ingress controller), or suppress with the reason the workload is public.',
  check: ctx => {
    const out: Violation[] = [];
    for (const np of ctx.cluster.networkPolicies) {
      if (!np.policyTypes.includes('Ingress')) continue;
      np.ingress.forEach((rule, i) => rule.peers.forEach((peer, j) => {
        const cidr = peer.ipBlock?.cidr;
        if (!cidr || !cidr.endsWith('/0')) return;
        out.push({
          object: refOf('NetworkPolicy', np),
          field: `spec.ingress[${i}].from[${j}].ipBlock`,
          message: `ingress rule ${i} allows ${cidr}${peer.ipBlock!.except.length ? ` (except ${peer.ipBlock!.except.join(', ')})` : ''}: every address can connect`,
        });
      }));
    }
    return out;
  },
};
