import { Cluster, Service, ServicePort, Workload } from '../../model/cluster';
import { ConnectionSet } from '../connectivity/connection-set';
import { allowedConnections } from '../netpol/direction';
import { podOf, PodEndpoint } from '../netpol/endpoint';
import { serviceBackends } from '../service-backends';
import { findServicePort, resolveTargetOn } from './ports';

/** The ingress controller as netpol-analyzer models it: a label-less pod in its own namespace. */
export const INGRESS_CONTROLLER_NAME = 'ingress-controller';
export const INGRESS_CONTROLLER_NAMESPACE = 'ingress-controller-ns';
/** How netpol-analyzer prints the ingress controller peer. */
export const INGRESS_CONTROLLER_PEER = '{ingress-controller}';

export const INGRESS_CONTROLLER_POD: PodEndpoint = { kind: 'pod', namespace: INGRESS_CONTROLLER_NAMESPACE, labels: {}, ports: [] };

/** A workload the ingress controller reaches through Ingress or Route objects. */
export interface IngressExposure {
  readonly workload: Workload;
  /** TCP ports exposed by the Ingress/Route objects AND allowed by NetworkPolicy from the controller. */
  readonly conns: ConnectionSet;
  /** `Ingress ns/name`, `Route ns/name`, sorted. */
  readonly via: readonly string[];
}

/** The Service port an Ingress or Route backend asks for; undefined = every port of the Service. */
interface RequiredPort {
  readonly value?: number | string;
  /** Route ports are typed IntOrString and may also name a targetPort; Ingress port names only match port names. */
  readonly matchesTargetPortName: boolean;
}

function servicePortFor(svc: Service, req: RequiredPort): ServicePort[] {
  if (req.value === undefined) return [...svc.ports];
  const v = req.value;
  // netpol-analyzer also takes a number (and a Route's name) as a targetPort.
  const byTarget = typeof v === 'number' || req.matchesTargetPortName;
  const hit = svc.ports.find(p => findServicePort(svc, v) === p || (byTarget && p.targetPort === v));
  return hit ? [hit] : [];
}

/**
 * The TCP ports the controller may use on a workload for some Service ports:
 * the targetPort must be a port the pods declare (a named one must be TCP).
 */
function exposedPorts(w: Workload, ports: readonly ServicePort[]): ConnectionSet {
  let conns = ConnectionSet.none();
  for (const sp of ports) {
    const t = resolveTargetOn(sp, w);
    // netpol-analyzer counts a numeric targetPort only when the pods declare it.
    const declared = typeof sp.targetPort === 'string' || w.ports.some(p => p.containerPort === sp.targetPort);
    if (t.containerPort !== undefined && t.protocol === 'TCP' && declared) conns = conns.union(ConnectionSet.ports('TCP', t.containerPort));
  }
  return conns;
}

/**
 * netpol-analyzer's ingress analysis: every workload behind a Service that an
 * Ingress (default backend and rule backends) or an OpenShift Route (to and
 * alternate backends) targets is reachable from the ingress controller on the
 * resolved target ports, intersected with what NetworkPolicy allows from the
 * controller's pod. Services without a selector are not followed.
 */
export function ingressControllerExposure(cluster: Cluster): IngressExposure[] {
  const acc = new Map<Workload, { conns: ConnectionSet; via: Set<string> }>();
  const expose = (namespace: string, serviceName: string, req: RequiredPort, via: string) => {
    const svc = cluster.services.find(s => s.namespace === namespace && s.name === serviceName);
    if (!svc?.selector) return;
    for (const w of serviceBackends(cluster, svc)) {
      const conns = exposedPorts(w, servicePortFor(svc, req));
      const cur = acc.get(w) ?? { conns: ConnectionSet.none(), via: new Set<string>() };
      acc.set(w, { conns: cur.conns.union(conns), via: cur.via.add(via) });
    }
  };
  for (const ing of cluster.ingresses) {
    const via = `Ingress ${ing.namespace}/${ing.name}`;
    const backends = [ing.defaultBackend, ...ing.rules.flatMap(r => r.paths.map(p => p.backend))];
    for (const b of backends) if (b?.service) expose(ing.namespace, b.service.name, { value: b.service.port, matchesTargetPortName: false }, via);
  }
  for (const rt of cluster.openShiftRoutes) {
    for (const s of rt.services) expose(rt.namespace, s, { value: rt.targetPort, matchesTargetPortName: true }, `Route ${rt.namespace}/${rt.name}`);
  }
  const out: IngressExposure[] = [];
  for (const [workload, { conns, via }] of acc) {
    const allowed = conns.intersect(allowedConnections(cluster, INGRESS_CONTROLLER_POD, podOf(workload)));
    if (!allowed.isEmpty()) out.push({ workload, conns: allowed, via: [...via].sort() });
  }
  const key = (w: Workload) => `${w.namespace}/${w.name}[${w.kind}]`;
  return out.sort((a, b) => (key(a.workload) < key(b.workload) ? -1 : key(a.workload) > key(b.workload) ? 1 : 0));
}
