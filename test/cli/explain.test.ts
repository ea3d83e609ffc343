import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const INPUT = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, ports: [{containerPort: 8080, name: http}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: web}]}
---
apiVersion: v1
kind: Service
metadata: {name: api-svc, namespace: shop}
spec: {selector: {app: api}, ports: [{name: web, port: 80, targetPort: http}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: http}]}]
`;

function run(...args: string[]) {
  const c = captureIO(INPUT);
  const code = runCli(['explain', '-', ...args], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('cdk8s-traffic explain', () => {
  test('workload to workload, allowed: text with reasons, exit 0', () => {
    const r = run('--from', 'shop/web', '--to', 'shop/api', '--port', '8080');
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      'shop/web[Pod] => shop/api[Deployment] on TCP 8080: allowed',
      '  egress: shop/web[Pod] is not isolated for egress (no NetworkPolicy selects it with policyType Egress): allowed',
      '  ingress: shop/api[Deployment] is isolated for ingress by shop/api',
      '  ingress: shop/api ingress rule 0: named port "http" resolves to TCP 8080',
      '  ingress: allowed by shop/api ingress rule 0 (TCP 8080)',
      '  verdict: allowed: TCP 8080 from shop/web[Pod] to shop/api[Deployment]',
      '',
    ].join('\n'));
  });

  test('denied: exit 1', () => {
    const r = run('--from', 'shop/web', '--to', 'shop/api[Deployment]', '--port', '8080/UDP');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('shop/web[Pod] => shop/api[Deployment] on UDP 8080: denied');
  });

  test('a Service by name translates its port to the targetPort of each backend', () => {
    const r = run('--from', 'shop/web', '--to', 'svc:shop/api-svc', '--port', '80');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'shop/web[Pod] => shop/api[Deployment] (via shop/api-svc[Service] port 80/TCP -> targetPort http) on TCP 8080: allowed',
      '  egress: shop/web[Pod] is not isolated for egress (no NetworkPolicy selects it with policyType Egress): allowed',
    ]);
    // Without the prefix, a name that is no workload falls back to the Service; -n gives the namespace.
    expect(run('-n', 'shop', '--from', 'web', '--to', 'api-svc', '--port', 'web').out).toBe(r.out);
  });

  test('an address as the source, JSON output', () => {
    const r = run('--from', '203.0.113.9', '--to', 'shop/api', '--port', 'http', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.from).toBe('203.0.113.9');
    expect(json.allowed).toBe(false);
    expect(json.results[0].destination).toBe('shop/api[Deployment]');
    expect(json.results[0].ingress).toEqual({ direction: 'ingress', isolated: true, isolatingPolicies: ['shop/api'], allowed: false, tier: 'NetworkPolicy' });
    expect(json.results[0].reasons).toContain('ingress: no ingress rule of the isolating policies matches 203.0.113.9');
  });

  test('usage errors are one line, exit 2', () => {
    expect(run('--from', 'shop/nope', '--to', 'shop/api', '--port', '80')).toEqual({ code: 2, out: '', err: 'error: --from: no workload shop/nope in the input\n' });
    expect(run('--from', 'shop/web', '--to', 'shop/api', '--port', '80/ICMP').err).toBe('error: --port: unsupported protocol "ICMP": supported: TCP, UDP, SCTP\n');
    expect(run('--from', 'shop/web', '--to', 'shop/api', '--port', '70000').err).toBe('error: --port: 70000 is not between 1 and 65535\n');
    expect(run('--from', 'shop/web', '--to', 'svc:shop/api-svc', '--port', '81').err).toBe('error: --port: shop/api-svc[Service] has no port 81\n');
    expect(run('--from', 'svc:shop/api-svc', '--to', 'shop/api', '--port', '80').err).toBe('error: --from: a Service cannot be a source; name a workload\n');
    expect(run('--to', 'shop/api', '--port', '80').code).toBe(2);
  });
});
