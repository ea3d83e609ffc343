import { governsStatefulSet } from '../../../engine/services/dns';
import { Rule, refOf } from '../../rule';

/**
 * A headless Service that selects a StatefulSet's pods but is not the one its
 * spec.serviceName names serves no per-pod records: `postgres-0.<this>.<ns>.svc`
 * never resolves (cdk8s-plus StatefulSets create their own governing Service).
 */
export const headlessServiceNotGoverning: Rule = {
  id: 'TRF-SVC-007',
  name: 'headless-service-not-governing',
  level: 'warning',
  summary: 'headless Service selects StatefulSet pods it does not govern: per-pod DNS names under it do not resolve',
  fix: 'Make it the governing Service (the StatefulSet\'s spec.serviceName; with cdk8s-traffic, service.governStatefulSet(statefulSet)), '
    + 'or address the pods through the Service that spec.serviceName names.',
  check: ctx => ctx.cluster.services
    .filter(svc => svc.headless && svc.selector)
    .flatMap(svc => ctx.backendsOf(svc)
      .filter(w => w.kind === 'StatefulSet' && !governsStatefulSet(svc, w))
      .map(w => ({
        object: refOf('Service', svc),
        field: 'spec.clusterIP',
        message: `headless, selects the pods of StatefulSet ${w.namespace}/${w.name}, whose governing Service is `
          + `${w.serviceName ? `"${w.serviceName}"` : 'not set'} (spec.serviceName): ${w.name}-0.${svc.name}.${svc.namespace}.svc does not resolve`
          + `${w.serviceName ? `; ${w.name}-0.${w.serviceName}.${svc.namespace}.svc does` : ''}`,
      }))),
};
