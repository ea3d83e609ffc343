/**
 * One invalid object does not stop the run (docs/cli.md, "Errors"; as
 * `kubectl apply -f dir/`): each gets its one-line error, the analysis runs on
 * the rest, and the exit code is 2 at the end; `--strict` stops at the first.
 */
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const INPUT = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad-port, namespace: shop}
spec:
  podSelector: {}
  ingress: [{ports: [{port: "8080"}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {ports: [{port: 70000}]}
`;

const ERRORS = [
  'error: <stdin>#1 NetworkPolicy shop/bad-port: spec.ingress[0].ports[0].port: "8080" is not a valid port name (line 6, column 1)',
  'error: <stdin>#3 Service shop/api: spec.ports[0].port: must be between 1 and 65535, inclusive (got 70000) (line 18, column 1)',
];

describe('invalid objects', () => {
  test('list reports every invalid object, lists the connections of the rest and exits 2', () => {
    const c = captureIO(INPUT);
    expect(runCli(['list', '-'], c.io)).toBe(2);
    expect(c.err().trimEnd().split('\n')).toEqual(ERRORS);
    // Without the invalid policy nothing isolates the pods: both reach each other.
    expect(c.out()).toContain('shop/web[Pod] => shop/db[Pod] : All Connections');
    expect(c.out()).toContain('shop/db[Pod] => shop/web[Pod] : All Connections');
  });

  test('validate and services go on too', () => {
    for (const cmd of ['validate', 'services']) {
      const c = captureIO(INPUT);
      expect(runCli([cmd, '-'], c.io)).toBe(2);
      expect(c.err().trimEnd().split('\n').filter(l => l.startsWith('error: '))).toEqual(ERRORS);
      // validate reports on the valid objects (services has none left: its only Service is the invalid one).
      if (cmd === 'validate') expect(c.out()).toContain('TRF-');
    }
  });

  test('--strict stops at the first invalid object, with nothing on stdout', () => {
    const c = captureIO(INPUT);
    expect(runCli(['list', '--strict', '-'], c.io)).toBe(2);
    expect(c.err()).toBe(`${ERRORS[0]}\n`);
    expect(c.out()).toBe('');
  });

  test('an invalid YAML document is one error; the documents around it are read', () => {
    const c = captureIO(`${INPUT.split('---')[0]}---\nkind: [unclosed\n---\n${INPUT.split('---')[2]}`);
    expect(runCli(['list', '-'], c.io)).toBe(2);
    expect(c.err()).toMatch(/^error: <stdin>#1: invalid YAML \(line 7, column 1\): .*\n$/);
    expect(c.out()).toContain('shop/web[Pod] => shop/db[Pod] : All Connections');
  });
});
