import { FieldReader } from '../../fields';
import { SourcedObject } from '../../manifest';
import { readLabelSelector } from '../../selector';
import { readControllerLocation } from '../controller-location';
import { readName } from '../metadata';
import { readHostname, readObjectRef } from './refs';
import { Gateway, Listener } from './types';

const FROM = ['Same', 'All', 'Selector', 'None'] as const;

export function readGateway(obj: SourcedObject, namespace: string): Gateway {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const spec = r.object_('spec');
  const listeners = spec.list('listeners').map((l): Listener => {
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
    };
  });
  const names = new Set<string>();
  // The Gateway CRD's CEL rule: "Combination of port, protocol and hostname must be unique for each listener".
  const combos = new Map<string, string>();
  spec.list('listeners').forEach((l, i) => {
    const { name: n, port, protocol, hostname } = listeners[i];
    if (names.has(n)) l.fail(`duplicate listener name "${n}"`, 'name');
    names.add(n);
    const combo = `${port}/${protocol}/${hostname ?? ''}`;
    const first = combos.get(combo);
    if (first !== undefined) l.fail(`combination of port ${port}, protocol ${protocol} and hostname "${hostname ?? ''}" is not unique (listener "${first}" has it): the API server rejects the Gateway`);
    combos.set(combo, n);
  });
  return { name, namespace, gatewayClassName: spec.string('gatewayClassName'), listeners, controllerLocation: readControllerLocation(r), source: obj.source };
}
