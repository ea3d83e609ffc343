import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const FIXTURES = path.join('test', 'fixtures', 'bad', 'references');

/** References to objects that do not exist are valid API objects: they are reported, not rejected. */
describe('dangling references are findings, not crashes', () => {
  test('an HTTPRoute backendRef to a missing Service: route reports BackendNotFound and no backend', () => {
    const c = captureIO();
    const code = runCli(['route', 'http://shop.example.com/', path.join(FIXTURES, 'route-to-missing-service.yaml'), '--json'], c.io);
    expect(c.err()).toBe('');
    expect(code).not.toBe(2);
    const text = c.out();
    expect(text).toContain('BackendNotFound');
    expect(text).toContain('Service shop/missing not found');
  });

  test('a Service whose named targetPort no pod declares: validate reports TRF-SVC-002 naming the port and the workload', () => {
    const c = captureIO();
    const code = runCli(['validate', path.join(FIXTURES, 'service-named-port-missing.yaml'), '--format', 'json'], c.io);
    expect(c.err()).toBe('');
    const report = JSON.parse(c.out());
    const findings = (report.findings ?? report) as { ruleId?: string; id?: string; message: string }[];
    const f = findings.find(x => (x.ruleId ?? x.id) === 'TRF-SVC-002');
    expect(f?.message).toContain('targetPort "metrics"');
    expect(f?.message).toContain('shop/web');
    expect(code).toBeLessThanOrEqual(1);
  });

  test('a NetworkPolicy peer and a Service selector that match nothing are valid input for every command', () => {
    for (const argv of [['list'], ['services'], ['validate']]) {
      const c = captureIO();
      const code = runCli([...argv, path.join(FIXTURES, 'selectors-match-nothing.yaml')], c.io);
      expect({ argv, code: code === 2 ? 2 : 'not usage error', err: c.err() }).toEqual({ argv, code: 'not usage error', err: '' });
    }
  });
});
