import { allRoutes, protocolKinds, routeStatus, supportedKinds } from './attachment';
import { checkCertificateRef } from './certificates';
import { Condition } from './condition';
import { effectiveListeners, listenerLabel, listenerSetAdmission } from './listener-sets';
import { Cluster } from '../../../model/cluster';
import { Gateway, GATEWAY_GROUP, Listener, ListenerSet, RouteKind } from '../../../model/kinds/gateway/types';
import { ClusterMemo } from '../../cluster-memo';

/** The status an implementation writes for one listener. */
export interface ListenerStatus {
  readonly name: string;
  readonly supportedKinds: readonly RouteKind[];
  /** False for an unsupported protocol, or listeners that conflict on a port (protocol or hostname). */
  readonly accepted: Condition;
  /** True (ProtocolConflict or HostnameConflict) when the listener is not distinct from a port-mate; False (NoConflicts) otherwise. */
  readonly conflicted: Condition;
  readonly resolvedRefs: Condition;
  /** True only when the listener is accepted and its references resolve: only programmed listeners carry traffic. */
  readonly programmed: Condition;
  readonly attachedRoutes: number;
}

export function listenerStatuses(cluster: Cluster, gw: Gateway): ListenerStatus[] {
  return statusesOf(cluster, gw, gw.listeners);
}

/** The status of a ListenerSet: Accepted (NotAllowed, or ListenersNotValid when none of its listeners is programmed) and its listeners'. */
export function listenerSetStatus(cluster: Cluster, ls: ListenerSet): { accepted: Condition; listeners: ListenerStatus[] } {
  const admission = listenerSetAdmission(cluster, ls);
  if (!admission.gateway || admission.accepted.status === 'False') return { accepted: admission.accepted, listeners: [] };
  const gw = admission.gateway;
  const listeners = effectiveListeners(cluster, gw).filter(l => l.listenerSet?.namespace === ls.namespace && l.listenerSet.name === ls.name);
  const statuses = statusesOf(cluster, gw, listeners);
  const bad = listeners.filter(l => unusableListener(cluster, gw, l) !== undefined);
  if (bad.length === listeners.length) {
    return { accepted: { type: 'Accepted', status: 'False', reason: 'ListenersNotValid', message: `no listener is valid: ${bad.map(l => `${l.name} (${unusableListener(cluster, gw, l)})`).join(', ')}` }, listeners: statuses };
  }
  return { accepted: admission.accepted, listeners: statuses };
}

function statusesOf(cluster: Cluster, gw: Gateway, listeners: readonly Listener[]): ListenerStatus[] {
  const statuses = allRoutes(cluster).flatMap(r => routeStatus(cluster, r).map(s => ({ route: r, s })));
  return listeners.map(l => {
    const accepted = listenerAccepted(cluster, gw, l);
    const resolvedRefs = listenerResolvedRefs(cluster, gw, l);
    const conflict = effectiveConflict(cluster, gw, l);
    return {
      name: l.name,
      supportedKinds: supportedKinds(l),
      accepted,
      conflicted: conflict
        ? { type: 'Conflicted', status: 'True', reason: conflict.reason, message: conflict.message }
        : { type: 'Conflicted', status: 'False', reason: 'NoConflicts', message: 'no conflicts' },
      resolvedRefs,
      programmed: programmedCondition(accepted, resolvedRefs),
      attachedRoutes: statuses.filter(({ s }) => s.attachments.some(a => a.gateway === gw && a.listener === l)).length,
    };
  });
}

/**
 * The Gateway's own Accepted condition as far as its listeners decide it: the
 * spec requires `ListenersNotValid` whenever a listener is conflicted or invalid,
 * naming the listeners that are not accepted and those that are.
 */
