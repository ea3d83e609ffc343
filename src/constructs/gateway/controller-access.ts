import { IConstruct } from 'constructs';
import { ControllerLocation } from './controller';
import { serviceIdentity } from './internal';
import { Connections } from '../connections';
import { NamespaceIsolation } from '../namespace-isolation';
import { Peer } from '../peer';
import { Port } from '../port';
import { Protocol } from '../protocol';

// Lets an Ingress or Gateway controller reach the backends it is given, in
// namespaces that NamespaceIsolation closes by default (internal).

/** A Service port a controller forwards to: by number or by name. */
export interface ExposedPort {
  readonly number?: number;
  readonly name?: string;
}

const DONE = new WeakMap<IConstruct, Set<string>>();

/** The NamespaceIsolation of the app that denies ingress in `namespace`, if any. */
export function ingressIsolation(scope: IConstruct, namespace: string): NamespaceIsolation | undefined {
  return scope.node.root.node.findAll()
    .filter((c): c is NamespaceIsolation => c instanceof NamespaceIsolation && c.namespace === namespace)
    .find(iso => ((iso.defaultDeny.apiObject.toJson() as { spec?: { policyTypes?: string[] } }).spec?.policyTypes ?? []).includes('Ingress'));
}

function key(controller: ControllerLocation, service: IConstruct, port: ExposedPort): string {
  const labels = Object.entries(controller.podLabels ?? {}).sort().map(([k, v]) => `${k}=${v}`).join(',');
  return `${controller.namespace}[${labels}] -> ${service.node.path}:${port.number ?? port.name}`;
}

/**
 * When the Service's namespace is isolated, allows the controller's pods to
 * reach the Service's pods on the target port of `port` (one rule per
 * controller, Service and port in the app). Returns whether the namespace is isolated.
 */
export function admitController(controller: ControllerLocation, service: IConstruct, port: ExposedPort): boolean {
  const ns = serviceIdentity(service).namespace;
  if (!ingressIsolation(service, ns)) return false;
  const root = service.node.root;
  let done = DONE.get(root);
  if (!done) DONE.set(root, done = new Set());
  const k = key(controller, service, port);
  if (done.has(k)) return true;
  done.add(k);
  const labels = controller.podLabels ?? {};
  const peer = Object.keys(labels).length ? Peer.podsInNamespace(labels, controller.namespace) : Peer.namespace(controller.namespace);
  const servicePort = port.number !== undefined ? Port.tcp(port.number) : Port.named(port.name!, Protocol.TCP);
  peer.connections.allowTo(Connections.of(service), servicePort);
  return true;
}

/**
 * Synth-time check: a backend whose namespace is isolated now but was not when
 * it was exposed (the NamespaceIsolation came later) would be unreachable.
 */
export function admissionProblem(controller: ControllerLocation, service: IConstruct, port: ExposedPort): string | undefined {
  const ns = serviceIdentity(service).namespace;
  if (!ingressIsolation(service, ns)) return undefined;
  if (DONE.get(service.node.root)?.has(key(controller, service, port))) return undefined;
  return `namespace "${ns}" is isolated by a NamespaceIsolation declared after this object exposed Service ${ns}/${serviceIdentity(service).name}: `
    + 'declare the NamespaceIsolation first, so that the controller\'s pods are admitted to the backend';
}
