import { defaultIngressClasses, effectiveClass } from './class';
import { compareIngresses } from './route';
import { Cluster } from '../../../model/cluster';
import { Ingress } from '../../../model/kinds/ingress';

/** A problem in the Ingress configuration as a whole (input for audit rules). */
export interface IngressFinding {
  readonly level: 'error' | 'warning';
  readonly code: 'multiple-default-classes' | 'duplicate-path' | 'duplicate-default-backend' | 'unknown-class' | 'no-class';
  readonly message: string;
  /** `Kind ns/name` of every object involved, sorted. */
  readonly objects: readonly string[];
}

/**
 * Configuration problems controllers resolve silently: more than one default
 * IngressClass, the same host+path+pathType claimed by several Ingresses of a
 * class (the oldest wins), several defaultBackends in a class, Ingresses whose
 * class has no IngressClass object or that get no class at all.
 */
export function ingressFindings(cluster: Cluster): IngressFinding[] {
  const out: IngressFinding[] = [];
  const defaults = defaultIngressClasses(cluster);
  if (defaults.length > 1) {
    out.push({
      level: 'error',
      code: 'multiple-default-classes',
      message: `${defaults.length} IngressClasses are marked default (${defaults.map(d => d.name).join(', ')}): the API server rejects new Ingresses without ingressClassName`,
      objects: defaults.map(d => `IngressClass ${d.name}`),
    });
  }
  const byClass = new Map<string, Ingress[]>();
  for (const ing of cluster.ingresses) {
    const ec = effectiveClass(cluster, ing);
    const id = `Ingress ${ing.namespace}/${ing.name}`;
    if (ec.name === undefined) {
      out.push({ level: 'warning', code: 'no-class', message: `${id} has no ingressClassName and there is no single default IngressClass`, objects: [id] });
      continue;
    }
    if (!ec.ingressClass && cluster.ingressClasses.length > 0) {
      out.push({ level: 'warning', code: 'unknown-class', message: `${id} uses class ${ec.name}, which no IngressClass in the input defines`, objects: [id] });
    }
    byClass.set(ec.name, [...(byClass.get(ec.name) ?? []), ing]);
  }
  for (const [cls, ings] of [...byClass.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const claims = new Map<string, Ingress[]>();
    for (const ing of [...ings].sort(compareIngresses)) {
      const seen = new Set<string>();
      for (const rule of ing.rules) {
        for (const p of rule.paths) {
          const key = `${rule.host ?? '*'} ${p.pathType} ${p.path ?? '/'}`;
          if (seen.has(key)) continue;
          seen.add(key);
          claims.set(key, [...(claims.get(key) ?? []), ing]);
        }
      }
    }
    for (const [key, list] of [...claims.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (list.length < 2) continue;
      const [host, type, path] = key.split(' ');
      const names = list.map(i => `${i.namespace}/${i.name}`);
      out.push({
        level: 'warning',
        code: 'duplicate-path',
        message: `class ${cls}: host ${host === '*' ? '(any)' : host} ${type} ${path} is claimed by ${names.join(', ')}; ${names[0]} (oldest, then by name) wins`,
        objects: names.map(n => `Ingress ${n}`).sort(),
      });
    }
    const defs = ings.filter(i => i.defaultBackend).sort(compareIngresses);
    if (defs.length > 1) {
      const names = defs.map(i => `${i.namespace}/${i.name}`);
      out.push({ level: 'warning', code: 'duplicate-default-backend', message: `class ${cls}: defaultBackend set by ${names.join(', ')}; ${names[0]} wins`, objects: names.map(n => `Ingress ${n}`).sort() });
    }
  }
  return out;
}
