// Routing expectations (docs/validation.md "Expectations"): descriptions name
// the method and the headers that select a route, a redirect can be expected
// (Gateway API HTTPRoute RequestRedirect filter), and gRPC calls are requests
// (GRPCRoute GRPCMethodMatch).
import { ApiObject, Chart } from 'cdk8s';
import {
  AllowedRoutes, Backend, Gateway, GrpcMethodMatch, GrpcRoute, HttpRoute, Listener, Match, Port, RedirectScheme, ReportFormat,
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
  const v1 = new Service(charts.shop, 'v1', { name: 'storefront-v1', selector: ServiceSelector.pods({ app: 'v1' }), ports: [{ port: 80 }] });
  const v2 = new Service(charts.shop, 'v2', { name: 'storefront-v2', selector: ServiceSelector.pods({ app: 'v2' }), ports: [{ port: 80 }] });
  deployment(charts.shop, 'v1', 80);
  deployment(charts.shop, 'v2', 80);
  deployment(charts.shop, 'orders', 50051);
  const orders = new Service(charts.shop, 'orders', { name: 'orders', selector: ServiceSelector.pods({ app: 'orders' }), ports: [{ port: 50051 }] });
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
  s.traffic.expect(Request.http('shop.example.com/')).routesTo(Target.of(s.v2), 10);
  s.traffic.expect(Request.http('shop.example.com/').withHeader('X-Canary', 'true')).routesTo(Target.of(s.v2), 100);
  expect(descriptions(s.traffic)).toEqual([
    ['GET http://shop.example.com/ routes to Service shop/storefront-v2 (10% of requests)', true],
    ['GET http://shop.example.com/ [x-canary: true] routes to Service shop/storefront-v2 (100% of requests)', true],
  ]);
  expect(Request.http('shop.example.com/').withMethod('post').withHeader('X-Canary', 'true').toString()).toBe('POST http://shop.example.com/ [x-canary: true]');
});

test('routesTo takes the Service construct itself, with the same outcome as Target.of (docs/validation.md "Expectations")', () => {
  const s = store();
  s.traffic.expect(Request.http('shop.example.com/')).routesTo(s.v1, 90);
  s.traffic.expect(Request.http('shop.example.com/')).routesTo(Target.of(s.v1), 90);
  expect(descriptions(s.traffic)).toEqual([
    ['GET http://shop.example.com/ routes to Service shop/storefront-v1 (90% of requests)', true],
    ['GET http://shop.example.com/ routes to Service shop/storefront-v1 (90% of requests)', true],
  ]);
  expect(() => s.traffic.expect(Request.http('shop.example.com/')).routesTo('storefront-v1'))
    .toThrow(/^Traffic: expect\(GET http:\/\/shop\.example\.com\/\)\.routesTo: expected a construct \(workload, Service or Namespace\) or a Target, got string "storefront-v1"$/);
});

describe('redirectsTo (HTTPRoute RequestRedirect: Location from scheme, hostname, port and path)', () => {
  test('passes for the Location the filter sends, with or without the status code', () => {
    const s = store();
    s.traffic.expect(Request.http('www.example.com/cart')).redirectsTo('https://shop.example.com/cart');
    s.traffic.expect(Request.http('www.example.com/')).redirectsTo('https://shop.example.com/', 301);
    s.app.synthYaml();
    expect(descriptions(s.traffic)).toEqual([
      ['GET http://www.example.com/cart redirects to https://shop.example.com/cart', true],
      ['GET http://www.example.com/ redirects 301 to https://shop.example.com/', true],
    ]);
  });

  test('fails naming what the Gateway answered instead', () => {
    const s = store();
    s.traffic.expect(Request.http('www.example.com/')).redirectsTo('https://shop.example.com/', 308);
    s.traffic.expect(Request.http('shop.example.com/')).redirectsTo('https://shop.example.com/');
    const err = synthError(s.app);
    expect(err).toContain('expectation failed: GET http://www.example.com/ redirects 308 to https://shop.example.com/\n    Gateway edge/gw: 301 to https://shop.example.com/');
    expect(err).toContain('expectation failed: GET http://shop.example.com/ redirects to https://shop.example.com/\n    Gateway edge/gw: 200, no redirect');
  });
});

