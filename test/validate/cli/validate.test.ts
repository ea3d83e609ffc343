import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { captureIO } from '../../helpers';

function write(yaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
  const file = path.join(dir, 'app.yaml');
  fs.writeFileSync(file, yaml);
  return file;
}

const CLEAN = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080, name: http}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress], egress: [{ports: [{port: 53, protocol: UDP}]}]}
`;

const BROKEN = CLEAN + `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{ports: [{port: 80}]}]
`;

describe('validate command', () => {
  test('exit 0 and a clean summary when nothing is wrong', () => {
    const c = captureIO();
    expect(runCli(['validate', write(CLEAN)], c.io)).toBe(0);
    expect(c.out()).toBe('0 error(s), 0 warning(s), 0 info, 0 suppressed\n');
  });

  test('exit 1 on an error-level finding, naming rule, object, file#doc, field and fix', () => {
    const file = write(BROKEN);
    const c = captureIO();
    expect(runCli(['validate', file], c.io)).toBe(1);
    expect(c.out()).toBe([
      `error   TRF-NP-006 NetworkPolicy shop/web-in (${file}#3) spec.ingress[0].ports[0]: ingress rule 0 allows TCP 80, which is the port of Service shop/web; its pods listen on targetPort http`,
      '        fix: Use the container port (the Service targetPort) or the container port name in the NetworkPolicy.',
      '1 error(s), 0 warning(s), 0 info, 0 suppressed',
      '',
    ].join('\n'));
  });

  test('--suppress with a reason turns the exit code to 0; without a reason it is a usage error', () => {
    const file = write(BROKEN);
    const ok = captureIO();
    expect(runCli(['validate', file, '--suppress', 'TRF-NP-006=port 80 is served by a sidecar', '--format', 'json'], ok.io)).toBe(0);
    expect(JSON.parse(ok.out()).findings[0].suppressed).toEqual({ reason: 'port 80 is served by a sidecar', scope: '*' });
    const bad = captureIO();
    expect(runCli(['validate', file, '--suppress', 'TRF-NP-006'], bad.io)).toBe(2);
    expect(bad.err()).toContain('a reason is required');
  });

  test('every format renders; bad input exits 2 with one line', () => {
    const file = write(BROKEN);
    for (const f of ['text', 'json', 'sarif', 'md', 'mermaid', 'dot', 'html']) {
      const c = captureIO();
      expect(runCli(['validate', file, '--format', f], c.io)).toBe(1);
      expect(c.out().length).toBeGreaterThan(0);
    }
    const c = captureIO();
    expect(runCli(['validate', write('kind: Service\n')], c.io)).toBe(2);
    expect(c.err().trim().split('\n')).toHaveLength(1);
  });
});
