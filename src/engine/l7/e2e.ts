import { Cluster, Protocol, Service, ServicePort, Workload } from '../../model/cluster';
import { explainConnection, Explanation } from '../explain';
import { PodEndpoint, podOf } from '../netpol/endpoint';
import { serviceBackends } from '../service-backends';
import { ControllerPods, controllerPods } from './controllers';
import { GatewayRouteAnswer, routeThroughGateways } from './gateway/route-request';
import { ImplementationSpecificAs } from './ingress/match';
import { IngressRouteAnswer, routeThroughIngresses } from './ingress/route';
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
}

/**
 * Request -> Ingress or Gateway -> Service -> endpoints -> NetworkPolicy from the
 * controller's pods to the backend pods on the resolved target port.
 */
export function routeEndToEnd(cluster: Cluster, req: L7Request, opts: EndToEndOptions = {}): EndToEndAnswer {
  // Ingress carries HTTP only; TLS passthrough, TCP and UDP go through Gateways.
  const useIngress = opts.gateway === undefined && (req.scheme === 'http' || req.scheme === 'https');
  const useGateway = opts.ingressClass === undefined;
  const override = opts.controllerNamespace !== undefined || opts.controllerLabels !== undefined
    ? { namespace: opts.controllerNamespace ?? 'default', labels: opts.controllerLabels ?? {}, from: 'option' as const }
    : undefined;
  const ingressOpts = { ingressClass: opts.ingressClass, implementationSpecific: opts.implementationSpecific };
  const ingresses = !useIngress ? [] : routeThroughIngresses(cluster, req, ingressOpts).map(a => {
    const pods = override ?? controllerPods(a.controller, 'ingress');
    const svc = a.backend?.serviceObject;
    const port = a.backend?.servicePort;
    const reach = svc && port ? reachBackends(cluster, pods, svc, port) : [];
    return { ...a, controllerPods: pods, reach };
  });
  const gateways = !useGateway ? [] : routeThroughGateways(cluster, req, { gateway: opts.gateway }).map(a => {
    const gw = cluster.gateways.find(g => `${g.namespace}/${g.name}` === a.gateway)!;
    const controllerName = cluster.gatewayClasses.find(c => c.name === gw.gatewayClassName)?.controllerName;
    const pods = override ?? controllerPods(controllerName, 'gateway', gw);
    const reach = a.backends.filter(b => b.percent > 0 && b.service && !b.problem).flatMap(b => {
      const sp = b.service!.ports.find(p => p.port === b.ref.port);
      return sp ? reachBackends(cluster, pods, b.service!, sp) : [];
    });
    return { ...a, controllerName, controllerPods: pods, reach };
  });
  return { request: req, ingresses, gateways };
}

/** The verdict for every workload behind the Service port. */
export function reachBackends(cluster: Cluster, pods: ControllerPods | undefined, svc: Service, port: ServicePort): BackendReach[] {
  const base = { service: `${svc.namespace}/${svc.name}`, servicePort: port.port, targetPort: port.targetPort, protocol: port.protocol };
  if (svc.type === 'ExternalName') return [{ ...base, reasons: [`ExternalName Service: traffic goes to ${svc.externalName ?? '<missing externalName>'}, outside NetworkPolicy`] }];
  if (!svc.selector) return [{ ...base, reasons: ['selector-less Service: endpoints come from EndpointSlices, not checked against NetworkPolicy'] }];
  const workloads = serviceBackends(cluster, svc);
  if (workloads.length === 0) return [{ ...base, allowed: false, reasons: ['the Service selector matches no workload: no endpoints'] }];
  if (!pods) {
    return workloads.map(w => ({ ...base, workload: workloadName(w), reasons: ['controller pods unknown: pass their namespace and labels to check NetworkPolicy'] }));
  }
  const src: PodEndpoint = { kind: 'pod', namespace: pods.namespace, labels: pods.labels, ports: [] };
  return workloads.map(w => {
    const e = policyVerdict(cluster, src, w, port.targetPort, port.protocol);
    return { ...base, workload: workloadName(w), allowed: e.allowed, reasons: e.reasons };
  });
}

/** The one call into the NetworkPolicy engine (named target ports resolve per destination pod there). */
function policyVerdict(cluster: Cluster, src: PodEndpoint, dst: Workload, port: number | string, protocol: Protocol): Explanation {
  return explainConnection(cluster, src, podOf(dst), port, protocol);
}

function workloadName(w: Workload): string {
  return `${w.namespace}/${w.name}[${w.kind}]`;
}
