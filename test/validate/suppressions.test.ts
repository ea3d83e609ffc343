import { audit } from '../../src/validate/audit';
import { Finding } from '../../src/validate/finding';
import { runFails } from '../../src/validate/outcome';
import { applySuppressions, checkSuppression, parseSuppressAnnotation } from '../../src/validate/suppressions';
import { clusterOf } from '../helpers';

const finding = (constructPath: string): Finding => ({
  ruleId: 'TRF-SVC-004',
  ruleName: 'load-balancer-without-source-ranges',
  level: 'warning',
  message: 'm',
  fix: 'f',
  object: { kind: 'Service', namespace: 'shop', name: 'front', constructPath },
});

describe('suppressions', () => {
  test('a construct-scoped suppression covers its subtree only', () => {
    const out = applySuppressions([finding('app/shop/front/Resource'), finding('app/shopfront/Resource')],
      [{ ruleId: 'TRF-SVC-004', reason: 'public storefront', scope: 'app/shop' }]);
    expect(out.map(f => f.suppressed)).toEqual([{ reason: 'public storefront', scope: 'app/shop' }, undefined]);
  });

  test('an app-wide suppression covers every object; other rule ids are untouched', () => {
    const other = { ...finding('app/x'), ruleId: 'TRF-SVC-005' };
    const out = applySuppressions([finding('app/x'), other], [{ ruleId: 'TRF-SVC-004', reason: 'all public', scope: '*' }]);
    expect(out.map(f => !!f.suppressed)).toEqual([true, false]);
  });

  test('an unused suppression is reported as TRF-SUP-001', () => {
    const out = applySuppressions([], [{ ruleId: 'TRF-NP-001', reason: 'legacy namespace', scope: 'app/legacy' }]);
    expect(out.map(f => [f.ruleId, f.level, f.message, f.object.constructPath])).toEqual([
      ['TRF-SUP-001', 'warning', 'suppression of TRF-NP-001 at app/legacy matched no finding (reason given: "legacy namespace")', 'app/legacy'],
    ]);
  });

  test('a reason is mandatory and the id must be well formed', () => {
    expect(() => checkSuppression({ ruleId: 'TRF-NP-001', reason: '  ', scope: '*' })).toThrow('suppression of TRF-NP-001 at *: a reason is required');
    expect(() => checkSuppression({ ruleId: 'NP1', reason: 'x', scope: '*' })).toThrow('"NP1" is not a rule id');
    expect(() => parseSuppressAnnotation('TRF-NP-001', { kind: 'Service', name: 'a' })).toThrow('a reason is required');
  });

  test('the suppress annotation silences an error so it no longer fails', () => {
    const yaml = (annotation: string) => `apiVersion: v1
kind: Service
metadata:
  name: multi
  namespace: shop
  annotations: {traffic.cdk8s.io/suppress: "${annotation}"}
spec: {ports: [{port: 80}, {port: 81}]}
`;
    const fails = (findings: readonly Finding[]) => runFails({ findings, expectations: [], rules: [] });
    expect(fails(audit(clusterOf(yaml('TRF-SVC-001: only a placeholder'))))).toBe(true);
    const findings = audit(clusterOf(yaml('TRF-SVC-006: rendered by a legacy tool\\nTRF-SVC-001: placeholder')));
    expect(fails(findings)).toBe(false);
    expect(findings.filter(f => f.suppressed).map(f => [f.ruleId, f.suppressed!.scope])).toEqual([
      ['TRF-SVC-006', 'Service shop/multi'], ['TRF-SVC-006', 'Service shop/multi'],
    ]);
    // The selector-less Service never triggers TRF-SVC-001, so that suppression is stale.
    expect(findings.filter(f => f.ruleId === 'TRF-SUP-001').map(f => f.message)).toEqual([
      'suppression of TRF-SVC-001 at Service shop/multi matched no finding (reason given: "placeholder")',
    ]);
  });
});
