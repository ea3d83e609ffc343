import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ControllerLocation } from './controller';
import { serviceIdentity } from './internal';
import { findServicePort, servicePortsFor } from '../../engine/services/ports';
import { Service as ModelService, ServicePort as ModelServicePort } from '../../model/cluster';
import { readService } from '../../model/kinds/service';
import { Connections } from '../connections';
import { NamespaceIsolation } from '../namespace-isolation';
import { NetworkPolicy, PolicyType } from '../network-policy';
import { Peer } from '../peer';
import { PodSelector } from '../pod-selector';
import { Port } from '../port';
import { Protocol } from '../protocol';
import { targetPolicyPort } from '../service-target-port';

// Lets an Ingress or Gateway controller reach the backends it is given, in
// namespaces that NamespaceIsolation closes by default (internal).

/** A Service port a controller forwards to: by number or by name. */
export interface ExposedPort {
  readonly number?: number;
  readonly name?: string;
}

const DONE = new WeakMap<IConstruct, Set<string>>();

/** The NamespaceIsolation of the app that denies `direction` in `namespace`, if any. */
function isolation(scope: IConstruct, namespace: string, direction: 'Ingress' | 'Egress'): NamespaceIsolation | undefined {
  return scope.node.root.node.findAll()
    .filter((c): c is NamespaceIsolation => c instanceof NamespaceIsolation && c.namespace === namespace)
    .find(iso => ((iso.defaultDeny.apiObject.toJson() as { spec?: { policyTypes?: string[] } }).spec?.policyTypes ?? []).includes(direction));
}

/** The NamespaceIsolation of the app that denies ingress in `namespace`, if any. */
export function ingressIsolation(scope: IConstruct, namespace: string): NamespaceIsolation | undefined {
  return isolation(scope, namespace, 'Ingress');
}

/** The Service as the model reads it; undefined when the app has no ApiObject for it. */
function modelService(service: IConstruct): ModelService | undefined {
  const api = serviceIdentity(service).apiObject;
  return api ? readService({ object: api.toJson(), source: { file: service.node.path, index: 0 } }, serviceIdentity(service).namespace) : undefined;
}

/**
 * Why a controller cannot forward to `port` of the app's Service `service`
 * (the Service has no such port, as the engine looks ports up), or undefined
 * when it can or the Service is not the app's to read.
 */
export function missingServicePort(service: IConstruct, port: ExposedPort): string | undefined {
  const svc = modelService(service);
  const wanted = port.number ?? port.name;
  if (!svc || wanted === undefined || findServicePort(svc, wanted)) return undefined;
  const have = svc.ports.map(sp => `${sp.protocol} ${sp.port}${sp.name ? ` (${sp.name})` : ''}`).join(', ') || 'none';
  return `Service ${svc.namespace}/${svc.name} has no port ${typeof wanted === 'number' ? wanted : `named "${wanted}"`} (its ports: ${have})`;
}

/** The Service ports a controller forwards to (by number, else by name): the engine's Service-port lookup. */
function exposedPorts(svc: ModelService, port: ExposedPort): ModelServicePort[] {
  return servicePortsFor(svc, { port: port.number ?? port.name });
}

/** The protocol of the Service port a controller forwards to (UDPRoute backends are UDP); TCP when unknown. */
function servicePortProtocol(service: IConstruct, port: ExposedPort): Protocol {
  const svc = modelService(service);
  const match = svc ? exposedPorts(svc, port)[0] : undefined;
  return (match?.protocol as Protocol | undefined) ?? Protocol.TCP;
}

const EGRESS = new WeakMap<IConstruct, Map<string, NetworkPolicy>>();

/**
 * When the controller's own namespace denies egress, lets the controller's
 * pods reach the Service's pods on the target port: one `controller-egress`
 * policy per controller location, in the chart of that namespace's isolation.
 */
function admitControllerEgress(controller: ControllerLocation, service: IConstruct, port: ExposedPort): boolean {
  const iso = isolation(service, controller.namespace, 'Egress');
  if (!iso) return false;
  const svc = modelService(service);
  if (!svc?.selector) return false;
  const root = service.node.root;
  let byController = EGRESS.get(root);
  if (!byController) EGRESS.set(root, byController = new Map());
  const labels = controller.podLabels ?? {};
  const where = `${controller.namespace}/${JSON.stringify(Object.entries(labels).sort())}`;
  let policy = byController.get(where);
  if (!policy) {
    const n = [...byController.keys()].filter(k => k.startsWith(`${controller.namespace}/`)).length;
    const name = n === 0 ? 'controller-egress' : `controller-egress-${n + 1}`;
    policy = new NetworkPolicy(Chart.of(iso), `${iso.node.id}-${name}`, {
      name,
      namespace: controller.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'cdk8s-traffic' },
      podSelector: Object.keys(labels).length ? PodSelector.pods(labels) : PodSelector.all(),
      policyTypes: [PolicyType.EGRESS],
    });
    byController.set(where, policy);
  }
  const ports = exposedPorts(svc, port).map(targetPolicyPort);
  if (ports.length) policy.addEgressRule(Peer.podsInNamespace(svc.selector, svc.namespace), ports);
  return true;
}

function key(controller: ControllerLocation, service: IConstruct, port: ExposedPort): string {
  const labels = Object.entries(controller.podLabels ?? {}).sort().map(([k, v]) => `${k}=${v}`).join(',');
  return `${controller.namespace}[${labels}] -> ${service.node.path}:${port.number ?? port.name}`;
}

/**
 * Lets the controller's pods reach the Service's pods on the target port of
 * `port`: an ingress rule when the Service's namespace denies ingress, an
 * egress rule when the controller's namespace denies egress (each once per
 * controller, Service and port in the app).
 */
export function admitController(controller: ControllerLocation, service: IConstruct, port: ExposedPort): void {
  const root = service.node.root;
  let done = DONE.get(root);
  if (!done) DONE.set(root, done = new Set());
  const k = key(controller, service, port);
  if (done.has(k)) return;
  // A port the Service lacks is the route's or Ingress's error, reported by its validation with
  // the rule and backend that name it; a rule written for it could only fail later, nameless.
  if (missingServicePort(service, port)) return;
  if (ingressIsolation(service, serviceIdentity(service).namespace)) {
    done.add(k);
    const labels = controller.podLabels ?? {};
    const peer = Object.keys(labels).length ? Peer.podsInNamespace(labels, controller.namespace) : Peer.namespace(controller.namespace);
    const protocol = servicePortProtocol(service, port);
    const servicePort = port.number !== undefined ? Port.of({ protocol, fromPort: port.number }) : Port.named(port.name!, protocol);
    peer.connections.allowTo(Connections.of(service), servicePort);
  }
  if (!done.has(`egress ${k}`) && admitControllerEgress(controller, service, port)) done.add(`egress ${k}`);
}

/**
 * Synth-time check: a backend whose namespace is isolated now but was not when
 * it was exposed (the NamespaceIsolation came later) would be unreachable.
 */
export function admissionProblem(controller: ControllerLocation, service: IConstruct, port: ExposedPort): string | undefined {
  const ns = serviceIdentity(service).namespace;
  if (!ingressIsolation(service, ns)) return undefined;
  if (DONE.get(service.node.root)?.has(key(controller, service, port))) return undefined;
  if (missingServicePort(service, port)) return undefined;
  return `namespace "${ns}" is isolated by a NamespaceIsolation declared after this object exposed Service ${ns}/${serviceIdentity(service).name}: `
    + 'declare the NamespaceIsolation first, so that the controller\'s pods are admitted to the backend';
}
