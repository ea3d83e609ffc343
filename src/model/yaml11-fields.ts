/**
 * Where a YAML 1.1 boolean spelling (`yes`, `on`, `N`, ...) sits in a field that
 * must be a string. YAML 1.2 (our reader) reads it as a string; kubectl's decoder
 * (sigs.k8s.io/yaml, YAML 1.1) reads a boolean there, and the API server then
 * rejects the object. The reader warns and goes on with the string.
 */
import { YAML11_BOOLEANS } from './yaml-parse';

/** Keys whose value must be a string: names, namespaces, ports by name. */
const STRING_KEYS = new Set(['name', 'namespace', 'generateName', 'port', 'targetPort', 'serviceName', 'hostname', 'subdomain']);
/** Maps whose values must be strings: labels, annotations, selectors. */
const STRING_MAPS = new Set(['labels', 'annotations', 'matchLabels', 'selector', 'nodeSelector']);
/** Lists whose items must be strings (matchExpressions values). */
const STRING_LISTS = new Set(['values']);

/** A field path (`metadata.labels.enabled`) and the boolean spelling found there. */
export interface Yaml11Field {
  readonly field: string;
  readonly value: string;
}

/**
 * Fields of `value` that hold a YAML 1.1 boolean spelling as a plain scalar
 * (`plain`: their paths, from the parser) where a string is required, in
 * document order. Only called for documents that hold such scalars.
 */
export function yaml11BooleanFields(value: unknown, plain: ReadonlySet<string>): Yaml11Field[] {
  const out: Yaml11Field[] = [];
  const hit = (x: unknown, p: string): x is string => typeof x === 'string' && YAML11_BOOLEANS.has(x) && plain.has(p);
  const walk = (v: unknown, path: string, depth: number) => {
    if (depth > 64 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      const p = path ? `${path}.${k}` : k;
      if (STRING_KEYS.has(k) && hit(child, p)) {
        out.push({ field: p, value: child });
      } else if (STRING_MAPS.has(k) && typeof child === 'object' && child !== null && !Array.isArray(child)) {
        for (const [mk, mv] of Object.entries(child as Record<string, unknown>)) {
          if (hit(mv, `${p}.${mk}`)) out.push({ field: `${p}.${mk}`, value: mv });
        }
        walk(child, p, depth + 1);
      } else if (STRING_LISTS.has(k) && Array.isArray(child)) {
        child.forEach((item, i) => { if (hit(item, `${p}[${i}]`)) out.push({ field: `${p}[${i}]`, value: item }); });
      } else {
        walk(child, p, depth + 1);
      }
    }
  };
  walk(value, '', 0);
  return out;
}
