import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const YAML = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w1}
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata: {name: legacy, namespace: shop}
`;

function fixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbose-'));
  fs.writeFileSync(path.join(dir, 'app.yaml'), YAML);
  return dir;
}

const EXPECTED_LINES = (file: string) => [
  '3 objects ignored:',
  `  ${file}#2 ConfigMap shop/settings (v1): kind not used by the traffic engine`,
  `  ${file}#3 Widget w1 (example.com/v1): kind not used by the traffic engine`,
  `  ${file}#4 Deployment shop/legacy (extensions/v1beta1): unsupported apiVersion extensions/v1beta1 for Deployment`,
];

/** Each command that reads manifests, with arguments that make it succeed on the fixture. */
const COMMANDS: Record<string, (dir: string) => string[]> = {
  services: dir => ['services', dir],
  explain: dir => ['explain', dir, '--from', 'shop/web', '--to', '0.0.0.0/0', '--port', '80'],
  route: dir => ['route', 'http://shop.example.com/', dir],
  list: dir => ['list', dir],
  validate: dir => ['validate', dir],
  diff: dir => ['diff', path.join(dir, 'app.yaml'), path.join(dir, 'app.yaml')],
};

describe('--verbose lists the objects the engine ignores', () => {
  const dir = fixture();
  const file = path.join(dir, 'app.yaml');

  test.each(Object.keys(COMMANDS))('%s --verbose names every ignored object on stderr, sorted by document', name => {
    const c = captureIO();
    runCli([...COMMANDS[name](dir), '--verbose'], c.io);
    const lines = c.err().split('\n');
    const start = lines.indexOf('3 objects ignored:');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(lines.slice(start, start + 4)).toEqual(EXPECTED_LINES(file));
    // diff reads two inputs and reports each; every other command reads one.
    expect(lines.filter(l => l === '3 objects ignored:')).toHaveLength(name === 'diff' ? 2 : 1);
  });

  test.each(Object.keys(COMMANDS))('%s without --verbose says nothing about ignored objects', name => {
    const c = captureIO();
    runCli(COMMANDS[name](dir), c.io);
    expect(c.err()).not.toContain('ignored');
  });

  test('stdout is the same with and without --verbose (machine-readable output stays clean)', () => {
    const a = captureIO();
    const b = captureIO();
    runCli(['services', dir, '--json'], a.io);
    runCli(['services', dir, '--json', '--verbose'], b.io);
    expect(b.out()).toBe(a.out());
  });
});
