import { Rule, refOf } from '../../rule';

/**
 * "IPv4/IPv6 dual-stack": ipFamilyPolicy PreferDualStack means "both families
 * where the cluster has them", but an explicit two-family ipFamilies list is
 * validated against the cluster: a single-stack API server rejects the second
 * family, so the manifest only applies to dual-stack clusters.
 */
export const explicitDualStackFamilies: Rule = {
  id: 'TRF-SVC-012',
  name: 'explicit-dual-stack-families',
  level: 'warning',
  summary: 'explicit ipFamilies [IPv4, IPv6] with ipFamilyPolicy PreferDualStack (a single-stack API server rejects it)',
  fix: 'Leave ipFamilies unset (or list one family) with PreferDualStack; the API server adds the second family on dual-stack clusters.',
  check: ctx => ctx.cluster.services
    .filter(svc => svc.ipFamilyPolicy === 'PreferDualStack' && svc.ipFamilies.length > 1)
    .map(svc => ({
      object: refOf('Service', svc),
      field: 'spec.ipFamilies',
      message: `ipFamilies [${svc.ipFamilies.join(', ')}] with PreferDualStack: a single-stack cluster's API server rejects the second family`,
    })),
};
