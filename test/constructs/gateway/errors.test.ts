// Errors that name their cause (docs/gateway-api.md "Validation"): a backendRef to
// a port the Service lacks names the route, its rule and backendRef, and every
// problem is printed once, by the construct that owns the field.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { synthError } from './synth';
import {
  AllowedRoutes, Backend, Gateway, HttpRoute, Ingress, IngressBackend, Listener, NamespaceIsolation, Service, ServiceSelector, Traffic,
} from '../../../src';

function shop(opts: { isolateFirst: boolean }) {
  const app = new App({ outdir: 'cdk.out.test-never-written' });
  const edge = new Chart(app, 'edge', { namespace: 'edge', disableResourceNameHashes: true });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  if (opts.isolateFirst) new NamespaceIsolation(chart, 'isolation');
  const gw = new Gateway(edge, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'http', allowedRoutes: AllowedRoutes.allNamespaces() })] });
  const checkout = new kplus.Deployment(chart, 'checkout', { containers: [{ image: 'checkout', portNumber: 8080 }] });
  const svc = new Service(chart, 'checkout-svc', { name: 'checkout', selector: ServiceSelector.workload(checkout), ports: [{ port: 80, targetPort: 8080 }] });
  return { app, chart, gw, svc };
}

const lines = (err: string) => err.split('\n').filter(l => l.startsWith('  ['));

test('a backendRef to a port the Service lacks names the HTTPRoute, rule and backendRef, not a generated NetworkPolicy', () => {
  const { app, chart, gw, svc } = shop({ isolateFirst: true });
  Traffic.of(app);
  new HttpRoute(chart, 'route', { name: 'checkout', parents: [gw], rules: [{ backends: [Backend.service(svc, 8080)] }] });
  const err = synthError(app);
  expect(err).not.toContain('Failed serializing');
  expect(err).not.toContain('Connections');
  // Said once: the engine's TRF-GW-003 finding on the same field is left to the construct's line.
  expect(lines(err)).toEqual([
    '  [shop/route] shop/route: spec.rules[0].backendRefs[0].port: HTTPRoute shop/checkout backendRef shop/checkout:8080: '
    + 'Service shop/checkout has no port 8080 (its ports: TCP 80)',
  ]);
});

test('a negative weight is reported once (by the route, not again by the traffic validator)', () => {
  const { app, chart, gw, svc } = shop({ isolateFirst: true });
  Traffic.of(app);
  new HttpRoute(chart, 'route', { name: 'checkout', parents: [gw], rules: [{ backends: [Backend.service(svc, 80, { weight: -1 })] }] });
  expect(lines(synthError(app))).toEqual([
    '  [shop/route] shop/route: spec.rules[0].backendRefs[0].weight: must be between 0 and 1000000 (got -1)',
  ]);
});

test('"declare the NamespaceIsolation first" is one line however many rules expose the Service', () => {
  const { app, chart, gw, svc } = shop({ isolateFirst: false });
  new HttpRoute(chart, 'route', { name: 'checkout', parents: [gw], rules: [{ backends: [Backend.service(svc, 80)] }, { backends: [Backend.service(svc, 80)] }] });
  new NamespaceIsolation(chart, 'isolation');
  const out = lines(synthError(app));
  expect(out).toHaveLength(1);
  expect(out[0]).toContain('declare the NamespaceIsolation first');
});

test('an Ingress backend on a port the Service lacks names the Ingress rule and path, once (with or without the traffic validator)', () => {
  for (const withTraffic of [false, true]) {
    const { app, chart, svc } = shop({ isolateFirst: true });
    if (withTraffic) Traffic.of(app);
    new Ingress(chart, 'ing', {
      name: 'storefront',
      ingressClassName: 'nginx',
      rules: [{ host: 'shop.example.com', paths: [{ path: '/', backend: IngressBackend.service(svc, 8080) }] }],
    });
    expect(lines(synthError(app))).toEqual([
      '  [shop/ing] shop/ing: spec.rules[0].http.paths[0].backend.service.port.number: Ingress shop/storefront backend: '
      + 'Service shop/checkout has no port 8080 (its ports: TCP 80)',
    ]);
  }
});
