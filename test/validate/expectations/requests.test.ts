// Routing expectations (docs/validation.md "Expectations"): descriptions name
// the method and the headers that select a route, a redirect can be expected
// (Gateway API HTTPRoute RequestRedirect filter), and gRPC calls are requests
// (GRPCRoute GRPCMethodMatch).
import { ApiObject, Chart } from 'cdk8s';
import {
  AllowedRoutes, Backend, Gateway, GrpcMethodMatch, GrpcRoute, HttpRoute, Listener, Match, RedirectScheme, ReportFormat,
  Request, RouteFilter, Service, ServiceSelector, Target, Traffic,
} from '../../../src';
import { appWith, synthError } from '../../constructs/gateway/synth';

function deployment(chart: Chart, app: string, port: number): void {
  new ApiObject(chart, `${app}-deploy`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app },
    spec: {
      selector: { matchLabels: { app } },
      template: { metadata: { labels: { app } }, spec: { containers: [{ name: app, image: app, ports: [{ containerPort: port }] }] } },
    },
  });
}

/** `https` adds an HTTPS listener (port 443) beside the HTTP one. */
function store(https = false) {
  const { app, charts } = appWith('edge', 'shop');
  const listeners = [Listener.http({ name: 'http', allowedRoutes: AllowedRoutes.allNamespaces() })];
  if (https) listeners.push(Listener.https({ name: 'https', certificateRefs: [{ name: 'tls' }], allowedRoutes: AllowedRoutes.allNamespaces() }));
  const gw = new Gateway(charts.edge, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners });
  const v1 = new Service(charts.shop, 'v1', { name: 'storefront-v1', selector: ServiceSelector.labels({ app: 'v1' }), ports: [{ port: 80 }] });
  const v2 = new Service(charts.shop, 'v2', { name: 'storefront-v2', selector: ServiceSelector.labels({ app: 'v2' }), ports: [{ port: 80 }] });
  deployment(charts.shop, 'v1', 80);
  deployment(charts.shop, 'v2', 80);
  deployment(charts.shop, 'orders', 50051);
  const orders = new Service(charts.shop, 'orders', { name: 'orders', selector: ServiceSelector.labels({ app: 'orders' }), ports: [{ port: 50051 }] });
  new HttpRoute(charts.shop, 'canary', {
    parents: [gw],
    hostnames: ['shop.example.com'],
    rules: [
      { matches: [Match.header('x-canary', 'true')], backends: [Backend.service(v2, 80)] },
      { backends: [Backend.service(v1, 80, { weight: 90 }), Backend.service(v2, 80, { weight: 10 })] },
    ],
  });
  new HttpRoute(charts.shop, 'redirect', {
    parents: [gw],
    hostnames: ['www.example.com'],
    rules: [{ filters: [RouteFilter.requestRedirect({ scheme: RedirectScheme.HTTPS, hostname: 'shop.example.com', statusCode: 301 })] }],
  });
  new GrpcRoute(charts.shop, 'grpc', {
    parents: [gw],
    hostnames: ['grpc.example.com'],
    rules: [{ matches: [{ method: GrpcMethodMatch.exact('shop.Orders', 'Get') }], backends: [Backend.service(orders, 50051)] }],
  });
  const traffic = Traffic.of(app);
  traffic.configure({ audit: false });
  return { app, traffic, v1, v2, orders };
}

const descriptions = (t: Traffic) => JSON.parse(t.report(ReportFormat.JSON)).expectations.map((e: any) => [e.description, e.passed]);

test('descriptions name the headers that tell two expectations apart', () => {
  const s = store();
  s.traffic.expectRequest(Request.http('shop.example.com/')).routesTo(Target.of(s.v2), 10);
  s.traffic.expectRequest(Request.http('shop.example.com/').withHeader('X-Canary', 'true')).routesTo(Target.of(s.v2), 100);
  expect(descriptions(s.traffic)).toEqual([
    ['GET http://shop.example.com/ routes to Service shop/storefront-v2 (10% of requests)', true],
    ['GET http://shop.example.com/ [x-canary: true] routes to Service shop/storefront-v2 (100% of requests)', true],
  ]);
  expect(Request.http('shop.example.com/').withMethod('post').withHeader('X-Canary', 'true').toString()).toBe('POST http://shop.example.com/ [x-canary: true]');
});