describe('Request.grpc(service, method, host)', () => {
  test('a gRPC call routes by service and method (GRPCRoute GRPCMethodMatch)', () => {
    const s = store();
    s.traffic.expect(Request.grpc('shop.Orders', 'Get', 'grpc.example.com')).routesTo(Target.of(s.orders));
    s.traffic.expect(Request.grpc('shop.Orders', 'Delete', 'grpc.example.com')).routesTo(Target.of(s.orders));
    const err = synthError(s.app);
    expect(err).not.toContain('shop.Orders/Get routes');
    expect(err).toContain('expectation failed: gRPC POST http://grpc.example.com/shop.Orders/Delete routes to Service shop/orders\n    Gateway edge/gw: 404');
  });

  test('Request.grpcs is the same call over TLS: it reaches an HTTPS listener (port 443), not a Gateway with only HTTP', () => {
    const s = store(true);
    s.traffic.expect(Request.grpcs('shop.Orders', 'Get', 'grpc.example.com')).routesTo(s.orders);
    s.traffic.expect(Request.grpcs('shop.Orders', 'Delete', 'grpc.example.com')).routesTo(s.orders);
    const err = synthError(s.app);
    expect(err).not.toContain('shop.Orders/Get routes');
    expect(err).toContain('expectation failed: gRPC POST https://grpc.example.com/shop.Orders/Delete routes to Service shop/orders\n    Gateway edge/gw: 404');
    const plain = store(false);
    plain.traffic.expect(Request.grpcs('shop.Orders', 'Get', 'grpc.example.com')).routesTo(plain.orders);
    expect(synthError(plain.app)).toContain('expectation failed: gRPC POST https://grpc.example.com/shop.Orders/Get routes to Service shop/orders');
    expect(Request.grpcs('shop.Orders', 'Get', 'grpc.example.com').toString()).toBe('gRPC POST grpcs://grpc.example.com/shop.Orders/Get');
    expect(() => Request.grpcs('shop.Orders', 'a/b')).toThrow('Request.grpcs: expected a service such as "shop.Orders"');
  });

  test('reads as a gRPC call and rejects a path in place of a service name', () => {
    expect(Request.grpc('shop.Orders', 'Get', 'grpc.example.com').toString()).toBe('gRPC POST grpc://grpc.example.com/shop.Orders/Get');
    expect(() => Request.grpc('shop/Orders', 'Get')).toThrow('Request.grpc: expected a service such as "shop.Orders"');
  });
});

