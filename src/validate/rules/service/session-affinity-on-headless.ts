import { Rule, refOf } from '../../rule';

/**
 * A headless Service has no virtual IP: kube-proxy does not handle it, so
 * sessionAffinity (implemented by kube-proxy) has no effect; clients pick an
 * address from DNS themselves ("Virtual IPs and Service Proxies", session affinity).
 */
export const sessionAffinityOnHeadless: Rule = {
  id: 'TRF-SVC-011',
  name: 'session-affinity-on-headless',
  level: 'warning',
  summary: 'sessionAffinity on a headless Service (ignored)',
  fix: 'Remove sessionAffinity, or give the Service a cluster IP if clients need stickiness.',
  check: ctx => ctx.cluster.services
    .filter(svc => svc.headless && svc.sessionAffinity === 'ClientIP')
    .map(svc => ({
      object: refOf('Service', svc),
      field: 'spec.sessionAffinity',
      message: 'sessionAffinity: ClientIP on a headless Service is ignored: there is no virtual IP for kube-proxy to pin, clients resolve the pod addresses themselves',
    })),
};
