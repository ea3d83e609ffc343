import { Cluster, Protocol, Service, Workload } from '../../model/cluster';
import { EndpointSlice } from '../../model/kinds/endpoint-slice';
import { serviceBackends } from '../service-backends';
import { resolveTargetOn } from './ports';

export interface EndpointPort {
  /** The Service port name (empty for a single unnamed port). */
  readonly name?: string;
  /** The port on the endpoint: the resolved container port, or the slice's port. */
  readonly port: number;
  readonly protocol: Protocol;
}

/** One backend of a Service: the pods of a workload, or an address from an EndpointSlice. */
export interface ServiceEndpoint {
  readonly workload?: Workload;
  /** An address (IPv4, IPv6 or FQDN) from a hand-written EndpointSlice. */
  readonly address?: string;
  readonly addressType?: 'IPv4' | 'IPv6' | 'FQDN';
  /** The EndpointSlice the address came from. */
  readonly slice?: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly zone?: string;
  /** The Service ports this endpoint serves (ports whose named targetPort is missing are left out). */
  readonly ports: readonly EndpointPort[];
}

/** EndpointSlices of a Service: same namespace, labelled `kubernetes.io/service-name: <svc>`. */
export function serviceSlices(cluster: Cluster, svc: Service): EndpointSlice[] {
  return cluster.endpointSlices.filter(s => s.namespace === svc.namespace && s.serviceName === svc.name);
}

/**
 * The endpoints of a Service. A Service with a selector: its backend
 * workloads, each with the Service ports resolved on its pods (workload pods
 * are assumed ready: manifests carry no pod status). A selector-less Service:
 * every address of its EndpointSlices, with the slice ports whose name matches
 * a Service port. ExternalName: none (it is a DNS CNAME, nothing is proxied).
 */
export function serviceEndpoints(cluster: Cluster, svc: Service): ServiceEndpoint[] {
  if (svc.type === 'ExternalName') return [];
  if (svc.selector) {
    return serviceBackends(cluster, svc).map(w => ({
      workload: w,
      ready: true,
      serving: true,
      terminating: false,
      ports: svc.ports.flatMap(sp => {
        const t = resolveTargetOn(sp, w);
        return t.containerPort === undefined ? [] : [{ name: sp.name, port: t.containerPort, protocol: sp.protocol }];
      }),
    }));
  }
  const out: ServiceEndpoint[] = [];
  for (const slice of serviceSlices(cluster, svc)) {
    // A slice port serves the Service port of the same name (both empty for a single unnamed port).
    const ports = slice.ports.flatMap(p => {
      const sp = svc.ports.find(s => (s.name ?? '') === (p.name ?? '') && s.protocol === p.protocol);
      return sp && p.port !== undefined ? [{ name: sp.name, port: p.port, protocol: p.protocol }] : [];
    });
    for (const e of slice.endpoints) {
      for (const address of e.addresses) {
        out.push({
          address,
          addressType: slice.addressType,
          slice: slice.name,
          ready: e.conditions.ready,
          serving: e.conditions.serving,
          terminating: e.conditions.terminating,
          hostname: e.hostname,
          nodeName: e.nodeName,
          zone: e.zone,
          ports,
        });
      }
    }
  }
  return out;
}
