import { Rule, refOf } from '../../rule';

/** trafficDistribution: PreferClose is the deprecated name of PreferSameZone (KEP-3015, deprecated since 1.37). */
export const preferCloseDeprecated: Rule = {
  id: 'TRF-SVC-013',
  name: 'prefer-close-deprecated',
  level: 'info',
  summary: 'trafficDistribution: PreferClose (deprecated since 1.37)',
  fix: 'Write trafficDistribution: PreferSameZone (same behaviour); API servers before 1.33 accept only PreferClose.',
  check: ctx => ctx.cluster.services
    .filter(svc => svc.trafficDistribution === 'PreferClose')
    .map(svc => ({
      object: refOf('Service', svc),
      field: 'spec.trafficDistribution',
      message: 'trafficDistribution: PreferClose is deprecated since Kubernetes 1.37; PreferSameZone is its name',
    })),
};
