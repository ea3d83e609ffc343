import { allRoutes, Condition, protocolKinds, routeStatus, supportedKinds } from './attachment';
import { checkReference } from './references';
import { Cluster } from '../../../model/cluster';
import { Gateway, GATEWAY_GROUP, Listener, RouteKind } from '../../../model/kinds/gateway/types';

/** The status an implementation writes for one listener. */
export interface ListenerStatus {
  readonly name: string;
  readonly supportedKinds: readonly RouteKind[];
  /** False for an unsupported protocol, or listeners that conflict on a port (protocol or hostname). */
  readonly accepted: Condition;
  readonly resolvedRefs: Condition;
  readonly attachedRoutes: number;
}

export function listenerStatuses(cluster: Cluster, gw: Gateway): ListenerStatus[] {
  const statuses = allRoutes(cluster).flatMap(r => routeStatus(cluster, r).map(s => ({ route: r, s })));
  return gw.listeners.map(l => ({
    name: l.name,
    supportedKinds: supportedKinds(l),
    accepted: listenerAccepted(gw, l),
    resolvedRefs: listenerResolvedRefs(cluster, gw, l),
    attachedRoutes: statuses.filter(({ s }) => s.attachments.some(a => a.gateway === gw && a.listener === l)).length,
  }));
}

const PROTOCOLS: readonly string[] = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'];

/** Protocols that can share a port: HTTPS and TLS both start with a TLS handshake and are told apart by SNI. */
function portFamily(p: string): string {
  return p === 'HTTPS' || p === 'TLS' ? 'TLS' : p;
}

function listenerAccepted(gw: Gateway, l: Listener): Condition {
  const bad = (reason: string, message: string): Condition => ({ type: 'Accepted', status: 'False', reason, message });
  if (!PROTOCOLS.includes(l.protocol)) return bad('UnsupportedProtocol', `protocol ${l.protocol} is not one of ${PROTOCOLS.join(', ')}`);
  const samePort = gw.listeners.filter(o => o !== l && o.port === l.port && PROTOCOLS.includes(o.protocol));
  const conflict = samePort.find(o => portFamily(o.protocol) !== portFamily(l.protocol));
  if (conflict) return bad('ProtocolConflict', `listener ${conflict.name} uses protocol ${conflict.protocol} on port ${l.port}`);
  const dup = samePort.find(o => o.protocol === l.protocol && o.hostname === l.hostname && l.protocol !== 'TCP' && l.protocol !== 'UDP');
  if (dup) return bad('HostnameConflict', `listener ${dup.name} has the same port, protocol and hostname ${l.hostname ?? '(none)'}`);
  return { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'listener accepted' };
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
