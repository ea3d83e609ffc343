import { allBackendRefs, resolveBackendRef } from './backends';
import { Condition } from './condition';
import { intersectHostnames } from './hostname';
import { listenerSetAdmission } from './listener-sets';
import { Cluster, NAMESPACE_NAME_LABEL } from '../../../model/cluster';
import { Gateway, GATEWAY_GROUP, Listener, ParentRef, Route, RouteKind } from '../../../model/kinds/gateway/types';
import { ClusterMemo } from '../../cluster-memo';
import { matchesSelector } from '../../selector';


/** A route attached to one listener, with the hostnames it serves there (undefined = any). */
export interface ListenerAttachment {
  readonly gateway: Gateway;
  readonly listener: Listener;
  readonly hostnames?: readonly string[];
}

/** The status an implementation writes for one parentRef of a route. */
export interface RouteParentStatus {
  readonly parentRef: ParentRef;
  readonly gateway?: Gateway;
  readonly accepted: Condition;
  readonly resolvedRefs: Condition;
  readonly attachments: readonly ListenerAttachment[];
}

/** Route kinds each listener protocol can carry (the default of allowedRoutes.kinds). */
export function protocolKinds(listener: Listener): readonly RouteKind[] {
  switch (listener.protocol) {
    case 'HTTP':
    case 'HTTPS':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS':
      return listener.tls?.mode === 'Terminate' ? ['TLSRoute', 'TCPRoute'] : ['TLSRoute'];
    case 'TCP':
      return ['TCPRoute'];
    case 'UDP':
      return ['UDPRoute'];
    default:
      return [];
  }
}

const CORE_PROTOCOLS = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'];

/**
 * The route kinds a listener accepts: allowedRoutes.kinds (or the protocol's
 * default) limited to what the protocol carries. For an implementation-specific
 * (domain-prefixed) protocol the explicit kinds are trusted: only the
 * implementation knows what it carries.
 */
export function supportedKinds(listener: Listener): RouteKind[] {
  const explicit = listener.allowedRoutes.kinds?.filter(gk => gk.group === GATEWAY_GROUP).map(gk => gk.kind as RouteKind);
  if (!CORE_PROTOCOLS.includes(listener.protocol)) return explicit ?? [];
  const byProtocol = protocolKinds(listener);
  if (!explicit) return [...byProtocol];
  return byProtocol.filter(k => explicit.includes(k));
}

/** Whether the listener's allowedRoutes.namespaces admits routes from `namespace`. */
export function namespaceAllowed(cluster: Cluster, gateway: Gateway, listener: Listener, namespace: string): boolean {
  const labels = cluster.namespaces.get(namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: namespace };
  return namespaceAllowedWith(gateway.namespace, listener, namespace, labels);
}

function namespaceAllowedWith(gatewayNamespace: string, listener: Listener, namespace: string, labels: Readonly<Record<string, string>>): boolean {
  const a = listener.allowedRoutes;
  switch (a.from) {
    case 'All': return true;
    // A ListenerSet's listener: "Same" is the ListenerSet's namespace.
    case 'Same': return namespace === (listener.listenerSet?.namespace ?? gatewayNamespace);
    case 'None': return false;
    case 'Selector': return a.selector !== undefined && matchesSelector(a.selector, labels);
  }
}

/** The part of a route that decides whether a listener admits it. */
export interface RouteForListener {
  readonly kind: RouteKind;
  readonly namespace: string;
  readonly hostnames: readonly string[];
}

/** Why a listener refuses a route: the three checks of the Gateway API, in order. */
export type ListenerRefusal = 'routeKind' | 'namespace' | 'hostname';

/** A listener's answer for one route: admitted with the hostnames it serves there (undefined = any), or refused and why. */
export interface ListenerAdmission {
  readonly admitted: boolean;
  readonly hostnames?: readonly string[];
  readonly refusal?: ListenerRefusal;
  readonly message?: string;
}

/**
 * The one listener admission rule (Gateway API allowedRoutes and hostname
 * intersection): the route's kind must be one the listener supports, its
 * namespace one allowedRoutes.namespaces admits (`namespaceLabels` are the
 * labels of the route's namespace), and its hostnames must intersect the
 * listener's. Constructs ask it at synth time; route status is built from it.
 */
