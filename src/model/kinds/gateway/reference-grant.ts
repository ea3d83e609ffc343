import { FieldReader } from '../../fields';
import { SourcedObject } from '../../manifest';
import { readName } from '../metadata';
import { ReferenceGrant } from './types';

export function readReferenceGrant(obj: SourcedObject, namespace: string): ReferenceGrant {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const spec = r.object_('spec');
  const from = spec.list('from').map(f => ({ group: f.optString('group') ?? '', kind: f.string('kind'), namespace: f.string('namespace') }));
  const to = spec.list('to').map(t => ({ group: t.optString('group') ?? '', kind: t.string('kind'), name: t.optString('name') || undefined }));
  if (from.length === 0) spec.fail('must have at least one item', 'from');
  if (to.length === 0) spec.fail('must have at least one item', 'to');
  return { name, namespace, from, to, source: obj.source };
}
