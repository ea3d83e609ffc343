import { Condition } from './condition';
import { compareTimestamps } from './precedence';
import { Cluster, NAMESPACE_NAME_LABEL } from '../../../model/cluster';
import { Gateway, GATEWAY_GROUP, Listener, ListenerSet } from '../../../model/kinds/gateway/types';
import { ClusterMemo } from '../../cluster-memo';
import { matchesSelector } from '../../selector';

/**
 * Whether a Gateway admits a ListenerSet (ListenerSetSpec.parentRef and the
 * Gateway's spec.allowedListeners, default None): Accepted, or NotAllowed with why.
 */
export function listenerSetAdmission(cluster: Cluster, ls: ListenerSet): { gateway?: Gateway; accepted: Condition } {
  const p = ls.parentRef;
  const fail = (reason: string, message: string, gateway?: Gateway) => ({ gateway, accepted: { type: 'Accepted' as const, status: 'False' as const, reason, message } });
  if (p.group !== GATEWAY_GROUP || p.kind !== 'Gateway') return fail('NotAllowed', `parentRef kind ${p.kind}.${p.group} is not a Gateway`);
  const gateway = cluster.gateways.find(g => g.namespace === p.namespace && g.name === p.name);
  if (!gateway) return fail('NotAllowed', `parent Gateway ${p.namespace}/${p.name} not found`);
  const a = gateway.allowedListeners;
  const labels = cluster.namespaces.get(ls.namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: ls.namespace };
  const allowed = a.from === 'All' || (a.from === 'Same' && ls.namespace === gateway.namespace) || (a.from === 'Selector' && a.selector !== undefined && matchesSelector(a.selector, labels));
  if (!allowed) {
    const from = a.from === 'None' ? 'no ListenerSets (allowedListeners defaults to None)' : a.from === 'Same' ? `ListenerSets of namespace ${gateway.namespace} only` : 'ListenerSets of namespaces matching its selector';
    return fail('NotAllowed', `Gateway ${gateway.namespace}/${gateway.name} allows ${from}, not namespace ${ls.namespace}`, gateway);
  }
  return { gateway, accepted: { type: 'Accepted', status: 'True', reason: 'Accepted', message: `attached to Gateway ${gateway.namespace}/${gateway.name}` } };
}

const merged = new ClusterMemo<Gateway, readonly Listener[]>();

/**
 * A Gateway's listeners merged with those of the ListenerSets it admits, in the
 * spec's precedence (ListenerSetSpec.listeners): the Gateway's own, then
 * ListenerSets oldest first, then by namespace/name. Computed once per cluster.
 */
export function effectiveListeners(cluster: Cluster, gw: Gateway): readonly Listener[] {
  return merged.get(cluster, gw, () => {
    const sets = cluster.listenerSets
      .filter(ls => listenerSetAdmission(cluster, ls).gateway === gw && listenerSetAdmission(cluster, ls).accepted.status === 'True')
      .sort((a, b) => compareTimestamps(a.creationTimestamp, b.creationTimestamp) || compareNames(a, b));
    return [...gw.listeners, ...sets.flatMap(ls => ls.listeners)];
  });
}

function compareNames(a: ListenerSet, b: ListenerSet): number {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** How answers name a listener: `http`, or `shop/extra/http` for a ListenerSet's. */
export function listenerLabel(l: Listener): string {
  return l.listenerSet ? `${l.listenerSet.namespace}/${l.listenerSet.name}/${l.name}` : l.name;
}
