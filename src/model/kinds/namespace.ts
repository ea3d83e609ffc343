import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { Namespace, NAMESPACE_NAME_LABEL } from '../objects';
import { readName } from './metadata';

export function readNamespace(obj: SourcedObject): Namespace {
  const r = FieldReader.of(obj);
  const name = readName(r);
  const labels = r.object_('metadata').optStringMap('labels') ?? {};
  return { name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name }, declared: true, source: obj.source };
}

/** A namespace that objects refer to but the input does not declare. */
export function impliedNamespace(name: string): Namespace {
  return { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false };
}
