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

/** How a caller names Service ports: a port number (or range), or a port name; optionally on one protocol. */
export interface ServicePortQuery {
  /** A port number, or a port name; undefined = every port. */
  readonly port?: number | string;
  /** With a numeric `port`: the last port of a range. */
  readonly toPort?: number;
  /** Only ports of this protocol; undefined = any protocol. */
  readonly protocol?: Protocol;
}

/**
 * The one Service-port lookup: the ports of `svc` a caller means, in spec
 * order. A number matches `port` (the Service port, never the targetPort), a
 * string matches `name` (a string of digits that names no port is taken as a
 * number, as `--port 80` reads).
 */
export function servicePortsFor(svc: Service, q: ServicePortQuery): ServicePort[] {
  const onProtocol = svc.ports.filter(p => q.protocol === undefined || p.protocol === q.protocol);
  if (q.port === undefined) return onProtocol;
  if (typeof q.port === 'number') {
    const from = q.port;
    const to = q.toPort ?? q.port;
    return onProtocol.filter(p => p.port >= from && p.port <= to);
  }
  const named = onProtocol.filter(p => p.name === q.port);
  if (named.length > 0 || !/^\d+$/.test(q.port)) return named;
  return onProtocol.filter(p => p.port === Number(q.port));
}

/** The Service port a caller means: by name, or by port number (first match). */
export function findServicePort(svc: Service, portNameOrNumber: number | string, protocol?: Protocol): ServicePort | undefined {
  return servicePortsFor(svc, { port: portNameOrNumber, protocol })[0];
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
