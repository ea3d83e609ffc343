import { resolveIngressBackend } from '../../../engine/l7/ingress/route';
import { Rule, refOf, Violation } from '../../rule';

/** A missing backend Service or port makes the controller answer 503 for that path. */
export const ingressBackendMissing: Rule = {
  id: 'TRF-ING-002',
  name: 'ingress-backend-missing',
  level: 'error',
  summary: 'Ingress backend Service or Service port does not exist',
  fix: 'Point the backend at an existing Service and one of its ports (by number or name), or declare the Service as context if it lives outside the input.',
  check: ctx => {
    const out: Violation[] = [];
    for (const ing of ctx.cluster.ingresses) {
      const check = (backend: Parameters<typeof resolveIngressBackend>[2], field: string) => {
        const r = resolveIngressBackend(ctx.cluster, ing.namespace, backend);
        if (r.problem) out.push({ object: refOf('Ingress', ing), field, message: r.problem });
      };
      if (ing.defaultBackend) check(ing.defaultBackend, 'spec.defaultBackend');
      ing.rules.forEach((rule, i) => rule.paths.forEach((p, j) => check(p.backend, `spec.rules[${i}].http.paths[${j}].backend`)));
    }
    return out;
  },
};
