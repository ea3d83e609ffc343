// "Does this run fail?" has one answer (src/validate/outcome.ts) for synth-time
// validation, the CLI's exit code (docs/design.md section 5: exit 1 when an
// error-level finding remains after suppressions) and the cdk8s plugin.
import { Finding } from '../../src/validate/finding';
import { failures, runFails } from '../../src/validate/outcome';

const finding = (level: Finding['level'], suppressed = false): Finding => ({
  ruleId: 'TRF-X-001',
  ruleName: 'x',
  level,
  message: 'm',
  fix: 'f',
  object: { kind: 'Service', name: 's', namespace: 'n' },
  ...(suppressed ? { suppressed: { ruleId: 'TRF-X-001', reason: 'r', scope: '*' } } : {}),
} as Finding);
const report = (findings: Finding[], passed: boolean[] = []) => ({
  findings, rules: [], expectations: passed.map((p, i) => ({ description: `e${i}`, passed: p, details: [] })),
});

describe('one fail policy', () => {
  test('an unsuppressed error fails; a suppressed one does not', () => {
    expect(runFails(report([finding('error')]))).toBe(true);
    expect(runFails(report([finding('error', true)]))).toBe(false);
  });
  test('warnings fail only with failOnWarnings; info never', () => {
    expect(runFails(report([finding('warning'), finding('info')]))).toBe(false);
    expect(runFails(report([finding('warning')]), { failOnWarnings: true })).toBe(true);
    expect(runFails(report([finding('info')]), { failOnWarnings: true })).toBe(false);
  });
  test('a failed expectation fails the run and is listed', () => {
    const r = report([], [true, false]);
    expect(runFails(r)).toBe(true);
    expect(failures(r).expectations.map(e => e.description)).toEqual(['e1']);
  });
});
