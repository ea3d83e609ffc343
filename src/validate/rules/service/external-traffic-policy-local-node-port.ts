import { serviceTraffic } from '../../../engine/services/kube-proxy';
import { Rule, refOf } from '../../rule';

/**
 * externalTrafficPolicy: Local on a NodePort Service: no load balancer
 * health-checks the nodes (healthCheckNodePort exists only for LoadBalancer
 * Services), so a client that connects to a node without an endpoint has its
 * traffic dropped ("Virtual IPs and Service Proxies", external traffic policy).
 */
export const externalTrafficPolicyLocalNodePort: Rule = {
  id: 'TRF-SVC-009',
  name: 'external-traffic-policy-local-node-port',
  level: 'warning',
  summary: 'externalTrafficPolicy: Local on a NodePort Service with no load balancer in front',
  fix: 'Use type LoadBalancer (its health check steers traffic to nodes with an endpoint), point clients only at nodes running the backends, or use externalTrafficPolicy: Cluster.',
  check: ctx => ctx.cluster.services.flatMap(svc => {
    if (svc.type !== 'NodePort' || svc.externalTrafficPolicy !== 'Local') return [];
    const object = refOf('Service', svc);
    const field = 'spec.externalTrafficPolicy';
    const dropped = ctx.cluster.nodes.map(n => n.name).filter(node => serviceTraffic(ctx.cluster, svc, undefined, { external: true, node }).dropped);
    if (ctx.cluster.nodes.length > 0 && dropped.length === 0) return [];
    const where = dropped.length > 0 ? `node${dropped.length === 1 ? '' : 's'} ${dropped.join(', ')} drop` : 'nodes without an endpoint drop';
    return [{ object, field, message: `externalTrafficPolicy: Local on a NodePort Service: nothing health-checks the nodes, and ${where} the traffic clients send them` }];
  }),
};
