import { checkReference } from './references';
import { Cluster, Service } from '../../../model/cluster';
import { BackendRef, GATEWAY_GROUP, Route } from '../../../model/kinds/gateway/types';
import { perCluster } from '../../cluster-memo';

export type BackendRefReason = 'InvalidKind' | 'RefNotPermitted' | 'BackendNotFound';

export interface ResolvedBackendRef {
  readonly ref: BackendRef;
  /** `ns/name` of the referent. */
  readonly target: string;
  readonly service?: Service;
  /** Why the reference cannot carry traffic (the route's ResolvedRefs reason). */
  readonly problem?: { readonly reason: BackendRefReason; readonly message: string };
  readonly grant?: string;
}

/** Resolves a route's backendRef to a Service, checking kind, ReferenceGrant and existence, in that order. */
export function resolveBackendRef(cluster: Cluster, route: Route, ref: BackendRef): ResolvedBackendRef {
  const target = `${ref.namespace}/${ref.name}`;
  if (ref.group !== '' || ref.kind !== 'Service') {
    const gk = ref.group ? `${ref.kind}.${ref.group}` : ref.kind;
    return { ref, target, problem: { reason: 'InvalidKind', message: `backendRef ${target} has unsupported kind ${gk} (only core Services are modelled)` } };
  }
  const check = checkReference(cluster, { group: GATEWAY_GROUP, kind: route.kind, namespace: route.namespace }, { group: '', kind: 'Service', namespace: ref.namespace, name: ref.name });
  // Mesh consumer routes send to the Service they are attached to without a ReferenceGrant (Gateway API mesh, GEP-1426).
  const ownParent = route.parentRefs.some(p => p.group === '' && p.kind === 'Service' && p.namespace === ref.namespace && p.name === ref.name);
  if (!check.allowed && !ownParent) {
    return { ref, target, problem: { reason: 'RefNotPermitted', message: `backendRef to Service ${target} crosses namespaces and no ReferenceGrant in ${ref.namespace} allows ${route.kind} from ${route.namespace}` } };
  }
  const service = servicesByName(cluster).get(target);
  if (!service) return { ref, target, grant: check.grant, problem: { reason: 'BackendNotFound', message: `Service ${target} not found` } };
  if (ref.port !== undefined && !service.ports.some(p => p.port === ref.port)) {
    return { ref, target, service, grant: check.grant, problem: { reason: 'BackendNotFound', message: `Service ${target} has no port ${ref.port}` } };
  }
  return { ref, target, service, grant: check.grant };
}

// Route status resolves every backendRef of every route per request; a linear scan of the
// Services made 1,000 requests over 500 HTTPRoutes take minutes (bench/results.md).
const servicesByName = perCluster(cluster => new Map<string, Service>(cluster.services.map(s => [`${s.namespace}/${s.name}`, s])));

/** Every backendRef of a route, including RequestMirror targets, in rule order. */
export function allBackendRefs(route: Route): BackendRef[] {
  const out: BackendRef[] = [];
  for (const rule of route.rules) {
    for (const f of rule.filters) if (f.requestMirror) out.push(f.requestMirror.backendRef);
    for (const b of rule.backendRefs) {
      out.push(b);
      for (const f of b.filters) if (f.requestMirror) out.push(f.requestMirror.backendRef);
    }
  }
  return out;
}
