import { FieldReader } from '../../fields';
import { SourcedObject } from '../../manifest';
import { readName } from '../metadata';
import { GatewayClass } from './types';

export function readGatewayClass(obj: SourcedObject): GatewayClass {
  const r = FieldReader.of(obj);
  const name = readName(r);
  const spec = r.object_('spec');
  const p = spec.optObject('parametersRef');
  return {
    name,
    controllerName: spec.string('controllerName'),
    parametersRef: p ? { group: p.optString('group') ?? '', kind: p.string('kind'), name: p.string('name'), namespace: p.optString('namespace') } : undefined,
    source: obj.source,
  };
}
