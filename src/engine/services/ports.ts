import { Cluster, Protocol, Service, ServicePort, Workload } from '../../model/cluster';
import { serviceBackends } from '../service-backends';

/** Where one backend workload receives a Service port. */
export interface BackendTarget {
  readonly workload: Workload;
  /** The container port traffic lands on; undefined when a named targetPort is missing on the pods. */
  readonly containerPort?: number;
  readonly protocol: Protocol;
  /** Why the port does not resolve on this workload (the EndpointSlice controller leaves the port off its endpoints). */
  readonly problem?: string;
}

export interface ResolvedServicePort {
  readonly service: Service;
  readonly servicePort: ServicePort;
  /** One entry per backend workload, in cluster order. */
  readonly targets: readonly BackendTarget[];
  /** `ns/name[Kind]` of backends lacking a named targetPort, sorted. */
  readonly missing: readonly string[];
}

/** The Service port a caller means: by name, or by port number (first match). */
export function findServicePort(svc: Service, portNameOrNumber: number | string): ServicePort | undefined {
  if (typeof portNameOrNumber === 'number') return svc.ports.find(p => p.port === portNameOrNumber);
  const asNumber = /^\d+$/.test(portNameOrNumber) ? Number(portNameOrNumber) : undefined;
  return svc.ports.find(p => p.name === portNameOrNumber) ?? (asNumber !== undefined ? svc.ports.find(p => p.port === asNumber) : undefined);
}

/**
 * Resolves a Service port's targetPort on one workload, as the EndpointSlice
 * controller does per pod: a number is used as is (the container need not
 * declare it); a name must match a container port with that name and the
 * Service port's protocol.
 */
export function resolveTargetOn(sp: ServicePort, w: Workload): BackendTarget {
  if (typeof sp.targetPort === 'number') return { workload: w, containerPort: sp.targetPort, protocol: sp.protocol };
  const named = w.ports.find(p => p.name === sp.targetPort && p.protocol === sp.protocol);
  if (named) return { workload: w, containerPort: named.containerPort, protocol: sp.protocol };
  const otherProtocol = w.ports.find(p => p.name === sp.targetPort);
  const problem = otherProtocol
    ? `container port "${sp.targetPort}" is ${otherProtocol.protocol}, the Service port is ${sp.protocol}`
    : `no container port named "${sp.targetPort}"`;
  return { workload: w, protocol: sp.protocol, problem };
}

/**
 * Resolves `portNameOrNumber` of `svc` to the container port on each backend
 * workload (selector Services only; selector-less Services take ports from
 * their EndpointSlices, see serviceEndpoints). Undefined when the Service has
 * no such port.
 */
export function resolveServicePort(cluster: Cluster, svc: Service, portNameOrNumber: number | string): ResolvedServicePort | undefined {
  const servicePort = findServicePort(svc, portNameOrNumber);
  if (!servicePort) return undefined;
  const targets = serviceBackends(cluster, svc).map(w => resolveTargetOn(servicePort, w));
  const missing = targets.filter(t => t.problem).map(t => `${t.workload.namespace}/${t.workload.name}[${t.workload.kind}]`).sort();
  return { service: svc, servicePort, targets, missing };
}
