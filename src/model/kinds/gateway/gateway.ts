import { FieldReader } from '../../fields';
import { SourcedObject } from '../../manifest';
import { readLabelSelector } from '../../selector';
import { readControllerLocation } from '../controller-location';
import { readName } from '../metadata';
import { repeatedListeners } from './listener-uniqueness';
import { readHostname, readObjectRef } from './refs';
import { Gateway, Listener, ListenerSet } from './types';

const FROM = ['Same', 'All', 'Selector', 'None'] as const;

export function readGateway(obj: SourcedObject, namespace: string): Gateway {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const spec = r.object_('spec');
  const listeners = readListeners(spec, namespace);
  const allowed = spec.optObject('allowedListeners')?.optObject('namespaces');
  const from = allowed?.optEnum('from', FROM) ?? 'None';
  const selector = allowed ? readLabelSelector(allowed, 'selector') : undefined;
  if (from === 'Selector' && !selector) allowed!.fail('required when from is "Selector"', 'selector');
  return {
    name, namespace, gatewayClassName: spec.string('gatewayClassName'), listeners, controllerLocation: readControllerLocation(r), allowedListeners: { from, selector }, source: obj.source,
  };
}

/**
 * `spec.listeners` of a Gateway or ListenerSet, with the CRD's rules the API server
 * enforces across them (listener-uniqueness.ts).
 */
export function readListeners(spec: FieldReader, namespace: string, listenerSet?: { namespace: string; name: string }): Listener[] {
  const items = spec.list('listeners');
  const listeners = items.map((l): Listener => {
    const allowed = l.optObject('allowedRoutes');
    const ns = allowed?.optObject('namespaces');
    const from = ns?.optEnum('from', FROM) ?? 'Same';
    const selector = ns ? readLabelSelector(ns, 'selector') : undefined;
    if (from === 'Selector' && !selector) ns!.fail('required when from is "Selector"', 'selector');
    const kinds = allowed?.optList('kinds')?.map(k => ({ group: k.optString('group') ?? 'gateway.networking.k8s.io', kind: k.string('kind') }));
    const tls = l.optObject('tls');
    return {
      name: l.string('name'),
      hostname: l.has('hostname') ? readHostname(l, l.string('hostname'), 'hostname') : undefined,
      port: l.optInt('port', 1, 65535) ?? l.fail('required field is missing', 'port'),
      protocol: l.string('protocol'),
      tls: tls ? {
        mode: tls.optEnum<'Terminate' | 'Passthrough'>('mode', ['Terminate', 'Passthrough']) ?? 'Terminate',
        certificateRefs: tls.list('certificateRefs').map(c => readObjectRef(c, namespace, '', 'Secret')),
      } : undefined,
      allowedRoutes: { from, selector, kinds },
      listenerSet,
    };
  });
  for (const r of repeatedListeners(listeners, listenerSet ? 'ListenerSet' : 'Gateway')) items[r.index].fail(r.problem, r.field);
  return listeners;
}

/** A ListenerSet: a parent Gateway reference and listeners read as a Gateway's are. */
export function readListenerSet(obj: SourcedObject, namespace: string): ListenerSet {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const spec = r.object_('spec');
  const p = spec.object_('parentRef');
  const parentRef = {
    group: p.optString('group') ?? 'gateway.networking.k8s.io',
    kind: p.optString('kind') ?? 'Gateway',
    namespace: p.optString('namespace') || namespace,
    name: p.string('name'),
  };
  const listeners = readListeners(spec, namespace, { namespace, name });
  if (listeners.length === 0) spec.fail('must have at least one item', 'listeners');
  return { name, namespace, creationTimestamp: r.object_('metadata').optString('creationTimestamp'), parentRef, listeners, source: obj.source };
}
