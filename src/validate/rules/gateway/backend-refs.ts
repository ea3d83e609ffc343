import { routesOf } from './routes';
import { resolveBackendRef, BackendRefReason } from '../../../engine/l7/gateway/backends';
import { RuleContext, refOf, Violation } from '../../rule';

/** Route backendRefs (and mirror targets) whose resolution fails for one of `reasons`. */
export function backendRefProblems(ctx: RuleContext, reasons: readonly BackendRefReason[]): Violation[] {
  const out: Violation[] = [];
  for (const route of routesOf(ctx)) {
    route.rules.forEach((rule, i) => {
      const refs = rule.backendRefs.map((ref, j) => ({ ref, field: `spec.rules[${i}].backendRefs[${j}]` }));
      rule.filters.forEach((f, j) => { if (f.requestMirror) refs.push({ ref: f.requestMirror.backendRef, field: `spec.rules[${i}].filters[${j}].requestMirror.backendRef` }); });
      for (const { ref, field } of refs) {
        const r = resolveBackendRef(ctx.cluster, route, ref);
        if (r.problem && reasons.includes(r.problem.reason)) out.push({ object: refOf(route.kind, route), field, message: r.problem.message });
      }
    });
  }
  return out;
}
