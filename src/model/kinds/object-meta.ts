import { isDns1123Label } from './metadata';
import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { isLabelKey, isLabelValue } from '../selector';

/**
 * ObjectMeta rules the API server applies to every kind (ValidateObjectMeta): label keys
 * and values, and a namespace that can exist (a DNS-1123 label). Objects breaking them
 * are rejected whatever their kind, so the reader refuses them too.
 */
export function checkObjectMeta(obj: SourcedObject): void {
  const meta = FieldReader.of(obj).optObject('metadata');
  if (!meta) return;
  const labels = meta.optStringMap('labels') ?? {};
  for (const k in labels) {
    const v = labels[k];
    if (!isLabelKey(k)) meta.fail(`"${k}" is not a valid label key (an optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_' or '.')`, `labels.${k}`);
    if (!isLabelValue(v)) meta.fail(`"${v}" is not a valid label value (at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric)`, `labels.${k}`);
  }
  const ns = meta.optString('namespace');
  if (ns !== undefined && ns !== '' && !isDns1123Label(ns)) meta.fail(`"${ns}" is not a valid namespace name (a DNS-1123 label)`, 'namespace');
}
