import { ApiObject, App, Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { NAMESPACE_NAME_LABEL } from '../../model/cluster';
import { compare } from '../../model/compare';
import { apiObjectOf, namespaceOf } from '../api-object-of';

export { compare };

// Shared helpers of the Ingress and Gateway API constructs. Not exported from the package.

/** Gateway API `Duration` (GEP-2257). */
export const DURATION_RE = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

/** Gateway API duration string from a cdk8s Duration, e.g. `1h30m`, `10s`, `250ms`. */
export function renderDuration(d: Duration): string {
  let ms = d.toMilliseconds();
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`duration must be a whole, non-negative number of milliseconds (got ${ms})`);
  if (ms === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(ms / size);
    if (n > 0) parts.push(`${n}${unit}`);
    ms -= n * size;
  }
  return parts.join('');
}

/** Name and namespace of a Service-like construct, as it will be synthesized. */
export interface ServiceIdentity {
  readonly name: string;
  readonly namespace: string;
  /** The v1 Service object, when the construct has one (ours, cdk8s-plus, raw ApiObject). */
  readonly apiObject?: ApiObject;
}

/**
 * Name and namespace of a Service given as our `Service`, a cdk8s-plus-28
 * `Service`, or a raw `ApiObject` of kind Service.
 */
export function serviceIdentity(service: IConstruct): ServiceIdentity {
  const api = apiObjectOf(service, 'Service');
  const ours = service as unknown as { name?: unknown; namespace?: unknown };
  if (typeof ours.name === 'string' && typeof ours.namespace === 'string') {
    return { name: ours.name, namespace: ours.namespace, apiObject: api };
  }
  if (!api) throw new Error(`${service.node.path}: not a Service (no ApiObject of kind Service)`);
  return { name: api.name, namespace: namespaceOf(api), apiObject: api };
}

/** Every ApiObject in the app that holds `scope`, in construct-tree order. */
export function appApiObjects(scope: IConstruct): ApiObject[] {
  return scope.node.root.node.findAll().filter(ApiObject.isApiObject);
}

/**
 * Labels of a namespace as the app declares them (Namespace objects in any chart),
 * plus the implied `kubernetes.io/metadata.name`. `declared` tells whether the app has it.
 */
export function namespaceLabels(scope: IConstruct, namespace: string): { labels: Record<string, string>; declared: boolean } {
  const labels: Record<string, string> = {};
  let declared = false;
  for (const o of appApiObjects(scope)) {
    if (o.kind !== 'Namespace' || o.name !== namespace) continue;
    declared = true;
    Object.assign(labels, (o.toJson() as { metadata?: { labels?: Record<string, string> } }).metadata?.labels ?? {});
  }
  labels[NAMESPACE_NAME_LABEL] = namespace;
  return { labels, declared };
}

/** The App at the root of the tree, if the root is one (Testing.chart() included). */
export function appOf(scope: IConstruct): App | undefined {
  const root = scope.node.root;
  return root instanceof App ? root : undefined;
}

/** Copy of a string map with keys sorted, or undefined when empty/missing. */
export function sortedMap(m: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (!m || Object.keys(m).length === 0) return undefined;
  const out: { [key: string]: string } = {};
  for (const k of Object.keys(m).sort(compare)) out[k] = m[k];
  return out;
}

/** Drops undefined values (so synthesized YAML carries only what was set). */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
