import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGateway } from '../../../examples/typescript/gateway/main';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { routeThroughIngresses } from '../../../src/engine/l7/ingress/route';
import { parseRequest } from '../../../src/engine/l7/request';
import { allowedConnections } from '../../../src/engine/netpol';
import { PodEndpoint, podOf } from '../../../src/engine/netpol/endpoint';
import { buildCluster, Cluster, parseManifests } from '../../../src/model';

// The example's intent, checked by the traffic engine over the YAML it synthesizes.

function synthesize(): { files: Record<string, string>; cluster: Cluster } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-example-'));
  buildGateway(dir).synth();
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) files[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  const cluster = buildCluster(Object.entries(files).flatMap(([f, text]) => parseManifests(text, f)));
  return { files, cluster };
}

const { files, cluster } = synthesize();

function viaGateway(url: string, headers: Record<string, string> = {}) {
  const answers = routeThroughGateways(cluster, parseRequest(url, { headers }), { gateway: 'infra/shop' });
  expect(answers).toHaveLength(1);
  return answers[0];
}

const split = (a: ReturnType<typeof viaGateway>) => a.backends.map(b => [b.target, b.percent, b.problem?.reason ?? 'ok']);

describe('gateway example: the engine routes what the user declared', () => {
  test('synthesis is deterministic (snapshot)', () => {
    expect(synthesize().files).toEqual(files);
    expect(files).toMatchSnapshot();
  });

  test('https://shop.example.com/ is split 90/10 across web v1 and v2 and mirrored to the shadow', () => {
    const a = viaGateway('https://shop.example.com/products/42');
    expect(a.listener).toBe('https');
    expect(a.status).toBe(200);
    expect(a.winner).toMatchObject({ route: 'shop/shop', ruleName: 'split' });
    expect(split(a)).toEqual([['shop/web-v1', 90, 'ok'], ['shop/web-v2', 10, 'ok']]);
    expect(a.filters?.mirrors).toEqual([{ namespace: 'shop', name: 'web-shadow', port: 80, percent: 100 }]);
  });

  test('x-canary: always goes to v2 only', () => {
    const a = viaGateway('https://shop.example.com/products/42', { 'x-canary': 'always' });
    expect(a.winner).toMatchObject({ route: 'shop/shop', ruleName: 'canary' });
    expect(split(a)).toEqual([['shop/web-v2', 100, 'ok']]);
  });

  test('/pay crosses into the payments namespace, allowed by the generated ReferenceGrant', () => {
    const a = viaGateway('https://shop.example.com/pay/checkout');
    expect(a.winner).toMatchObject({ ruleName: 'payments' });
    expect(split(a)).toEqual([['payments/pay', 100, 'ok']]);
    expect(a.backends[0].grant).toBeDefined();
    expect(a.filters?.forwarded.headers['x-forwarded-prefix']).toBe('/pay');
  });

  test('plain HTTP is redirected to HTTPS with 301', () => {
    const a = viaGateway('http://shop.example.com/cart?id=7');
    expect(a.listener).toBe('http');
    expect(a.status).toBe(301);
    expect(a.filters?.redirect).toEqual({ statusCode: 301, location: 'https://shop.example.com/cart?id=7' });
  });

  test('other hosts get no route', () => {
    expect(viaGateway('https://admin.example.com/').status).toBe(404);
  });

  test('the Ingress sends shop.example.com to web v1 over TLS', () => {
    const [a] = routeThroughIngresses(cluster, parseRequest('https://shop.example.com/products'), { ingressClass: 'nginx' });
    expect(a.status).toBe(200);
    expect(a.backend?.namespace).toBe('shop');
    expect(a.backend?.service).toEqual({ name: 'web-v1', port: 80 });
    expect(a.tls?.covered).toBe(true);
  });

  describe('NamespaceIsolation: only the controllers reach the backends, on the pod port', () => {
    const workload = (ns: string, name: string) => podOf(cluster.workloads.find(w => w.namespace === ns && w.name === name)!);
    const pods = (namespace: string, labels: Record<string, string>): PodEndpoint => ({ kind: 'pod', namespace, labels, ports: [] });
    const envoy = pods('infra', { 'app.kubernetes.io/name': 'envoy' });
    const nginx = pods('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' });
    const stranger = pods('infra', { app: 'debug' });

    test.each([
      ['envoy', 'shop', 'web-v1', true, envoy],
      ['envoy', 'shop', 'web-v2', true, envoy],
      ['envoy', 'shop', 'web-shadow', true, envoy],
      ['envoy', 'payments', 'pay', true, envoy],
      ['ingress-nginx', 'shop', 'web-v1', true, nginx],
      ['ingress-nginx', 'shop', 'web-v2', false, nginx],
      ['ingress-nginx', 'payments', 'pay', false, nginx],
      ['another pod of infra', 'shop', 'web-v1', false, stranger],
    ])('%s -> %s/%s on TCP 8080 allowed: %s', (_who, ns, name, allowed, src) => {
      expect(allowedConnections(cluster, src, workload(ns, name)).allows('TCP', 8080)).toBe(allowed);
    });

    test('infra is isolated too: the envoy pods\' egress is opened to the backends only', () => {
      expect(cluster.networkPolicies.map(p => `${p.namespace}/${p.name}`).filter(n => n.startsWith('infra/'))).toEqual([
        'infra/allow-dns', 'infra/controller-egress', 'infra/default-deny',
      ]);
      const other = pods('kube-system', { app: 'metrics' });
      expect(allowedConnections(cluster, envoy, other).isEmpty()).toBe(true);
    });

    test('the Service port (80) is not what the policies open', () => {
      expect(allowedConnections(cluster, envoy, workload('shop', 'web-v1')).toString()).toBe('TCP 8080');
    });
  });
});
