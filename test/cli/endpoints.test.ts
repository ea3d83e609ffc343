import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

/** Nodes a1, a2 (zone-a) and b1 (zone-b); shop/api on a1 and b1, LoadBalancer with externalTrafficPolicy Local and PreferSameZone. */
const FIXTURE = path.join(__dirname, '..', '..', 'examples', 'topology', 'zones.yaml');

function run(...args: string[]) {
  const c = captureIO();
  const code = runCli(['endpoints', ...args], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('cdk8s-traffic endpoints', () => {
  test('text: a pod client gets the endpoints of its zone (Traffic distribution: PreferSameZone), with shares and reasons', () => {
    const r = run('shop/api', FIXTURE, '--from', 'shop/web-1');
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      'shop/api port http (80/TCP) from pod shop/web-1 (node a2, zone zone-a): 1 endpoint',
      '  shop/api-0 :8080 (node a1, zone zone-a) 100%',
      '  because:',
      '    ipFamilyPolicy SingleStack: IPv4 only (ipFamilies unset: the cluster\'s primary family, taken as IPv4)',
      '    endpoints from pods of the selected workloads (no EndpointSlice in the input)',
      '    traffic policy Cluster: ready endpoints in zone zone-a (zone hints); trafficDistribution PreferSameZone',
      '',
    ].join('\n'));
    expect(r.err).toBe('');
  });

  test('-o json: top-level endpoints (pod, node, zone, share) and reasons; external traffic without a node spreads over nodes with an endpoint', () => {
    const r = run('shop/api', FIXTURE, '--external', '-o', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.endpoints.map((e: any) => [e.pod, e.node, e.zone, e.share])).toEqual([
      ['shop/api-0', 'a1', 'zone-a', 0.5],
      ['shop/api-1', 'b1', 'zone-b', 0.5],
    ]);
    expect(j.sourceIpPreserved).toBe(true);
    expect(j.reasons).toContain('nodes without an endpoint drop what reaches them: a2');
  });

  test('--external --node: a node without a local endpoint drops the traffic (externalTrafficPolicy: Local), exit 1', () => {
    const r = run('shop/api', FIXTURE, '--external', '--node', 'a2', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.endpoints).toEqual([]);
    expect(j.dropped).toBe(true);
    expect(j.client).toEqual({ node: 'a2', zone: 'zone-a', external: true });
  });

  test('--node with --zone for a node outside the input', () => {
    const r = run('shop/api', FIXTURE, '--node', 'x9', '--zone', 'zone-b', '--port', 'http', '--json');
    expect(JSON.parse(r.out).endpoints.map((e: any) => e.pod)).toEqual(['shop/api-1']);
  });

  test.each([
    [['nope/api'], /^error: no Service nope\/api in the input\n$/],
    [['shop/api', '--port', '9'], /^error: --port: shop\/api has no port 9\n$/],
    [['shop/api', '--from', 'shop/ghost'], /^error: --from: no pod or workload shop\/ghost in the input\n$/],
    [['shop/api', '--from', 'shop/web', '--node', 'a1'], /^error: --from names the client/],
  ])('bad usage %j: one-line error, exit 2', (args, message) => {
    const [svc, ...rest] = args;
    const r = run(svc, FIXTURE, ...rest);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});

describe('explain takes its endpoint set from the kube-proxy endpoint selection', () => {
  const LOCAL = path.join(__dirname, '..', 'fixtures', 'topology', 'internal-local.yaml');
  test('Service Internal Traffic Policy: Local: a client on a node without a backend reaches nothing through the Service', () => {
    const c = captureIO();
    expect(runCli(['explain', LOCAL, '--from', 'shop/web', '--to', 'svc:shop/api', '--port', '80'], c.io)).toBe(1);
    expect(c.out()).toBe('shop/api[Service]: no backend receives the connection: internalTrafficPolicy: Local: node b1 has no endpoint, so kube-proxy drops the traffic (it never goes to another node)\n');
  });
});
