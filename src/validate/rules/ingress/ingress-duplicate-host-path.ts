import { ingressFindings } from '../../../engine/l7/ingress/conflicts';
import { Rule, refOf, Violation } from '../../rule';

/** Controllers merge Ingresses of a class; a host+path claimed twice goes to one of them silently. */
export const ingressDuplicateHostPath: Rule = {
  id: 'TRF-ING-003',
  name: 'ingress-duplicate-host-path',
  level: 'warning',
  summary: 'two Ingresses of one class claim the same host and path',
  fix: 'Keep each host+path in one Ingress (or give the Ingresses different classes); the oldest Ingress wins and the other path is dead.',
  check: ctx => {
    const out: Violation[] = [];
    for (const f of ingressFindings(ctx.cluster)) {
      if (f.code !== 'duplicate-path') continue;
      for (const id of f.objects) {
        const ing = ctx.cluster.ingresses.find(i => `Ingress ${i.namespace}/${i.name}` === id);
        if (ing) out.push({ object: refOf('Ingress', ing), field: 'spec.rules', message: f.message });
      }
    }
    return out;
  },
};
