/**
 * Where the pods of an Ingress or Gateway controller (the data plane that
 * forwards requests to backends) run. Used to allow their traffic to backends
 * when NamespaceIsolation denies it by default.
 */
export interface ControllerLocation {
  /** Namespace of the controller's pods, e.g. "ingress-nginx" or "envoy-gateway-system". */
  readonly namespace: string;
  /** Labels selecting the controller's pods. @default - every pod of the namespace */
  readonly podLabels?: { [key: string]: string };
}
