import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web, ports: [{containerPort: 8080}]}]}
`;

/** A manifest directory that also holds a CI file and an expected-output JSON. */
function inputDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-'));
  fs.writeFileSync(path.join(dir, 'app.yaml'), DEPLOYMENT);
  fs.writeFileSync(path.join(dir, 'ci.yml'), 'stages: [build, test]\n---\n' + DEPLOYMENT.replace(/web/g, 'api'));
  fs.mkdirSync(path.join(dir, 'out'));
  fs.writeFileSync(path.join(dir, 'out', 'expected.json'), '[{"src": "a", "dst": "b"}]');
  return dir;
}

describe('reading a directory skips files that are not Kubernetes objects', () => {
  test('each skipped document gets one warning line on stderr, the rest is read', () => {
    const dir = inputDir();
    const c = captureIO();
    expect(runCli(['list', dir], c.io)).toBe(0);
    expect(c.err().split(dir + path.sep).join('')).toBe([
      'warning: ci.yml#0: not a Kubernetes object, skipped',
      `warning: ${path.join('out', 'expected.json')}#0: not a Kubernetes object, skipped`,
      '',
    ].join('\n'));
    expect(c.out()).toContain('shop/api[Deployment] => shop/web[Deployment] : All Connections');
  });

  test('--verbose lists them with the ignored objects', () => {
    const dir = inputDir();
    const c = captureIO();
    expect(runCli(['list', dir, '--verbose'], c.io)).toBe(0);
    const err = c.err().split(dir + path.sep).join('');
    expect(err).toContain('ignored:\n  ci.yml#0: not a Kubernetes object (no kind or apiVersion), skipped\n');
  });

  test('a file named on the command line must hold Kubernetes objects', () => {
    const dir = inputDir();
    const c = captureIO();
    expect(runCli(['list', path.join(dir, 'ci.yml')], c.io)).toBe(2);
    expect(c.err().split(dir + path.sep).join('')).toBe('error: ci.yml#0: kind: missing or non-string field (line 1, column 1)\n');
  });
});
