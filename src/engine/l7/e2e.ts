import { Cluster, Protocol, Service, ServicePort, Workload } from '../../model/cluster';
import { explainConnection, Explanation } from '../explain';
import { ControllerPods, gatewayControllerPods, ingressControllerPods } from './controllers';
import { Endpoint, ipEndpoint, PodEndpoint, podOf } from '../netpol/endpoint';
import { serviceEndpoints } from '../services/endpoints';
import { receivingBackends, serviceTraffic } from '../services/kube-proxy';
import { findServicePort, resolveServicePort } from '../services/ports';
import { GatewayRouteAnswer, routeThroughGateways } from './gateway/route-request';
import { ImplementationSpecificAs } from './ingress/match';
import { IngressRouteAnswer, routeThroughIngresses } from './ingress/route';
import { MeshRouteAnswer, routeInMesh } from './mesh/route';
import { L7Request } from './request';

/** The NetworkPolicy verdict from the controller's pods to one backend workload. */
export interface BackendReach {
  readonly service: string;
  readonly servicePort: number;
  readonly workload?: string;
  /** The Service targetPort (number or container-port name). */
  readonly targetPort?: number | string;
  readonly protocol: Protocol;
  readonly allowed?: boolean;
  readonly reasons: readonly string[];
}

export interface EndToEndOptions {
  /** `ns/name`: route through this Gateway only. */
  readonly gateway?: string;
  /** Route through Ingresses of this class only. */
  readonly ingressClass?: string;
  /** Where the controller's proxy pods run, overriding the well-known table. */
  readonly controllerNamespace?: string;
  readonly controllerLabels?: Readonly<Record<string, string>>;
  /** @default 'Prefix' */
  readonly implementationSpecific?: ImplementationSpecificAs;
  /** Note where this controller (a CONTROLLER_PROFILES name) departs from the spec; default: the GatewayClass's controller. */
  readonly controllerProfile?: string;
  /** An east-west request from this workload: routed through the mesh routes of the Service the host names, not through entry points. */
  readonly from?: Workload;
}

export interface MeshPath extends MeshRouteAnswer {
  /** The NetworkPolicy verdict from the calling workload's pods to each backend. */
  readonly reach: readonly BackendReach[];
}

export interface IngressPath extends IngressRouteAnswer {
  readonly controllerPods?: ControllerPods;
  readonly reach: readonly BackendReach[];
}

export interface GatewayPath extends GatewayRouteAnswer {
  readonly controllerName?: string;
  readonly controllerPods?: ControllerPods;
  readonly reach: readonly BackendReach[];
}

export interface EndToEndAnswer {
  readonly request: L7Request;
  readonly ingresses: readonly IngressPath[];
  readonly gateways: readonly GatewayPath[];
  /** Set for an east-west request (`from`). */
  readonly mesh?: MeshPath;
}

/**
 * Request -> Ingress or Gateway -> Service -> endpoints -> NetworkPolicy from the
 * controller's pods to the backend pods on the resolved target port.
 */
export function routeEndToEnd(cluster: Cluster, req: L7Request, opts: EndToEndOptions = {}): EndToEndAnswer {
  if (opts.from) {
    const a = routeInMesh(cluster, opts.from, req);
    // The caller's own pods are the source of the NetworkPolicy check.
    const pods: ControllerPods = { namespace: opts.from.namespace, labels: opts.from.labels, from: 'option' };
    const reach = a.status === 200 ? a.backends.filter(b => b.percent > 0 && b.service && !b.problem).flatMap(b => {
      const sp = b.service!.ports.find(p => p.port === b.ref.port);
      return sp ? reachBackends(cluster, pods, b.service!, sp) : [];
    }) : [];
    return { request: req, ingresses: [], gateways: [], mesh: { ...a, reach } };
  }
  // Ingress carries HTTP only; TLS passthrough, TCP and UDP go through Gateways.
  const useIngress = opts.gateway === undefined && (req.scheme === 'http' || req.scheme === 'https');
  const useGateway = opts.ingressClass === undefined;
  const override = opts.controllerNamespace !== undefined || opts.controllerLabels !== undefined
    ? { namespace: opts.controllerNamespace ?? 'default', labels: opts.controllerLabels ?? {}, from: 'option' as const }
    : undefined;
  const ingressOpts = { ingressClass: opts.ingressClass, implementationSpecific: opts.implementationSpecific };
  const ingresses = !useIngress ? [] : routeThroughIngresses(cluster, req, ingressOpts).map(a => {
    const winner = a.winner ? cluster.ingresses.find(i => `${i.namespace}/${i.name}` === a.winner!.ingress) : undefined;
    const pods = override ?? ingressControllerPods(cluster, winner, a.ingressClass, a.controller);
    const svc = a.backend?.serviceObject;
    const port = a.backend?.servicePort;
    const reach = svc && port ? reachBackends(cluster, pods, svc, port) : [];
    const note = a.controller && !pods ? [`controller ${a.controller} is not in the table of known controllers: its proxy pods are unknown`] : [];
    return { ...a, reasons: [...a.reasons, ...note], controllerPods: pods, reach };
  });
  const gatewayOpts = { gateway: opts.gateway, controllerProfile: opts.controllerProfile };
  const gateways = !useGateway ? [] : routeThroughGateways(cluster, req, gatewayOpts).map(a => {
    const gw = cluster.gateways.find(g => `${g.namespace}/${g.name}` === a.gateway)!;
    const located = gatewayControllerPods(cluster, gw);
    const controllerName = located.controllerName;
    const pods = override ?? located.pods;
    const reach = a.backends.filter(b => b.percent > 0 && b.service && !b.problem).flatMap(b => {
      const sp = b.ref.port === undefined ? undefined : findServicePort(b.service!, b.ref.port);
      return sp ? reachBackends(cluster, pods, b.service!, sp) : [];
    });
    const note = pods ? [] : controllerName === undefined ? [`GatewayClass ${gw.gatewayClassName} is not in the input: its controller is unknown`]
      : [`controller ${controllerName} is not in the table of known controllers: its proxy pods are unknown`];
    return { ...a, reasons: [...a.reasons, ...note], controllerName, controllerPods: pods, reach };
  });
  return { request: req, ingresses, gateways };
}

