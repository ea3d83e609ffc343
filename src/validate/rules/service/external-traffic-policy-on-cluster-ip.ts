import { Rule, refOf } from '../../rule';

/** externalTrafficPolicy only governs node ports and load balancers; the API server rejects it elsewhere. */
export const externalTrafficPolicyOnClusterIp: Rule = {
  id: 'TRF-SVC-005',
  name: 'external-traffic-policy-on-cluster-ip',
  level: 'error',
  summary: 'externalTrafficPolicy set on a ClusterIP or ExternalName Service',
  fix: 'Remove spec.externalTrafficPolicy, or change spec.type to NodePort or LoadBalancer if the Service should be reachable from outside.',
  check: ctx => ctx.cluster.services
    .filter(svc => svc.externalTrafficPolicy !== undefined && (svc.type === 'ClusterIP' || svc.type === 'ExternalName'))
    .map(svc => ({
      object: refOf('Service', svc),
      field: 'spec.externalTrafficPolicy',
      message: `externalTrafficPolicy: ${svc.externalTrafficPolicy} has no effect on a ${svc.type} Service (the API server rejects it)`,
    })),
};
