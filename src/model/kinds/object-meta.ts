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
  // Every object of every build comes here: the valid ones, nearly all, are told apart without
  // a reader or a copy of their labels; anything else takes the reads below, which say what is wrong.
  if (plainlyValid(obj.object.metadata)) return;
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

/** Whether the reads of `checkObjectMeta` would find nothing wrong with `meta` (false: let them look). */
function plainlyValid(meta: unknown): boolean {
  if (meta === undefined || meta === null) return true;
  if (typeof meta !== 'object' || Array.isArray(meta)) return false;
  const { labels, namespace } = meta as { labels?: unknown; namespace?: unknown };
  if (labels !== undefined && labels !== null) {
    if (typeof labels !== 'object' || Array.isArray(labels)) return false;
    const record = labels as Record<string, unknown>;
    for (const k in record) {
      const v = record[k];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string' || !isLabelKey(k) || !isLabelValue(v)) return false;
    }
  }
  if (namespace === undefined || namespace === null || namespace === '') return true;
  return typeof namespace === 'string' && isDns1123Label(namespace);
}
