import { allRoutes, Condition, protocolKinds, routeStatus, supportedKinds } from './attachment';
import { checkReference } from './references';
import { Cluster } from '../../../model/cluster';
import { Gateway, GATEWAY_GROUP, Listener, RouteKind } from '../../../model/kinds/gateway/types';

/** The status an implementation writes for one listener. */
export interface ListenerStatus {
  readonly name: string;
  readonly supportedKinds: readonly RouteKind[];
  readonly resolvedRefs: Condition;
  readonly attachedRoutes: number;
}

export function listenerStatuses(cluster: Cluster, gw: Gateway): ListenerStatus[] {
  const statuses = allRoutes(cluster).flatMap(r => routeStatus(cluster, r).map(s => ({ route: r, s })));
  return gw.listeners.map(l => ({
    name: l.name,
    supportedKinds: supportedKinds(l),
    resolvedRefs: listenerResolvedRefs(cluster, gw, l),
    attachedRoutes: statuses.filter(({ s }) => s.attachments.some(a => a.gateway === gw && a.listener === l)).length,
  }));
}

function listenerResolvedRefs(cluster: Cluster, gw: Gateway, l: Listener): Condition {
  const bad = (reason: string, message: string): Condition => ({ type: 'ResolvedRefs', status: 'False', reason, message });
  const kinds = l.allowedRoutes.kinds ?? [];
  const unsupported = kinds.filter(k => k.group !== GATEWAY_GROUP || !protocolKinds(l).includes(k.kind as RouteKind));
  if (unsupported.length > 0) return bad('InvalidRouteKinds', `listener ${l.name} (${l.protocol}) cannot carry ${unsupported.map(k => k.kind).join(', ')}`);
  for (const c of l.tls?.certificateRefs ?? []) {
    if (c.group !== '' || c.kind !== 'Secret') return bad('InvalidCertificateRef', `certificateRef ${c.namespace}/${c.name} is a ${c.kind}, not a Secret`);
    const check = checkReference(cluster, { group: GATEWAY_GROUP, kind: 'Gateway', namespace: gw.namespace }, { group: '', kind: 'Secret', namespace: c.namespace, name: c.name });
    if (!check.allowed) return bad('RefNotPermitted', `certificateRef to Secret ${c.namespace}/${c.name} crosses namespaces and no ReferenceGrant in ${c.namespace} allows it`);
  }
  return { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'all references resolved' };
}
