import { cli, synth } from './synth';
import { buildStore } from '../../examples/typescript/store/main';

// The store example (README "Examples"): three default-deny namespaces, a Gateway with HTTPS,
// an HTTP-to-HTTPS redirect, a 90/10 canary, a GRPCRoute, a legacy Ingress, a StatefulSet
// behind its governing headless Service and an external API behind a selector-less Service.
// Its expectations run inside app.synth(); these tests read the synthesized YAML back.

const { dir, files } = synth(buildStore, 'store-');

/** The Gateway's answer to `url`: status, route and backend shares (the CLI's `route --json`). */
function gateway(url: string, ...flags: string[]) {
  const r = cli('route', '--json', ...flags, url, dir);
  const [g] = JSON.parse(r.out).gateways;
  return {
    status: g.status,
    listener: g.listener,
    route: g.winner ? `${g.winner.kind} ${g.winner.route}` : undefined,
    backends: g.backends.map((b: any) => `${b.target} ${b.percent}%`),
  };
}

describe('store example', () => {
  test('synthesizes deterministic YAML, one file per namespace', () => {
    expect(synth(buildStore).files).toEqual(files);
    expect(Object.keys(files)).toEqual(['data.k8s.yaml', 'edge.k8s.yaml', 'shop.k8s.yaml']);
  });

  test('the StatefulSet is governed by the headless Service, and cdk8s-plus\'s own Service is gone (docs: Service.governStatefulSet)', () => {
    expect(files['data.k8s.yaml']).toMatch(/kind: StatefulSet\n[\s\S]*?serviceName: postgres\n/);
    expect(files['data.k8s.yaml'].match(/^kind: Service$/gm)).toHaveLength(2);
    expect(files['shop.k8s.yaml']).toContain('value: postgres-0.postgres.data.svc.cluster.local');
    expect(cli('validate', dir).out).not.toContain('TRF-SVC-');
  });

  test('every Service has endpoints: pods for the selectors, the EndpointSlice addresses for the payment API', () => {
    const r = cli('services', dir);
    expect(r.out).toContain('data/payments (ClusterIP) ports: https:443->443/TCP\n  -> 203.0.113.10 (EndpointSlice payments-1)\n  -> 203.0.113.11 (EndpointSlice payments-1)\n');
    expect(r.out).toContain('data/postgres (Headless) ports: postgres:5432->postgres/TCP\n  -> data/postgres[StatefulSet]\n');
  });

  test('the engine computes exactly the declared connections between the store\'s pods', () => {
    expect(cli('list', dir).out).toBe([
      'shop/catalog[Deployment] => data/postgres[StatefulSet] : TCP 5432',
      'shop/checkout[Deployment] => 203.0.113.10-203.0.113.10[External] : TCP 443',
      'shop/checkout[Deployment] => 203.0.113.11-203.0.113.11[External] : TCP 443',
      'shop/checkout[Deployment] => data/postgres[StatefulSet] : TCP 5432',
      'shop/checkout[Deployment] => shop/cart[Deployment] : TCP 8080',
      'shop/storefront-v1[Deployment] => shop/cart[Deployment] : TCP 8080',
      'shop/storefront-v1[Deployment] => shop/catalog[Deployment] : TCP 9090',
      'shop/storefront-v1[Deployment] => shop/checkout[Deployment] : TCP 8080',
      'shop/storefront-v2[Deployment] => shop/cart[Deployment] : TCP 8080',
      'shop/storefront-v2[Deployment] => shop/catalog[Deployment] : TCP 9090',
      'shop/storefront-v2[Deployment] => shop/checkout[Deployment] : TCP 8080',
      '',
    ].join('\n'));
  });

  test('the Gateway redirects HTTP, splits / 90/10, pins x-canary to v2 and sends gRPC to the catalog (Gateway API HTTPRoute, GRPCRoute)', () => {
    expect(gateway('http://shop.example.com/cart')).toMatchObject({ status: 301, listener: 'http', route: 'HTTPRoute shop/https-redirect' });
    expect(gateway('https://shop.example.com/')).toMatchObject({
      status: 200, listener: 'https', route: 'HTTPRoute shop/storefront', backends: ['shop/storefront-v1 90%', 'shop/storefront-v2 10%'],
    });
    expect(gateway('https://shop.example.com/', '-H', 'x-canary=always')).toMatchObject({ status: 200, backends: ['shop/storefront-v2 100%'] });
    expect(gateway('https://shop.example.com/cart/items')).toMatchObject({ status: 200, backends: ['shop/cart 100%'] });
    expect(gateway('grpcs://grpc.example.com/store.Catalog/List')).toMatchObject({
      status: 200, listener: 'grpc', route: 'GRPCRoute shop/catalog', backends: ['shop/catalog 100%'],
    });
  });

  test('the legacy hostname is served by ingress-nginx with TLS', () => {
    const r = cli('route', 'https://legacy.example.com/', dir);
    expect(r.out).toMatch(/Ingress class nginx[^\n]*\n\s+status: 200/);
  });

  test('the audit has no error-level finding', () => {
    expect(cli('validate', dir).out).toMatch(/^0 error\(s\)/m);
  });

  test('with the context it declares (the Gateway\'s proxies, ingress-nginx, CoreDNS), synth reports no audit warning (docs/validation.md)', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      synth(buildStore);
      expect(stderr.mock.calls.map(c => String(c[0])).filter(t => t.startsWith('cdk8s-traffic:'))).toEqual([]);
    } finally {
      stderr.mockRestore();
    }
  });
});
