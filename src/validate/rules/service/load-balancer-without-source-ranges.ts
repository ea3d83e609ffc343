import { Rule, refOf } from '../../rule';

export const loadBalancerWithoutSourceRanges: Rule = {
  id: 'TRF-SVC-004',
  name: 'load-balancer-without-source-ranges',
  level: 'warning',
  summary: 'LoadBalancer Service without loadBalancerSourceRanges is open to every address',
  fix: 'Set spec.loadBalancerSourceRanges to the client CIDRs that need access, or suppress with the reason the Service is public.',
  check: ctx => ctx.cluster.services
    .filter(svc => svc.type === 'LoadBalancer' && svc.loadBalancerSourceRanges.length === 0)
    .map(svc => ({
      object: refOf('Service', svc),
      field: 'spec.loadBalancerSourceRanges',
      message: 'LoadBalancer Service has no loadBalancerSourceRanges: the cloud load balancer accepts clients from any address',
    })),
};