export function gatewayListenersCondition(cluster: Cluster, gw: Gateway): Condition {
  // The Gateway's own listeners: a ListenerSet's conflicts are reported on the ListenerSet.
  const bad = gw.listeners.filter(l => unusableListener(cluster, gw, l) !== undefined);
  if (bad.length === 0) return { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'all listeners valid' };
  const good = gw.listeners.filter(l => !bad.includes(l)).map(l => l.name);
  const message = `listener${bad.length > 1 ? 's' : ''} ${bad.map(l => `${l.name} (${unusableListener(cluster, gw, l)})`).join(', ')} not programmed; ${good.length > 0 ? `accepted: ${good.join(', ')}` : 'no listener accepted'}`;
  // The Gateway stays accepted with a partial listener set; with no valid listener left it is rejected.
  return { type: 'Accepted', status: good.length > 0 ? 'True' : 'False', reason: 'ListenersNotValid', message };
}

const PROTOCOLS: readonly string[] = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'];

/**
 * The transport a listener's port is bound with and what it expects first: HTTP
 * (plaintext), TLS (HTTPS and TLS both start with a handshake and are told apart by
 * SNI), TCP (any byte stream) or UDP (a separate socket: it shares port numbers
 * with all of them).
 */
function portFamily(p: string): string {
  return p === 'HTTPS' || p === 'TLS' ? 'TLS' : p;
}

/**
 * Listener distinctness (Gateway API GatewaySpec.listeners, "Handling indistinct
 * Listeners"): on one port, a TCP listener makes every HTTP, HTTPS or TLS port-mate
 * indistinct, and plaintext HTTP cannot share a port with TLS (ProtocolConflict);
 * HTTP/HTTPS/TLS listeners of one family must differ by hostname and TCP/UDP
 * listeners by port (HostnameConflict). Among a Gateway's own listeners every
 * party to a conflict is conflicted: the spec forbids picking a winner.
 */
export function listenerConflict(gw: Gateway, l: Listener): { reason: 'ProtocolConflict' | 'HostnameConflict'; message: string } | undefined {
  for (const o of gw.listeners) {
    const c = o === l ? undefined : conflictBetween(l, o);
    if (c) return c;
  }
  return undefined;
}

type Conflict = { reason: 'ProtocolConflict' | 'HostnameConflict'; message: string };

const mergedConflicts = new ClusterMemo<Gateway, Map<Listener, Conflict>>();

/**
 * The conflicts of a ListenerSet's listeners: the merged listener list is in
 * precedence order (the Gateway's own, then ListenerSets oldest first), and a
 * listener is conflicted by an earlier one that was itself kept and that it is
 * not distinct from; the earlier one keeps serving (ListenerSetSpec.listeners).
 */
function mergedConflict(cluster: Cluster, gw: Gateway, l: Listener): Conflict | undefined {
  return mergedConflicts.get(cluster, gw, () => mergedConflictsOf(cluster, gw)).get(l);
}

function mergedConflictsOf(cluster: Cluster, gw: Gateway): Map<Listener, Conflict> {
  const conflicts = new Map<Listener, Conflict>();
  const kept: Listener[] = [];
  for (const x of effectiveListeners(cluster, gw)) {
    const own = x.listenerSet ? undefined : listenerConflict(gw, x);
    let c: Conflict | undefined = own;
    if (x.listenerSet) {
      for (const o of kept) {
        const between = conflictBetween(x, o);
        if (between) {
          c = { reason: between.reason, message: `${between.message} (it takes precedence)` };
          break;
        }
      }
    }
    if (c) conflicts.set(x, c);
    else if (PROTOCOLS.includes(x.protocol)) kept.push(x);
  }
  return conflicts;
}

/** Why `l` is not distinct from `o`, its port-mate; undefined when they are distinct. */
function conflictBetween(l: Listener, o: Listener): Conflict | undefined {
  if (!PROTOCOLS.includes(l.protocol) || !PROTOCOLS.includes(o.protocol) || o.port !== l.port) return undefined;
  const udp = l.protocol === 'UDP';
  if ((o.protocol === 'UDP') !== udp) return undefined;
  const name = listenerLabel(o);
  if (portFamily(o.protocol) !== portFamily(l.protocol)) {
    return { reason: 'ProtocolConflict', message: `listener ${name} uses protocol ${o.protocol} on port ${l.port}: listeners sharing a port must be distinct` };
  }
  const l4 = l.protocol === 'TCP' || udp;
  if (!l4 && o.hostname !== l.hostname) return undefined;
  const message = l4
    ? `listener ${name} is also ${l.protocol} on port ${l.port}: ${l.protocol} listeners must differ by port`
    : `listener ${name} has the same port ${l.port} and hostname ${l.hostname ?? '(none)'}`;
  return { reason: 'HostnameConflict', message };
}

