import { serviceEndpoints } from './endpoints';
import { resolveTargetOn } from './ports';
import { Cluster, Protocol, Service, ServicePort } from '../../model/cluster';
import { Endpoint, ipEndpoint, podOf } from '../netpol/endpoint';

/** Where a connection to one Service port lands: a backend workload's pods, or an EndpointSlice address. */
export interface ServicePortTarget {
  readonly endpoint: Endpoint;
  /**
   * The port to check on the endpoint: the Service targetPort (a name resolves
   * per pod in the NetworkPolicy engine, which says how), or the slice port of
   * an EndpointSlice address.
   */
  readonly port: number | string;
  /** The container port a named targetPort resolves to on the workload; the slice port for an address. */
  readonly resolvedPort?: number;
  readonly protocol: Protocol;
  /** Why the port does not resolve on this workload (the EndpointSlice controller leaves it off the endpoints). */
  readonly problem?: string;
}

/**
 * Connectivity to a Service is connectivity to its endpoints: the pods its
 * selector matches, or, for a selector-less Service, the IP addresses of its
 * EndpointSlices (FQDN addresses are outside NetworkPolicy and left out).
 * ExternalName Services have none.
 */
export function serviceTargetEndpoints(cluster: Cluster, svc: Service): Endpoint[] {
  const out: Endpoint[] = [];
  const seen = new Set<string>();
  for (const e of serviceEndpoints(cluster, svc)) {
    if (e.workload) {
      out.push(podOf(e.workload));
    } else if (e.address && e.addressType !== 'FQDN' && !seen.has(e.address)) {
      seen.add(e.address);
      out.push(ipEndpoint(e.address));
    }
  }
  return out;
}

/**
 * Where a connection to Service port `sp` lands, endpoint by endpoint: each
 * backend workload on the targetPort resolved on its pods, or each
 * EndpointSlice address on the slice port serving `sp` (same name and protocol).
 */
export function servicePortTargets(cluster: Cluster, svc: Service, sp: ServicePort): ServicePortTarget[] {
  return serviceEndpoints(cluster, svc).flatMap((e): ServicePortTarget[] => {
    if (e.workload) {
      const t = resolveTargetOn(sp, e.workload);
      return [{ endpoint: podOf(e.workload), port: sp.targetPort, resolvedPort: t.containerPort, protocol: sp.protocol, problem: t.problem }];
    }
    const p = e.ports.find(x => (x.name ?? '') === (sp.name ?? '') && x.protocol === sp.protocol);
    if (!e.address || e.addressType === 'FQDN' || !p) return [];
    return [{ endpoint: ipEndpoint(e.address), port: p.port, resolvedPort: p.port, protocol: sp.protocol }];
  });
}
