import { ApiObject, App } from 'cdk8s';
import { appWith } from './synth';
import {
  AllowedRoutes, Backend, Gateway, GrpcMethodMatch, GrpcRoute, HttpMethod, HttpRoute, Ingress, IngressBackend, IngressPathType, Listener,
  Match, PathMatch, PathModifier, QueryParamMatch, RouteFilter, Service, ServiceSelector,
} from '../../../src';
import { allRoutes, routeStatus } from '../../../src/engine/l7/gateway/attachment';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { routeThroughIngresses } from '../../../src/engine/l7/ingress/route';
import { parseRequest, RequestOptions } from '../../../src/engine/l7/request';
import { buildCluster, Cluster, parseManifests } from '../../../src/model';

// What the constructs synthesize, routed by the traffic engine: requests land where the construct calls said.

function clusterOf(app: App): Cluster {
  return buildCluster(parseManifests(app.synthYaml(), 'app.yaml'));
}

function svc(chart: any, name: string, port = 80): Service {
  return new Service(chart, name, { name, selector: ServiceSelector.pods({ app: name }), ports: [{ port, targetPort: 8080 }] });
}

function route(cluster: Cluster, url: string, opts: RequestOptions = {}) {
  const [a] = routeThroughGateways(cluster, parseRequest(url, opts));
  return { status: a.status, rule: a.winner?.ruleName, backends: a.backends.map(b => `${b.target} ${b.percent}%${b.problem ? ' ' + b.problem.reason : ''}`), filters: a.filters };
}

describe('HTTPRoute constructs, routed by the engine', () => {
  const { app, charts } = appWith('shop', 'search');
  const gw = new Gateway(charts.shop, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web', allowedRoutes: AllowedRoutes.allNamespaces() })] });
  const [home, api, apiWrite, legacy, docs] = ['home', 'api', 'api-write', 'legacy', 'docs'].map(n => svc(charts.shop, n));
  const search = svc(charts.search, 'search', 9200);
  new HttpRoute(charts.shop, 'r', {
    name: 'r',
    parents: [gw],
    hostnames: ['shop.example.com'],
    rules: [
      { name: 'home', matches: [Match.pathPrefix('/')], backends: [Backend.service(home, 80)] },
      { name: 'api-read', matches: [{ path: PathMatch.prefix('/api'), method: HttpMethod.GET }], backends: [Backend.service(api, 80)] },
      { name: 'api-write', matches: [{ path: PathMatch.prefix('/api'), method: HttpMethod.POST }], backends: [Backend.service(apiWrite, 80)] },
      { name: 'exact', matches: [Match.exactPath('/api/health')], backends: [Backend.service(home, 80)] },
      { name: 'v1', matches: [{ path: PathMatch.prefix('/api'), queryParams: [QueryParamMatch.exact('version', '1')] }], backends: [Backend.service(legacy, 80)] },
      {
        name: 'docs',
        matches: [Match.pathPrefix('/docs/v2')],
        filters: [RouteFilter.urlRewrite({ hostname: 'docs.internal', path: PathModifier.replacePrefixMatch('/') }), RouteFilter.requestHeaderModifier({ set: { 'x-docs': '2' }, remove: ['cookie'] })],
        backends: [Backend.service(docs, 80)],
      },
      { name: 'moved', matches: [Match.pathPrefix('/old')], filters: [RouteFilter.requestRedirect({ path: PathModifier.replacePrefixMatch('/new'), statusCode: 308 })] },
      { name: 'search', matches: [Match.pathPrefix('/search')], backends: [Backend.service(search, 9200, { weight: 3 }), Backend.service(home, 80, { weight: 1 })] },
    ],
  });
  const cluster = clusterOf(app);

  test('every route is Accepted with all references resolved (the grant for search/search included)', () => {
    for (const r of allRoutes(cluster)) {
      for (const s of routeStatus(cluster, r)) {
        expect([r.name, s.accepted.status, s.resolvedRefs.status]).toEqual([r.name, 'True', 'True']);
      }
    }
  });

  test.each([
    ['http://shop.example.com/', {}, 'home', ['shop/home 100%']],
    ['http://shop.example.com/api/items', { method: 'GET' }, 'api-read', ['shop/api 100%']],
    ['http://shop.example.com/api/items', { method: 'POST' }, 'api-write', ['shop/api-write 100%']],
    ['http://shop.example.com/api/items', { method: 'DELETE' }, 'home', ['shop/home 100%']],
    ['http://shop.example.com/api/health', { method: 'GET' }, 'exact', ['shop/home 100%']],
    ['http://shop.example.com/api/items?version=1', { method: 'PUT' }, 'v1', ['shop/legacy 100%']],
    ['http://shop.example.com/search?q=x', {}, 'search', ['search/search 75%', 'shop/home 25%']],
  ])('%s %j -> rule %s', (url, opts, rule, backends) => {
    const a = route(cluster, url, opts);
    expect([a.status, a.rule, a.backends]).toEqual([200, rule, backends]);
  });

  test('URLRewrite and RequestHeaderModifier change what the backend receives', () => {
    const a = route(cluster, 'http://shop.example.com/docs/v2/guide', { headers: { cookie: 'x' } });
    expect(a.rule).toBe('docs');
    expect(a.filters?.forwarded.host).toBe('docs.internal');
    expect(a.filters?.forwarded.path).toBe('/guide');
    expect(a.filters?.forwarded.headers['x-docs']).toBe('2');
    expect(a.filters?.forwarded.headers.cookie).toBeUndefined();
  });

  test('RequestRedirect answers with the status and location the filter says', () => {
    const a = route(cluster, 'http://shop.example.com/old/page');
    expect([a.status, a.filters?.redirect]).toEqual([308, { statusCode: 308, location: 'http://shop.example.com/new/page' }]);
  });
});

describe('GRPCRoute constructs, routed by the engine', () => {
  test('method matches pick the backend', () => {
    const { app, charts } = appWith('rpc');
    const gw = new Gateway(charts.rpc, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'grpc', port: 50051 })] });
    const [greeter, other] = ['greeter', 'other'].map(n => svc(charts.rpc, n, 50051));
    new GrpcRoute(charts.rpc, 'r', {
      parents: [gw],
      rules: [
        { matches: [{ method: GrpcMethodMatch.exact('helloworld.Greeter', 'SayHello') }], backends: [Backend.service(greeter, 50051)] },
        { backends: [Backend.service(other, 50051)] },
      ],
    });
    const cluster = clusterOf(app);
    const target = (path: string) => routeThroughGateways(cluster, parseRequest(`http://rpc.example.com:50051${path}`, { grpc: true, method: 'POST' }))[0].backends.map(b => b.target);
    expect(target('/helloworld.Greeter/SayHello')).toEqual(['rpc/greeter']);
    expect(target('/helloworld.Greeter/SayGoodbye')).toEqual(['rpc/other']);
  });
});