export function listenerAdmission(
  gatewayNamespace: string, listener: Listener, route: RouteForListener, namespaceLabels: Readonly<Record<string, string>>,
): ListenerAdmission {
  if (!supportedKinds(listener).includes(route.kind)) {
    return { admitted: false, refusal: 'routeKind', message: `listener ${listener.name} (${listener.protocol}) does not allow ${route.kind}` };
  }
  if (!namespaceAllowedWith(gatewayNamespace, listener, route.namespace, namespaceLabels)) {
    return { admitted: false, refusal: 'namespace', message: `listener ${listener.name} allows routes from ${describeFrom(listener)}, not namespace ${route.namespace}` };
  }
  const hostnames = intersectHostnames(listener.hostname, route.hostnames);
  if (hostnames !== undefined && hostnames.length === 0) {
    return {
      admitted: false,
      refusal: 'hostname',
      message: `listener ${listener.name} hostname ${listener.hostname} does not intersect the route hostnames ${route.hostnames.join(', ')}`,
    };
  }
  return { admitted: true, hostnames };
}

/** Computes the Accepted and ResolvedRefs conditions, and the listeners attached, for each parentRef of a route. */
export function routeStatus(cluster: Cluster, route: Route): RouteParentStatus[] {
  const resolvedRefs = resolvedRefsCondition(cluster, route);
  return route.parentRefs.map(ref => {
    const fail = (reason: string, message: string, gateway?: Gateway): RouteParentStatus => ({
      parentRef: ref, gateway, accepted: { type: 'Accepted', status: 'False', reason, message }, resolvedRefs, attachments: [],
    });
    // Mesh (GAMMA): a Service as the parent; the route then serves in-cluster requests to it (engine/l7/mesh).
    if (ref.group === '' && ref.kind === 'Service') {
      const svc = cluster.services.find(x => x.namespace === ref.namespace && x.name === ref.name);
      if (!svc) return fail('NoMatchingParent', `Service ${ref.namespace}/${ref.name} not found`);
      if (ref.port !== undefined && !svc.ports.some(p => p.port === ref.port)) return fail('NoMatchingParent', `Service ${ref.namespace}/${ref.name} has no port ${ref.port}`);
      if (route.kind !== 'HTTPRoute' && route.kind !== 'GRPCRoute') return fail('NotAllowedByListeners', `${route.kind} is not routed by the mesh (HTTPRoute and GRPCRoute are)`);
      return {
        parentRef: ref,
        accepted: { type: 'Accepted', status: 'True', reason: 'Accepted', message: `attached to Service ${ref.namespace}/${ref.name} (mesh, ${route.namespace === ref.namespace ? 'producer' : 'consumer'} route)` },
        resolvedRefs,
        attachments: [],
      };
    }
    const parent = parentListeners(cluster, ref);
    if ('problem' in parent) return fail('NoMatchingParent', parent.problem, parent.gateway);
    const { gateway, listeners, label } = parent;
    const selected = listeners.filter(l =>
      (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port));
    if (selected.length === 0) {
      const what = [ref.sectionName !== undefined ? `sectionName "${ref.sectionName}"` : '', ref.port !== undefined ? `port ${ref.port}` : ''].filter(Boolean).join(' and ');
      return fail('NoMatchingParent', `${label} has no listener with ${what}`, gateway);
    }
    const attachments: ListenerAttachment[] = [];
    const refused: ListenerAdmission[] = [];
    const labels = cluster.namespaces.get(route.namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: route.namespace };
    for (const l of selected) {
      const a = listenerAdmission(gateway.namespace, l, route, labels);
      if (a.admitted) attachments.push({ gateway, listener: l, hostnames: a.hostnames });
      else refused.push(a);
    }
    if (attachments.length === 0) {
      const onlyHostname = refused.every(r => r.refusal === 'hostname');
      return fail(onlyHostname ? 'NoMatchingListenerHostname' : 'NotAllowedByListeners', refused.map(r => r.message).join('; '), gateway);
    }
    return {
      parentRef: ref,
      gateway,
      accepted: { type: 'Accepted', status: 'True', reason: 'Accepted', message: `attached to listener${attachments.length > 1 ? 's' : ''} ${attachments.map(a => a.listener.name).join(', ')}` },
      resolvedRefs,
      attachments,
    };
  });
}

