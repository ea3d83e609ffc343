import { Cluster } from '../../model/cluster';
import { AnnotatedControllerLocation } from '../../model/kinds/controller-location';
import { Gateway } from '../../model/kinds/gateway/types';
import { Ingress } from '../../model/kinds/ingress';

/**
 * Where the proxy pods of well-known controllers run, so that the NetworkPolicy
 * check can start from them. These are the defaults of each project's standard
 * install; a deployment that differs is described with explicit options.
 * `{gateway}` and `{namespace}` stand for the Gateway's name and namespace.
 */
export interface ControllerProfile {
  /** A human name, e.g. "ingress-nginx". */
  readonly name: string;
  /** IngressClass spec.controller values. */
  readonly ingressControllers: readonly string[];
  /** GatewayClass spec.controllerName values. */
  readonly gatewayControllers: readonly string[];
  /** Namespace of the proxy pods; `{namespace}` = the Gateway's own namespace. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

export const CONTROLLER_PROFILES: readonly ControllerProfile[] = [
  {
    name: 'ingress-nginx',
    ingressControllers: ['k8s.io/ingress-nginx'],
    gatewayControllers: [],
    namespace: 'ingress-nginx',
    labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
  },
  {
    name: 'Envoy Gateway',
    ingressControllers: [],
    gatewayControllers: ['gateway.envoyproxy.io/gatewayclass-controller'],
    namespace: 'envoy-gateway-system',
    labels: {
      'app.kubernetes.io/name': 'envoy',
      'gateway.envoyproxy.io/owning-gateway-name': '{gateway}',
      'gateway.envoyproxy.io/owning-gateway-namespace': '{namespace}',
    },
  },
  {
    name: 'Istio (Gateway API)',
    ingressControllers: [],
    gatewayControllers: ['istio.io/gateway-controller'],
    namespace: '{namespace}',
    labels: { 'gateway.networking.k8s.io/gateway-name': '{gateway}' },
  },
  {
    name: 'Istio (Ingress)',
    ingressControllers: ['istio.io/ingress-controller'],
    gatewayControllers: [],
    namespace: 'istio-system',
    labels: { istio: 'ingressgateway' },
  },
  {
    name: 'Contour',
    ingressControllers: ['projectcontour.io/contour', 'projectcontour.io/ingress-controller'],
    gatewayControllers: ['projectcontour.io/gateway-controller'],
    namespace: 'projectcontour',
    labels: { app: 'envoy' },
  },
  {
    name: 'Traefik',
    ingressControllers: ['traefik.io/ingress-controller'],
    gatewayControllers: ['traefik.io/gateway-controller'],
    namespace: 'traefik',
    labels: { 'app.kubernetes.io/name': 'traefik' },
  },
  {
    name: 'Kong',
    ingressControllers: ['ingress-controllers.konghq.com/kong'],
    gatewayControllers: ['konghq.com/kic-gateway-controller'],
    namespace: 'kong',
    labels: { 'app.kubernetes.io/name': 'kong' },
  },
];

/** Where a controller's proxy pods are, and how that was decided. */
export interface ControllerPods {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** 'annotation' (recorded on the Gateway, Ingress or IngressClass), 'profile' (from the table), 'option' (given explicitly). */
  readonly from: 'annotation' | 'profile' | 'option';
  readonly profile?: string;
}

/** The table entry of an IngressClass controller or GatewayClass controllerName, if the table knows it. */
export function controllerProfile(controller: string | undefined, kind: 'ingress' | 'gateway'): ControllerProfile | undefined {
  if (!controller) return undefined;
  return CONTROLLER_PROFILES.find(x => (kind === 'ingress' ? x.ingressControllers : x.gatewayControllers).includes(controller));
}

/** The proxy pods for an IngressClass controller or GatewayClass controllerName; undefined when the controller is not in the table. */
export function controllerPods(controller: string | undefined, kind: 'ingress' | 'gateway', gateway?: { readonly namespace: string; readonly name: string }): ControllerPods | undefined {
  const p = controllerProfile(controller, kind);
  if (!p) return undefined;
  const fill = (s: string) => s.replace('{gateway}', gateway?.name ?? '').replace('{namespace}', gateway?.namespace ?? '');
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.labels)) labels[k] = fill(v);
  return { namespace: fill(p.namespace), labels, from: 'profile', profile: p.name };
}

function annotated(location: AnnotatedControllerLocation): ControllerPods {
  return { namespace: location.namespace, labels: location.labels, from: 'annotation' };
}

/**
 * The one answer to "where do the pods forwarding this Gateway's traffic run":
 * the location recorded on the Gateway (the Gateway construct always records
 * it), else the table entry of its GatewayClass's controllerName.
 */
export function gatewayControllerPods(cluster: Cluster, gw: Gateway): { readonly controllerName?: string; readonly pods?: ControllerPods } {
  const controllerName = cluster.gatewayClasses.find(c => c.name === gw.gatewayClassName)?.controllerName;
  if (gw.controllerLocation) return { controllerName, pods: annotated(gw.controllerLocation) };
  return { controllerName, pods: controllerPods(controllerName, 'gateway', gw) };
}

/**
 * The one answer to "where do the pods serving this Ingress run": the location
 * recorded on the Ingress, else on its IngressClass, else the table entry of
 * the class's controller.
 */
export function ingressControllerPods(
  cluster: Cluster, ingress: Ingress | undefined, ingressClass: string | undefined, controller: string | undefined,
): ControllerPods | undefined {
  if (ingress?.controllerLocation) return annotated(ingress.controllerLocation);
  const cls = ingressClass === undefined ? undefined : cluster.ingressClasses.find(c => c.name === ingressClass);
  if (cls?.controllerLocation) return annotated(cls.controllerLocation);
  return controllerPods(controller, 'ingress');
}