describe('Ingress constructs, routed by the engine', () => {
  const { app, charts } = appWith('shop');
  const [home, api, health, wild, fallback] = ['home', 'api', 'health', 'wild', 'fallback'].map(n => svc(charts.shop, n));
  new Ingress(charts.shop, 'ing', {
    ingressClassName: 'nginx',
    defaultBackend: IngressBackend.service(fallback, 80),
    rules: [
      {
        host: 'shop.example.com',
        paths: [
          { path: '/', backend: IngressBackend.service(home, 80) },
          { path: '/api', pathType: IngressPathType.PREFIX, backend: IngressBackend.service(api, 80) },
          { path: '/api/health', pathType: IngressPathType.EXACT, backend: IngressBackend.service(health, 80) },
        ],
      },
      { host: '*.example.com', paths: [{ path: '/', backend: IngressBackend.service(wild, 80) }] },
    ],
  });
  const cluster = clusterOf(app);
  test.each([
    ['http://shop.example.com/', 'home'],
    ['http://shop.example.com/api', 'api'],
    ['http://shop.example.com/api/items', 'api'],
    ['http://shop.example.com/apix', 'home'],
    ['http://shop.example.com/api/health', 'health'],
    ['http://shop.example.com/api/health/x', 'api'],
    ['http://blog.example.com/', 'wild'],
    ['http://a.blog.example.com/', 'fallback'],
    ['http://example.org/', 'fallback'],
  ])('%s -> %s', (url, service) => {
    const [a] = routeThroughIngresses(cluster, parseRequest(url), { ingressClass: 'nginx' });
    expect([a.status, a.backend?.service?.name]).toEqual([200, service]);
  });
});

describe('the attachment check agrees with the engine\'s route status', () => {
  test('a route the constructs reject is one the engine does not accept, for the same reason', () => {
    const { app, charts } = appWith('infra', 'shop');
    const gw = new Gateway(charts.infra, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })] });
    new HttpRoute(charts.shop, 'r', { name: 'r', parents: [gw], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    expect(() => app.synthYaml()).toThrow(/listener "web" allows routes only from its own namespace "infra", not from "shop"/);
    // The same objects, unvalidated, through the engine.
    const objects = app.node.findAll().filter(ApiObject.isApiObject).map(o => o.toJson());
    const cluster = buildCluster(objects.map((object, index) => ({ object, source: { file: 'app', index } })));
    const [status] = routeStatus(cluster, allRoutes(cluster)[0]);
    expect([status.accepted.status, status.accepted.reason]).toEqual(['False', 'NotAllowedByListeners']);
  });
});