describe('traffic.expect(Request...): one expect for connections and requests (docs/validation.md "Expectations")', () => {
  const report = (t: Traffic) => JSON.parse(t.report(ReportFormat.JSON)).expectations;

  test('routesTo and redirectsTo on expect(Request) check what expectRequest checked, with throughGateway for the gateway option', () => {
    const declare = (s: ReturnType<typeof store>, deprecated: boolean) => {
      const req = (r: Request) => (deprecated ? s.traffic.expectRequest(r, { gateway: 'edge/gw' }) : s.traffic.expect(r).throughGateway('edge/gw'));
      req(Request.http('shop.example.com/')).routesTo(s.v1, 90).routesTo(s.v2, 10);
      req(Request.http('www.example.com/')).redirectsTo('https://shop.example.com/', 301);
      req(Request.grpc('shop.Orders', 'Get', 'grpc.example.com')).routesTo(s.orders);
      return report(s.traffic);
    };
    const before = declare(store(), true);
    expect(before.map((e: any) => e.passed)).toEqual([true, true, true, true]);
    expect(declare(store(), false)).toEqual(before);
  });

  test('throughGateway and throughIngressClass narrow the way in; each returns a new expectation', () => {
    const s = store();
    const home = s.traffic.expect(Request.http('shop.example.com/'));
    home.throughGateway('edge/other').routesTo(s.v1, 90);
    home.throughIngressClass('nginx').routesTo(s.v1, 90);
    home.routesTo(s.v1, 90);
    expect(report(s.traffic).map((e: any) => [e.description, e.passed, e.details])).toEqual([
      ['GET http://shop.example.com/ routes to Service shop/storefront-v1 (90% of requests)', false, ['no Ingress or Gateway in the model accepts this request']],
      ['GET http://shop.example.com/ routes to Service shop/storefront-v1 (90% of requests)', false, [
        'Ingress class nginx: 404',
        '  IngressClass nginx is not in the input: its controller is unknown',
        '  no rule matches and no Ingress sets defaultBackend: the controller\'s default backend answers 404',
      ]],
      ['GET http://shop.example.com/ routes to Service shop/storefront-v1 (90% of requests)', true, []],
    ]);
  });

  test('a check on the wrong kind of subject is a one-line error naming the call', () => {
    const s = store();
    const req = s.traffic.expect(Request.http('shop.example.com/'));
    const pods = s.traffic.expect(s.v1);
    const onRequest = (method: string) => new RegExp(`^Traffic: expect\\(GET http://shop\\.example\\.com/\\)\\.${method}: ${method}\\(\\) is about connections from pods; expect a workload, Service or Namespace construct or a Target, not a Request$`);
    const onPods = (method: string) => new RegExp(`^Traffic: expect\\(.*storefront-v1.*\\)\\.${method}: ${method}\\(\\) is about where a request lands; expect a Request, as in expect\\(Request\\.https\\('host/path'\\)\\)$`);
    expect(() => req.canReach(s.v2, Port.HTTP)).toThrow(onRequest('canReach'));
    expect(() => req.cannotReach(s.v2)).toThrow(onRequest('cannotReach'));
    expect(() => req.isIsolated()).toThrow(onRequest('isIsolated'));
    expect(() => req.hasEndpoints()).toThrow(onRequest('hasEndpoints'));
    expect(() => req.keepsTrafficInZone('a')).toThrow(onRequest('keepsTrafficInZone'));
    expect(() => req.hasLocalEndpointForEveryClient()).toThrow(onRequest('hasLocalEndpointForEveryClient'));
    expect(() => req.leavesNoClientWithoutEndpoints()).toThrow(onRequest('leavesNoClientWithoutEndpoints'));
    expect(() => pods.routesTo(s.v2)).toThrow(onPods('routesTo'));
    expect(() => pods.redirectsTo('https://shop.example.com/')).toThrow(onPods('redirectsTo'));
    expect(() => pods.sentFrom(s.v2)).toThrow(onPods('sentFrom'));
    expect(() => pods.throughGateway('edge/gw')).toThrow(onPods('throughGateway'));
    expect(() => pods.throughIngressClass('nginx')).toThrow(onPods('throughIngressClass'));
    expect(() => req.sentFrom(s.v2).redirectsTo('https://shop.example.com/'))
      .toThrow(/^Traffic: expect\(GET http:\/\/shop\.example\.com\/\)\.redirectsTo: redirects are checked at Ingresses and Gateways, not for a request sentFrom\(\) a workload$/);
    expect(() => req.sentFrom('web')).toThrow(/^Traffic: expect\(GET http:\/\/shop\.example\.com\/\)\.sentFrom: expected a construct \(workload, Service or Namespace\) or a Target, got string "web"$/);
    // Nothing was recorded by the refused calls.
    expect(report(s.traffic)).toEqual([]);
  });

  test('the deprecated expectRequest keeps its own name in errors, and its from option still leaves redirects alone', () => {
    const s = store();
    expect(() => s.traffic.expectRequest(Request.http('shop.example.com/')).routesTo('storefront-v1'))
      .toThrow(/^Traffic: expectRequest\(GET http:\/\/shop\.example\.com\/\)\.routesTo: expected a construct \(workload, Service or Namespace\) or a Target, got string "storefront-v1"$/);
    s.traffic.expectRequest(Request.http('www.example.com/'), { from: s.v1 }).redirectsTo('https://shop.example.com/', 301);
    expect(report(s.traffic).map((e: any) => [e.description, e.passed])).toEqual([['GET http://www.example.com/ redirects 301 to https://shop.example.com/', true]]);
  });
});
