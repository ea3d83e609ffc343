import { Cluster } from '../../../model/cluster';
import { Ingress } from '../../../model/kinds/ingress';
import { IngressClass } from '../../../model/kinds/ingress-class';

/** How an Ingress got its class. */
export interface EffectiveClass {
  /** undefined: no class and no (single) default IngressClass — no controller is bound to claim it. */
  readonly name?: string;
  readonly via: 'ingressClassName' | 'annotation' | 'default' | 'none';
  /** The IngressClass object, when the input declares it. */
  readonly ingressClass?: IngressClass;
}

/** IngressClasses annotated `ingressclass.kubernetes.io/is-default-class: "true"`. */
export function defaultIngressClasses(cluster: Cluster): IngressClass[] {
  return cluster.ingressClasses.filter(c => c.isDefault);
}

/**
 * spec.ingressClassName, else the deprecated `kubernetes.io/ingress.class`
 * annotation, else the default IngressClass (admission sets it at creation;
 * with more than one default the API server rejects class-less Ingresses).
 */
export function effectiveClass(cluster: Cluster, ing: Ingress): EffectiveClass {
  const find = (name: string) => cluster.ingressClasses.find(c => c.name === name);
  if (ing.ingressClassName) return { name: ing.ingressClassName, via: 'ingressClassName', ingressClass: find(ing.ingressClassName) };
  if (ing.classAnnotation) return { name: ing.classAnnotation, via: 'annotation', ingressClass: find(ing.classAnnotation) };
  const defaults = defaultIngressClasses(cluster);
  if (defaults.length === 1) return { name: defaults[0].name, via: 'default', ingressClass: defaults[0] };
  return { via: 'none' };
}
