import { Cluster, Protocol, Service, ServicePort, Workload } from '../../model/cluster';
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

/**
 * The endpoint port a slice gives a Service port: a slice port serves the
 * Service port of the same name and protocol (both names empty for a single
 * unnamed port). Undefined when the slice has none (or its port is nil).
 */
export function slicePortFor(slice: EndpointSlice, sp: ServicePort): number | undefined {
  return slice.ports.find(p => (p.name ?? '') === (sp.name ?? '') && p.protocol === sp.protocol)?.port;
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
    const ports = svc.ports.flatMap(sp => {
      const port = slicePortFor(slice, sp);
      return port === undefined ? [] : [{ name: sp.name, port, protocol: sp.protocol }];
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

/** Whether a Service port has endpoints to send a request to, as far as the input tells. */
export interface PortReadiness {
  /** False when the input shows no ready endpoint; true when it shows one or cannot tell. */
  readonly ready: boolean;
  readonly why: string;
}

/**
 * Ready endpoints behind one Service port. Selector Services: the workloads the
 * selector matches, less those scaled to 0 replicas; a selector that matches
 * nothing counts as "no endpoints" only when the Service's namespace has
 * workloads in the input (otherwise its pods may simply be outside the input).
 * Selector-less Services: ready EndpointSlice addresses serving the port (a port
 * without any address in the input is left undecided, as above).
 * ExternalName: resolved by DNS, never "no endpoints".
 */
export function servicePortReadiness(cluster: Cluster, svc: Service, port: number): PortReadiness {
  const target = `Service ${svc.namespace}/${svc.name}`;
  if (svc.type === 'ExternalName') return { ready: true, why: `${target} is ExternalName (${svc.externalName ?? '?'})` };
  const sp = svc.ports.find(p => p.port === port);
  const name = sp?.name ?? '';
  if (!svc.selector) {
    const serving = serviceEndpoints(cluster, svc).filter(e => e.ports.some(p => (p.name ?? '') === name));
    // Slices written without addresses are filled in elsewhere (by a controller or a test harness).
    if (serving.length === 0) return { ready: true, why: `${target}: no EndpointSlice address for port ${port} in the input (endpoints outside the input)` };
    const ready = serving.filter(e => e.ready).length;
    return ready > 0 ? { ready: true, why: `${ready} ready EndpointSlice address${ready === 1 ? '' : 'es'}` } : { ready: false, why: `${target} has no ready EndpointSlice address for port ${port}` };
  }
  const backends = serviceBackends(cluster, svc);
  if (backends.length === 0) {
    const known = cluster.workloads.some(w => w.namespace === svc.namespace);
    return known ? { ready: false, why: `${target} selects no workload of namespace ${svc.namespace}` } : { ready: true, why: `${target}: no workload of namespace ${svc.namespace} in the input (endpoints outside the input)` };
  }
  const running = backends.filter(w => w.replicas !== 0);
  if (running.length === 0) return { ready: false, why: `${target} selects only workloads scaled to 0 replicas (${backends.map(w => `${w.kind}/${w.name}`).join(', ')})` };
  return { ready: true, why: `${running.length} workload${running.length === 1 ? '' : 's'} selected` };
}
