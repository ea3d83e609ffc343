import { resolveTargetOn } from '../../../engine/services';
import { Rule, refOf, Violation } from '../../rule';

/**
 * A named targetPort is resolved per pod; pods without a container port of
 * that name (and protocol) get no endpoint for it, so they never receive that traffic.
 */
export const namedTargetPortMissing: Rule = {
  id: 'TRF-SVC-002',
  name: 'named-target-port-missing',
  level: 'warning',
  summary: 'named targetPort is missing on some backend pods',
  fix: 'Add a container port with this name (and protocol) to every selected workload, or use a numeric targetPort.',
  check: ctx => {
    const out: Violation[] = [];
    for (const svc of ctx.cluster.services) {
      const backends = ctx.backendsOf(svc);
      if (backends.length === 0) continue;
      svc.ports.forEach((p, i) => {
        if (typeof p.targetPort !== 'string') return;
        const missing = backends.filter(w => resolveTargetOn(p, w).containerPort === undefined);
        if (missing.length === 0) return;
        const who = missing.map(w => `${w.kind} ${w.namespace}/${w.name}`).join(', ');
        const all = missing.length === backends.length;
        out.push({
          object: refOf('Service', svc),
          field: `spec.ports[${i}].targetPort`,
          message: `targetPort "${p.targetPort}" (${p.protocol}) is not a container port of ${who}${all ? ': the port has no endpoints at all' : ''}`,
        });
      });
    }
    return out;
  },
};
