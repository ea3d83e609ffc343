import { peerWorkloads, selectedWorkloads } from './select';
import { Workload } from '../../../model/cluster';
import { NetworkPolicyPort } from '../../../model/kinds/network-policy';
import { RuleContext, Rule, refOf, Violation } from '../../rule';

/**
 * NetworkPolicy sees traffic after the Service has translated the port: a rule
 * written with the Service port (80) instead of the pod port (8080) allows nothing.
 */
export const policyPortIsServicePort: Rule = {
  id: 'TRF-NP-006',
  name: 'policy-port-is-service-port',
  level: 'error',
  summary: 'NetworkPolicy port is a Service port, not a container port',
  fix: 'Use the container port (the Service targetPort) or the container port name in the NetworkPolicy.',
  check: ctx => {
    const out: Violation[] = [];
    for (const np of ctx.cluster.networkPolicies) {
      if (np.policyTypes.includes('Ingress')) {
        const dst = selectedWorkloads(ctx, np);
        np.ingress.forEach((rule, i) => rule.ports.forEach((p, k) => {
          const hit = servicePortMisuse(ctx, p, dst);
          if (hit) out.push({ object: refOf('NetworkPolicy', np), field: `spec.ingress[${i}].ports[${k}]`, message: `ingress rule ${i} allows ${hit}` });
        }));
      }
      if (np.policyTypes.includes('Egress')) {
        np.egress.forEach((rule, i) => {
          const dst = rule.peers.length === 0 ? [] : rule.peers.flatMap(peer => peerWorkloads(ctx, np, peer) ?? []);
          rule.ports.forEach((p, k) => {
            const hit = servicePortMisuse(ctx, p, dst);
            if (hit) out.push({ object: refOf('NetworkPolicy', np), field: `spec.egress[${i}].ports[${k}]`, message: `egress rule ${i} allows ${hit}` });
          });
        });
      }
    }
    return out;
  },
};

/** Describes the misuse when `p` is no container port of `dst` but a Service port in front of them. */
function servicePortMisuse(ctx: RuleContext, p: NetworkPolicyPort, dst: readonly Workload[]): string | undefined {
  if (typeof p.port !== 'number' || p.endPort !== undefined || dst.length === 0) return undefined;
  const port = p.port;
  if (dst.some(w => w.ports.some(cp => cp.containerPort === port && cp.protocol === p.protocol))) return undefined;
  for (const svc of ctx.cluster.services) {
    const sp = svc.ports.find(x => x.port === port && x.protocol === p.protocol && x.targetPort !== port);
    if (!sp) continue;
    if (!ctx.backendsOf(svc).some(w => dst.includes(w))) continue;
    return `${p.protocol} ${port}, which is the port of Service ${svc.namespace}/${svc.name}; its pods listen on targetPort ${sp.targetPort}`;
  }
  return undefined;
}