/**
 * The listeners a parentRef can attach to: a Gateway's own listeners (not those of
 * its ListenerSets), or a ListenerSet's, when its Gateway admits it.
 */
type ParentListeners = { gateway: Gateway; listeners: readonly Listener[]; label: string } | { problem: string; gateway?: Gateway };

function parentListeners(cluster: Cluster, ref: ParentRef): ParentListeners {
  if (ref.group === GATEWAY_GROUP && ref.kind === 'ListenerSet') {
    const ls = cluster.listenerSets.find(x => x.namespace === ref.namespace && x.name === ref.name);
    if (!ls) return { problem: `ListenerSet ${ref.namespace}/${ref.name} not found` };
    const admission = listenerSetAdmission(cluster, ls);
    if (!admission.gateway || admission.accepted.status === 'False') return { problem: `ListenerSet ${ref.namespace}/${ref.name} is not accepted: ${admission.accepted.message}`, gateway: admission.gateway };
    return { gateway: admission.gateway, listeners: ls.listeners, label: `ListenerSet ${ref.namespace}/${ref.name}` };
  }
  if (ref.group !== GATEWAY_GROUP || ref.kind !== 'Gateway') {
    return { problem: `parentRef kind ${ref.kind}${ref.group ? '.' + ref.group : ''} is not a Gateway, ListenerSet or Service; only those parents are modelled` };
  }
  const gateway = cluster.gateways.find(g => g.namespace === ref.namespace && g.name === ref.name);
  if (!gateway) return { problem: `Gateway ${ref.namespace}/${ref.name} not found` };
  return { gateway, listeners: gateway.listeners, label: `Gateway ${ref.namespace}/${ref.name}` };
}

function describeFrom(l: Listener): string {
  const from = l.allowedRoutes.from;
  return from === 'Same' ? 'its own namespace' : from === 'Selector' ? 'namespaces matching its selector' : from === 'None' ? 'no namespace' : 'all namespaces';
}

function resolvedRefsCondition(cluster: Cluster, route: Route): Condition {
  for (const ref of allBackendRefs(route)) {
    const r = resolveBackendRef(cluster, route, ref);
    if (r.problem) return { type: 'ResolvedRefs', status: 'False', reason: r.problem.reason, message: r.problem.message };
  }
  return { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'all backendRefs resolved' };
}

export interface AttachedRoute {
  readonly route: Route;
  readonly hostnames?: readonly string[];
}

/** Every route of the given kinds attached to this listener, with the hostnames it serves there. */
export function routesOnListener(cluster: Cluster, gateway: Gateway, listener: Listener, kinds: readonly RouteKind[]): AttachedRoute[] {
  const out: AttachedRoute[] = [];
  for (const route of allRoutes(cluster)) {
    if (!kinds.includes(route.kind)) continue;
    for (const st of cachedRouteStatus(cluster, route)) {
      const a = st.attachments.find(x => x.gateway === gateway && x.listener === listener);
      if (a) {
        out.push({ route, hostnames: a.hostnames });
        break;
      }
    }
  }
  return out;
}

// Every routed request asks for the status of every route; the model is immutable, so
// compute it once per cluster (1,000 requests over 500 HTTPRoutes: see bench/results.md).
const statuses = new ClusterMemo<Route, RouteParentStatus[]>();

/** routeStatus, computed once per cluster and route. */
export function cachedRouteStatus(cluster: Cluster, route: Route): RouteParentStatus[] {
  return statuses.get(cluster, route, () => routeStatus(cluster, route));
}

export function allRoutes(cluster: Cluster): Route[] {
  return [...cluster.httpRoutes, ...cluster.grpcRoutes, ...cluster.tlsRoutes, ...cluster.tcpRoutes, ...cluster.udpRoutes];
}
