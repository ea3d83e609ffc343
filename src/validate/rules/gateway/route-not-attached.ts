import { routesOf } from './routes';
import { routeStatus } from '../../../engine/l7/gateway/attachment';
import { Rule, refOf, Violation } from '../../rule';

/** A route no listener accepts serves no traffic (its status would say Accepted: False). */
export const routeNotAttached: Rule = {
  id: 'TRF-GW-001',
  name: 'route-not-attached',
  level: 'error',
  summary: 'route is attached to no listener of its parent Gateway',
  fix: 'Check parentRefs (name, namespace, sectionName, port), the listener protocol and allowedRoutes (namespaces, kinds) and that the hostnames intersect.',
  check: ctx => {
    const out: Violation[] = [];
    for (const route of routesOf(ctx)) {
      if (route.parentRefs.length === 0) {
        out.push({ object: refOf(route.kind, route), field: 'spec.parentRefs', message: 'the route has no parentRefs: no Gateway serves it' });
        continue;
      }
      routeStatus(ctx.cluster, route).forEach((st, i) => {
        if (st.accepted.status === 'True') return;
        out.push({
          object: refOf(route.kind, route),
          field: `spec.parentRefs[${i}]`,
          message: `not accepted by Gateway ${st.parentRef.namespace}/${st.parentRef.name} (${st.accepted.reason}): ${st.accepted.message}`,
        });
      });
    }
    return out;
  },
};
