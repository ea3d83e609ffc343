import { FieldReader } from './fields';
import { isDns1123Subdomain } from './kinds/metadata';

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/**
 * metav1.LabelSelector. An empty selector (no labels, no expressions) selects
 * everything; a missing selector is represented by `undefined` at the use site.
 */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly SelectorRequirement[];
}

export const SELECT_ALL: LabelSelector = { matchLabels: {}, matchExpressions: [] };

const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A label key: `[prefix/]name`, prefix a DNS-1123 subdomain, name at most 63 characters. */
export function isLabelKey(k: string): boolean {
  const slash = k.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : k.slice(0, slash);
  const name = slash < 0 ? k : k.slice(slash + 1);
  if (prefix !== undefined && !isDns1123Subdomain(prefix)) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}

/** A label value: empty, or at most 63 alphanumerics, '-', '_', '.', starting and ending alphanumeric. */
export function isLabelValue(v: string): boolean {
  return v === '' || (v.length <= 63 && LABEL_NAME.test(v));
}

/** Reads a metav1.LabelSelector at `key`, validating operators, keys and values as the API server does. */
export function readLabelSelector(r: FieldReader, key: string): LabelSelector | undefined {
  const sel = r.optObject(key);
  if (!sel) return undefined;
  const matchLabels = sel.optStringMap('matchLabels') ?? {};
  for (const k in matchLabels) {
    const v = matchLabels[k];
    if (!isLabelKey(k)) sel.fail(`"${k}" is not a valid label key (an optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_' or '.')`, `matchLabels.${k}`);
    if (!isLabelValue(v)) sel.fail(`"${v}" is not a valid label value (at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric)`, `matchLabels.${k}`);
  }
  const matchExpressions = sel.list('matchExpressions').map(e => {
    const k = e.string('key');
    if (!isLabelKey(k)) e.fail(`"${k}" is not a valid label key`, 'key');
    const operator = e.optEnum<SelectorOperator>('operator', ['In', 'NotIn', 'Exists', 'DoesNotExist']) ?? e.fail('required field is missing', 'operator');
    const values = e.optStringList('values') ?? [];
    values.forEach((v, i) => { if (!isLabelValue(v)) e.fail(`"${v}" is not a valid label value`, `values[${i}]`); });
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
      e.fail(`values must be non-empty when operator is ${operator}`, 'values');
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
      e.fail(`values must be empty when operator is ${operator}`, 'values');
    }
    return { key: k, operator, values };
  });
  return { matchLabels, matchExpressions };
}
