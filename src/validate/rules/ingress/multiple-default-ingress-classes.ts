import { ingressFindings } from '../../../engine/l7/ingress/conflicts';
import { Rule, Violation } from '../../rule';

export const multipleDefaultIngressClasses: Rule = {
  id: 'TRF-ING-004',
  name: 'multiple-default-ingress-classes',
  level: 'error',
  summary: 'more than one IngressClass is marked default',
  fix: 'Keep ingressclass.kubernetes.io/is-default-class: "true" on one IngressClass only.',
  check: ctx => {
    const out: Violation[] = [];
    for (const f of ingressFindings(ctx.cluster)) {
      if (f.code !== 'multiple-default-classes') continue;
      for (const id of f.objects) {
        const cls = ctx.cluster.ingressClasses.find(c => `IngressClass ${c.name}` === id);
        if (cls) out.push({ object: { kind: 'IngressClass', name: cls.name, source: cls.source }, field: 'metadata.annotations', message: f.message });
      }
    }
    return out;
  },
};