/**
 * The verdict for every endpoint behind the Service port: each backend
 * workload on its resolved container port (src/engine/services), or each
 * EndpointSlice address of a selector-less Service.
 */
export function reachBackends(cluster: Cluster, pods: ControllerPods | undefined, svc: Service, port: ServicePort): BackendReach[] {
  const base = { service: `${svc.namespace}/${svc.name}`, servicePort: port.port, targetPort: port.targetPort, protocol: port.protocol };
  if (svc.type === 'ExternalName') return [{ ...base, reasons: [`ExternalName Service: traffic goes to ${svc.externalName ?? '<missing externalName>'}, outside NetworkPolicy`] }];
  const src: PodEndpoint | undefined = pods ? { kind: 'pod', namespace: pods.namespace, labels: pods.labels, ports: [] } : undefined;
  const unknown = 'controller pods unknown: pass their namespace and labels to check NetworkPolicy';
  // The endpoints kube-proxy sends the controller's connections to (conditions, traffic policies, topology).
  const receives = receivingBackends(serviceTraffic(cluster, svc, port.name ?? port.port, {}));
  if (!svc.selector) {
    const endpoints = serviceEndpoints(cluster, svc).flatMap(e => {
      const ep = e.ports.find(p => (p.name ?? '') === (port.name ?? '') && p.protocol === port.protocol);
      return e.address && ep && (!receives || receives.has(e.address)) ? [{ address: e.address, type: e.addressType, port: ep.port }] : [];
    });
    if (endpoints.length === 0) return [{ ...base, allowed: false, reasons: ['selector-less Service with no EndpointSlice address for this port: no endpoints'] }];
    return endpoints.map(e => {
      const at = { ...base, workload: `${e.address} (EndpointSlice)`, targetPort: e.port };
      if (e.type === 'FQDN') return { ...at, reasons: ['FQDN endpoint: outside NetworkPolicy'] };
      if (!src) return { ...at, reasons: [unknown] };
      const v = policyVerdict(cluster, src, ipEndpoint(e.address), e.port, port.protocol);
      return { ...at, allowed: v.allowed, reasons: v.reasons };
    });
  }
  const resolved = resolveServicePort(cluster, svc, port.name ?? port.port);
  // Backends missing the named port stay listed (with the problem); the others only if kube-proxy picks them.
  const all = resolved?.targets ?? [];
  if (all.length === 0) return [{ ...base, allowed: false, reasons: ['the Service selector matches no workload: no endpoints'] }];
  const picked = receives === undefined ? all : all.filter(t => t.problem || receives.has(workloadName(t.workload)));
  // EndpointSlices whose endpoints reference no pod name no workload: keep the selector's view then.
  const targets = receives !== undefined && receives.size > 0 && picked.every(t => t.problem) ? all : picked;
  if (targets.length === 0) return [{ ...base, allowed: false, reasons: ['no ready endpoint: kube-proxy rejects the connections'] }];
  return targets.map(t => {
    const at = { ...base, workload: workloadName(t.workload) };
    if (t.problem || t.containerPort === undefined) {
      return { ...at, allowed: false, reasons: [`${t.problem ?? 'targetPort does not resolve'}: the EndpointSlice controller leaves this port off the endpoints`] };
    }
    if (!src) return { ...at, reasons: [unknown] };
    // The named targetPort is passed through so that the explanation says how it resolved.
    const v = policyVerdict(cluster, src, podOf(t.workload), port.targetPort, t.protocol);
    return { ...at, allowed: v.allowed, reasons: v.reasons };
  });
}

/** The one call into the NetworkPolicy engine (named target ports resolve per destination pod there). */
function policyVerdict(cluster: Cluster, src: PodEndpoint, dst: Endpoint, port: number | string, protocol: Protocol): Explanation {
  return explainConnection(cluster, src, dst, port, protocol);
}

function workloadName(w: Workload): string {
  return `${w.namespace}/${w.name}[${w.kind}]`;
}