/** The conflict of any listener of the Gateway's merged list (its own or a ListenerSet's). */
function effectiveConflict(cluster: Cluster, gw: Gateway, l: Listener) {
  return l.listenerSet ? mergedConflict(cluster, gw, l) : listenerConflict(gw, l);
}

function listenerAccepted(cluster: Cluster, gw: Gateway, l: Listener): Condition {
  const bad = (reason: string, message: string): Condition => ({ type: 'Accepted', status: 'False', reason, message });
  if (!PROTOCOLS.includes(l.protocol)) return bad('UnsupportedProtocol', `protocol ${l.protocol} is not one of ${PROTOCOLS.join(', ')}`);
  const conflict = effectiveConflict(cluster, gw, l);
  if (conflict) return bad(conflict.reason, conflict.message);
  return { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'listener accepted' };
}

function listenerResolvedRefs(cluster: Cluster, gw: Gateway, l: Listener): Condition {
  const bad = (reason: string, message: string): Condition => ({ type: 'ResolvedRefs', status: 'False', reason, message });
  const kinds = l.allowedRoutes.kinds ?? [];
  const unsupported = kinds.filter(k => k.group !== GATEWAY_GROUP || !protocolKinds(l).includes(k.kind as RouteKind));
  if (unsupported.length > 0) return bad('InvalidRouteKinds', `listener ${l.name} (${l.protocol}) cannot carry ${unsupported.map(k => k.kind).join(', ')}`);
  const notes: string[] = [];
  for (const c of l.tls?.certificateRefs ?? []) {
    const check = checkCertificateRef(cluster, gw, c, l);
    if (check.problem) return bad(check.problem.reason, check.problem.message);
    notes.push(check.note);
  }
  return { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: notes.length > 0 ? `all references resolved: ${notes.join('; ')}` : 'all references resolved' };
}

/** ResolvedRefs reasons that leave a listener without a usable certificate (InvalidRouteKinds alone does not stop it). */
const CERTIFICATE_REASONS: readonly string[] = ['InvalidCertificateRef', 'RefNotPermitted'];

function programmedCondition(accepted: Condition, resolvedRefs: Condition): Condition {
  // A conflicted listener is unprogrammed for the same reason (the ListenerSet conformance tests expect it there too).
  const reason = accepted.reason === 'ProtocolConflict' || accepted.reason === 'HostnameConflict' ? accepted.reason : 'Invalid';
  if (accepted.status === 'False') return { type: 'Programmed', status: 'False', reason, message: `not accepted (${accepted.reason}): ${accepted.message}` };
  if (CERTIFICATE_REASONS.includes(resolvedRefs.reason)) return { type: 'Programmed', status: 'False', reason: 'Invalid', message: `references do not resolve (${resolvedRefs.reason}): ${resolvedRefs.message}` };
  return { type: 'Programmed', status: 'True', reason: 'Programmed', message: 'listener programmed' };
}

// Routing asks for every listener of a Gateway per request; the model is immutable.
const unusable = new ClusterMemo<Listener, string | undefined>();

/**
 * Why a listener carries no traffic (`ProtocolConflict: ...`), or undefined when it
 * is programmed. A conflicted listener's port "should not be configured on any
 * network elements" (ListenerConditionConflicted); a listener whose certificate
 * references do not resolve is not programmed.
 */
export function unusableListener(cluster: Cluster, gw: Gateway, l: Listener): string | undefined {
  return unusable.get(cluster, l, () => {
    const accepted = listenerAccepted(cluster, gw, l);
    const refs = accepted.status === 'True' ? listenerResolvedRefs(cluster, gw, l) : undefined;
    return accepted.status === 'False' ? `${accepted.reason}: ${accepted.message}`
      : refs && CERTIFICATE_REASONS.includes(refs.reason) ? `${refs.reason}: ${refs.message}` : undefined;
  });
}
