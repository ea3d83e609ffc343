import { FieldReader } from './fields';

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

/** Reads a metav1.LabelSelector at `key`, validating operators and values as the API server does. */
export function readLabelSelector(r: FieldReader, key: string): LabelSelector | undefined {
  const sel = r.optObject(key);
  if (!sel) return undefined;
  const matchLabels = sel.optStringMap('matchLabels') ?? {};
  const matchExpressions = sel.list('matchExpressions').map(e => {
    const k = e.string('key');
    const operator = e.optEnum<SelectorOperator>('operator', ['In', 'NotIn', 'Exists', 'DoesNotExist']) ?? e.fail('required field is missing', 'operator');
    const values = e.optStringList('values') ?? [];
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

/** A plain map selector (Service.spec.selector, ReplicationController) as a LabelSelector. */
export function selectorFromMap(m: Readonly<Record<string, string>>): LabelSelector {
  return { matchLabels: m, matchExpressions: [] };
}
