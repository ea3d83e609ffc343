import { matchesSelector } from '../../src/engine';

const labels = { app: 'web', tier: 'front' };

describe('matchesSelector (metav1.LabelSelector)', () => {
  test.each([
    ['empty selector matches everything', { matchLabels: {}, matchExpressions: [] }, true],
    ['matchLabels all equal', { matchLabels: { app: 'web' }, matchExpressions: [] }, true],
    ['matchLabels differing value', { matchLabels: { app: 'api' }, matchExpressions: [] }, false],
    ['In with value', { matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'In' as const, values: ['api', 'web'] }] }, true],
    ['In on missing key', { matchLabels: {}, matchExpressions: [{ key: 'x', operator: 'In' as const, values: ['a'] }] }, false],
    ['NotIn on missing key matches', { matchLabels: {}, matchExpressions: [{ key: 'x', operator: 'NotIn' as const, values: ['a'] }] }, true],
    ['NotIn with listed value', { matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'NotIn' as const, values: ['web'] }] }, false],
    ['Exists', { matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'Exists' as const, values: [] }] }, true],
    ['DoesNotExist', { matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' as const, values: [] }] }, false],
    ['labels AND expressions', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In' as const, values: ['back'] }] }, false],
  ])('%s', (_name, sel, expected) => {
    expect(matchesSelector(sel, labels)).toBe(expected);
  });
});
