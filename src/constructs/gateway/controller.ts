import { ApiObject } from 'cdk8s';
import { controllerPods } from '../../engine/l7/controllers';
import { controllerLocationAnnotations } from '../../model/kinds/controller-location';

/**
 * Where the pods of an Ingress or Gateway controller (the data plane that
 * forwards requests to backends) run. Used to allow their traffic to backends
 * when NamespaceIsolation denies it by default, and recorded on the synthesized
 * object as the `traffic.cdk8s.io/controller-namespace` and
 * `traffic.cdk8s.io/controller-pod-selector` annotations, which the route
 * check (at synth time and in the CLI) starts from.
 */
export interface ControllerLocation {
  /** Namespace of the controller's pods, e.g. "ingress-nginx" or "envoy-gateway-system". */
  readonly namespace: string;
  /** Labels selecting the controller's pods. @default - every pod of the namespace */
  readonly podLabels?: { [key: string]: string };
}

/**
 * The engine's table entry for a well-known controller (the install defaults of
 * ingress-nginx, Envoy Gateway, Istio, ...), as a ControllerLocation; undefined
 * for a controller the table does not know.
 */
export function knownControllerLocation(controller: string | undefined, kind: 'ingress' | 'gateway', gateway?: { readonly namespace: string; readonly name: string }): ControllerLocation | undefined {
  const pods = controllerPods(controller, kind, gateway);
  if (!pods) return undefined;
  return Object.keys(pods.labels).length ? { namespace: pods.namespace, podLabels: { ...pods.labels } } : { namespace: pods.namespace };
}

/** Writes `location` onto `api` as the controller-location annotations the engine reads. */
export function recordControllerLocation(api: ApiObject, location: ControllerLocation): void {
  for (const [k, v] of Object.entries(controllerLocationAnnotations(location.namespace, location.podLabels))) api.metadata.addAnnotation(k, v);
}
