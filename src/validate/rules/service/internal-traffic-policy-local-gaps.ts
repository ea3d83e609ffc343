import { serviceTraffic } from '../../../engine/services/kube-proxy';
import { compare } from '../../../model/compare';
import { Rule, refOf } from '../../rule';

/**
 * "Service Internal Traffic Policy": with `Local`, kube-proxy sends a pod's
 * traffic only to endpoints on the pod's own node and drops it when there is
 * none. Unless the backends run on every node (a DaemonSet), clients on the
 * other nodes silently lose their traffic. Where the input places pods (Pods,
 * a Topology), the client nodes left without an endpoint are named, as the
 * engine's endpoint selection finds them.
 */
export const internalTrafficPolicyLocalGaps: Rule = {
  id: 'TRF-SVC-008',
  name: 'internal-traffic-policy-local-gaps',
  level: 'warning',
  summary: 'internalTrafficPolicy: Local on a Service whose backends do not run on every node where clients run',
  fix: 'Run the backends as a DaemonSet (on every node that runs clients), or use internalTrafficPolicy: Cluster (optionally with trafficDistribution: PreferSameNode).',
  check: ctx => ctx.cluster.services.flatMap(svc => {
    if (svc.internalTrafficPolicy !== 'Local' || svc.type === 'ExternalName' || svc.headless) return [];
    const backends = ctx.backendsOf(svc);
    const clientNodes = [...new Set(ctx.cluster.pods.filter(p => !backends.includes(p.workload) && p.nodeName).map(p => p.nodeName!))].sort(compare);
    const object = refOf('Service', svc);
    const field = 'spec.internalTrafficPolicy';
    if (clientNodes.length === 0) {
      if (backends.length > 0 && backends.every(w => w.kind === 'DaemonSet')) return [];
      const kinds = [...new Set(backends.map(w => w.kind))].sort(compare).join('/') || 'no workload';
      return [{ object, field, message: `internalTrafficPolicy: Local but the backends are ${kinds}, not a DaemonSet: clients on nodes without a backend pod have their traffic dropped` }];
    }
    const dropped = clientNodes.filter(node => serviceTraffic(ctx.cluster, svc, undefined, { node }).dropped);
    if (dropped.length === 0) return [];
    return [{ object, field, message: `internalTrafficPolicy: Local: clients on node${dropped.length === 1 ? '' : 's'} ${dropped.join(', ')} have no local endpoint, so their traffic is dropped` }];
  }),
};