test('routesTo takes the Service construct itself, with the same outcome as Target.of (docs/validation.md "Expectations")', () => {
  const s = store();
  s.traffic.expectRequest(Request.http('shop.example.com/')).routesTo(s.v1, 90);
  s.traffic.expectRequest(Request.http('shop.example.com/')).routesTo(Target.of(s.v1), 90);
  expect(descriptions(s.traffic)).toEqual([
    ['GET http://shop.example.com/ routes to Service shop/storefront-v1 (90% of requests)', true],
    ['GET http://shop.example.com/ routes to Service shop/storefront-v1 (90% of requests)', true],
  ]);
  expect(() => s.traffic.expectRequest(Request.http('shop.example.com/')).routesTo('storefront-v1'))
    .toThrow(/^Traffic: expectRequest\(GET http:\/\/shop\.example\.com\/\)\.routesTo: expected a construct \(workload, Service or Namespace\) or a Target, got string "storefront-v1"$/);
});

describe('redirectsTo (HTTPRoute RequestRedirect: Location from scheme, hostname, port and path)', () => {
  test('passes for the Location the filter sends, with or without the status code', () => {
    const s = store();
    s.traffic.expectRequest(Request.http('www.example.com/cart')).redirectsTo('https://shop.example.com/cart');
    s.traffic.expectRequest(Request.http('www.example.com/')).redirectsTo('https://shop.example.com/', 301);
    s.app.synthYaml();
    expect(descriptions(s.traffic)).toEqual([
      ['GET http://www.example.com/cart redirects to https://shop.example.com/cart', true],
      ['GET http://www.example.com/ redirects 301 to https://shop.example.com/', true],
    ]);
  });

  test('fails naming what the Gateway answered instead', () => {
    const s = store();
    s.traffic.expectRequest(Request.http('www.example.com/')).redirectsTo('https://shop.example.com/', 308);
    s.traffic.expectRequest(Request.http('shop.example.com/')).redirectsTo('https://shop.example.com/');
    const err = synthError(s.app);
    expect(err).toContain('expectation failed: GET http://www.example.com/ redirects 308 to https://shop.example.com/\n    Gateway edge/gw: 301 to https://shop.example.com/');
    expect(err).toContain('expectation failed: GET http://shop.example.com/ redirects to https://shop.example.com/\n    Gateway edge/gw: 200, no redirect');
  });
});

describe('Request.grpc(service, method, host)', () => {
  test('a gRPC call routes by service and method (GRPCRoute GRPCMethodMatch)', () => {
    const s = store();
    s.traffic.expectRequest(Request.grpc('shop.Orders', 'Get', 'grpc.example.com')).routesTo(Target.of(s.orders));
    s.traffic.expectRequest(Request.grpc('shop.Orders', 'Delete', 'grpc.example.com')).routesTo(Target.of(s.orders));
    const err = synthError(s.app);
    expect(err).not.toContain('shop.Orders/Get routes');
    expect(err).toContain('expectation failed: gRPC POST http://grpc.example.com/shop.Orders/Delete routes to Service shop/orders\n    Gateway edge/gw: 404');
  });

  test('Request.grpcs is the same call over TLS: it reaches an HTTPS listener (port 443), not a Gateway with only HTTP', () => {
    const s = store(true);
    s.traffic.expectRequest(Request.grpcs('shop.Orders', 'Get', 'grpc.example.com')).routesTo(s.orders);
    s.traffic.expectRequest(Request.grpcs('shop.Orders', 'Delete', 'grpc.example.com')).routesTo(s.orders);
    const err = synthError(s.app);
    expect(err).not.toContain('shop.Orders/Get routes');
    expect(err).toContain('expectation failed: gRPC POST https://grpc.example.com/shop.Orders/Delete routes to Service shop/orders\n    Gateway edge/gw: 404');
    const plain = store(false);
    plain.traffic.expectRequest(Request.grpcs('shop.Orders', 'Get', 'grpc.example.com')).routesTo(plain.orders);
    expect(synthError(plain.app)).toContain('expectation failed: gRPC POST https://grpc.example.com/shop.Orders/Get routes to Service shop/orders');
    expect(Request.grpcs('shop.Orders', 'Get', 'grpc.example.com').toString()).toBe('gRPC POST grpcs://grpc.example.com/shop.Orders/Get');
    expect(() => Request.grpcs('shop.Orders', 'a/b')).toThrow('Request.grpcs: expected a service such as "shop.Orders"');
  });

  test('reads as a gRPC call and rejects a path in place of a service name', () => {
    expect(Request.grpc('shop.Orders', 'Get', 'grpc.example.com').toString()).toBe('gRPC POST grpc://grpc.example.com/shop.Orders/Get');
    expect(() => Request.grpc('shop/Orders', 'Get')).toThrow('Request.grpc: expected a service such as "shop.Orders"');
  });
});
