import { App, Chart } from 'cdk8s';
import { appWith, objectsOf } from './gateway/synth';
import {
  Backend, Certificate, EndpointSlices, Gateway, GrpcMatch, GrpcMethodMatch, GrpcRoute, HeaderMatch, HttpRoute, Ingress, IngressBackend,
  IngressPath, IngressPathType, Listener, Match, PathMatch, Protocol, RouteFilter, RedirectScheme, Service, ServiceSelector, ServiceType, TcpRoute,
  TrafficSuppressions,
} from '../../src';

// From Python, a struct inside a list must be a struct instance (a dict there keeps its keys as
// written, and jsii drops the snake_case ones). Each case below is a form that needs no struct
// class: an add method (its struct is the last parameter, so Python passes keyword arguments) or a
// factory. Each renders exactly the YAML of the props form it stands for (README "From Python").

/** The YAML of an app whose charts `build` fills: one chart per namespace, unhashed names. */
function yamlOf(build: (charts: Record<string, Chart>, app: App) => void, ...namespaces: string[]): string {
  const { app, charts } = appWith(...(namespaces.length ? namespaces : ['shop']));
  build(charts, app);
  return app.synthYaml();
}

const web = (chart: Chart, name = 'web') => new Service(chart, name, { name, selector: ServiceSelector.pods({ app: name }), ports: [{ port: 80, targetPort: 8080 }] });

describe('forms without struct classes render the props form', () => {
  test('Service.addPort: the ports of the props, in order (Kubernetes API reference, Service v1: ServiceSpec.ports, ServicePort)', () => {
    const props = yamlOf(({ shop }) => new Service(shop, 'svc', {
      name: 'svc',
      type: ServiceType.NODE_PORT,
      selector: ServiceSelector.pods({ app: 'svc' }),
      ports: [
        { port: 80, name: 'http', targetPortName: 'http', nodePort: 30080, appProtocol: 'http' },
        { port: 53, name: 'dns', targetPort: 5353, protocol: Protocol.UDP },
      ],
    }));
    const added = yamlOf(({ shop }) => {
      const svc = new Service(shop, 'svc', { name: 'svc', type: ServiceType.NODE_PORT, selector: ServiceSelector.pods({ app: 'svc' }) });
      svc.addPort({ port: 80, name: 'http', targetPortName: 'http', nodePort: 30080, appProtocol: 'http' });
      svc.addPort({ port: 53, name: 'dns', targetPort: 5353, protocol: Protocol.UDP });
    });
    expect(added).toBe(props);
    expect(added).toContain('- appProtocol: http\n      name: http\n      nodePort: 30080\n      port: 80\n      targetPort: http\n');
  });

  test('EndpointSlices.addEndpoint: the endpoints of the props, split at maxEndpointsPerSlice (Kubernetes API reference, EndpointSlice v1: endpoints, Endpoint)', () => {
    const endpoints = [
      { addresses: ['10.0.0.1'], ready: true, zone: 'eu-west-1a', nodeName: 'node-a' },
      { addresses: ['10.0.0.2'], ready: false, serving: true, terminating: true },
      { addresses: ['10.0.0.3'], hostname: 'db-2' },
    ];
    const selectorless = (chart: Chart) => new Service(chart, 'db', { name: 'db', ports: [{ port: 5432, name: 'postgres' }] });
    const props = yamlOf(({ shop }) => new EndpointSlices(shop, 'eps', { service: selectorless(shop), maxEndpointsPerSlice: 2, endpoints }));
    const added = yamlOf(({ shop }) => {
      const slices = new EndpointSlices(shop, 'eps', { service: selectorless(shop), maxEndpointsPerSlice: 2 });
      for (const e of endpoints) slices.addEndpoint(e);
    });
    expect(added).toBe(props);
    expect(added.match(/^kind: EndpointSlice$/gm)).toHaveLength(2);
    expect(added).toContain('nodeName: node-a');
  });

  test('IngressPath factories set pathType Prefix, Exact and ImplementationSpecific (Kubernetes API reference, Ingress v1: HTTPIngressPath.pathType)', () => {
    const b = IngressBackend.serviceName('web', 80);
    expect(IngressPath.prefix('/api', b)).toEqual({ path: '/api', pathType: IngressPathType.PREFIX, backend: b });
    expect(IngressPath.exact('/health', b)).toEqual({ path: '/health', pathType: IngressPathType.EXACT, backend: b });
    expect(IngressPath.implementationSpecific('/static', b)).toEqual({ path: '/static', pathType: IngressPathType.IMPLEMENTATION_SPECIFIC, backend: b });
  });

  test('Ingress.addRule with IngressPath, addHostPath and addTls: the rules and tls of the props (Kubernetes API reference, Ingress v1: IngressSpec.rules, IngressSpec.tls)', () => {
    const props = yamlOf(({ shop }) => {
      const api = web(shop, 'api');
      const site = web(shop, 'site');
      new Ingress(shop, 'ing', {
        name: 'shop',
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'shop.example.com',
            paths: [
              { path: '/api', pathType: IngressPathType.PREFIX, backend: IngressBackend.service(api, 80) },
              { path: '/health', pathType: IngressPathType.EXACT, backend: IngressBackend.service(api, 80) },
            ],
          },
          { host: 'blog.example.com', paths: [{ path: '/', backend: IngressBackend.service(site, 80) }] },
        ],
        tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      });
    });
    const added = yamlOf(({ shop }) => {
      const api = web(shop, 'api');
      const site = web(shop, 'site');
      const ing = new Ingress(shop, 'ing', { name: 'shop', ingressClassName: 'nginx' });
      ing.addRule({ host: 'shop.example.com', paths: [IngressPath.prefix('/api', IngressBackend.service(api, 80)), IngressPath.exact('/health', IngressBackend.service(api, 80))] });
      ing.addHostPath('blog.example.com', '/', IngressBackend.service(site, 80));
      ing.addTls({ hosts: ['shop.example.com'], secretName: 'shop-tls' });
    });
    expect(added).toBe(props);
    expect(added).toMatch(/path: \/health\n\s+pathType: Exact\n/);
  });

  test('HttpRoute.addRule: the rules of the props, in order (Gateway API v1 reference, HTTPRouteRule)', () => {
    const rules = (v1: Service, v2: Service) => [
      { filters: [RouteFilter.requestRedirect({ scheme: RedirectScheme.HTTPS, statusCode: 301 })] },
      { name: 'pinned', matches: [Match.header('x-canary', 'always')], backends: [Backend.service(v2, 80)] },
      { name: 'split', matches: [Match.pathPrefix('/')], backends: [Backend.service(v1, 80, { weight: 90 }), Backend.service(v2, 80, { weight: 10 })] },
    ];
    const props = yamlOf(({ shop }) => {
      const [v1, v2] = [web(shop, 'v1'), web(shop, 'v2')];
      new HttpRoute(shop, 'route', { name: 'shop', rules: rules(v1, v2) });
    });
    const added = yamlOf(({ shop }) => {
      const [v1, v2] = [web(shop, 'v1'), web(shop, 'v2')];
      const route = new HttpRoute(shop, 'route', { name: 'shop' });
      for (const r of rules(v1, v2)) route.addRule(r);
    });
    expect(added).toBe(props);
  });

  test('GrpcMatch factories: an exact method, every method of a service, an exact metadata header (Gateway API v1 reference, GRPCRouteMatch, GRPCMethodMatch, GRPCHeaderMatch)', () => {
    expect(GrpcMatch.method('store.Catalog', 'List')).toEqual({ method: GrpcMethodMatch.exact('store.Catalog', 'List') });
    expect(GrpcMatch.allMethods('store.Catalog')).toEqual({ method: GrpcMethodMatch.exact('store.Catalog') });
    expect(GrpcMatch.header('x-tenant', 'a')).toEqual({ headers: [HeaderMatch.exact('x-tenant', 'a')] });

    const props = yamlOf(({ shop }) => new GrpcRoute(shop, 'route', {
      name: 'catalog',
      rules: [{
        matches: [{ method: GrpcMethodMatch.exact('store.Catalog') }, { method: GrpcMethodMatch.exact('store.Cart', 'Add') }, { headers: [HeaderMatch.exact('x-tenant', 'a')] }],
        backends: [Backend.fromName('catalog', 80)],
      }],
    }));
    const { app, charts } = appWith('shop');
    new GrpcRoute(charts.shop, 'route', { name: 'catalog' }).addRule({
      matches: [GrpcMatch.allMethods('store.Catalog'), GrpcMatch.method('store.Cart', 'Add'), GrpcMatch.header('x-tenant', 'a')],
      backends: [Backend.fromName('catalog', 80)],
    });
    expect(app.synthYaml()).toBe(props);
    expect(objectsOf(app)[0].spec.rules[0].matches).toEqual([
      { method: { type: 'Exact', service: 'store.Catalog' } },
      { method: { type: 'Exact', service: 'store.Cart', method: 'Add' } },
      { headers: [{ type: 'Exact', name: 'x-tenant', value: 'a' }] },
    ]);
  });

  test('Match.allOf and GrpcMatch.allOf: one match whose conditions must all hold, as the struct literal (Gateway API v1 reference, HTTPRouteMatch and GRPCRouteMatch: "all conditions must be satisfied")', () => {
    const headers = [HeaderMatch.exact('x-canary', 'always')];
    const http = Match.allOf({ path: PathMatch.prefix('/'), headers });
    expect(http).toEqual({ path: PathMatch.prefix('/'), headers: [HeaderMatch.exact('x-canary', 'always')] });
    headers.push(HeaderMatch.exact('x-later', 'added'));
    expect(http.headers).toHaveLength(1); // the conditions are copied when the match is made
    const literal = yamlOf(({ shop }) => new HttpRoute(shop, 'route', {
      name: 'canary',
      rules: [{ matches: [{ path: PathMatch.prefix('/'), headers: [HeaderMatch.exact('x-canary', 'always')] }], backends: [Backend.fromName('v2', 80)] }],
    }));
    const factory = yamlOf(({ shop }) => new HttpRoute(shop, 'route', {
      name: 'canary',
      rules: [{ matches: [Match.allOf({ path: PathMatch.prefix('/'), headers: [HeaderMatch.exact('x-canary', 'always')] })], backends: [Backend.fromName('v2', 80)] }],
    }));
    expect(factory).toBe(literal);
    expect(GrpcMatch.allOf({ method: GrpcMethodMatch.exact('store.Catalog'), headers: [HeaderMatch.exact('x-tenant', 'a')] }))
      .toEqual({ method: GrpcMethodMatch.exact('store.Catalog'), headers: [HeaderMatch.exact('x-tenant', 'a')] });
  });

  test('TcpRoute.addRule: the rule of the props (Gateway API reference, TCPRouteRule)', () => {
    const props = yamlOf(({ shop }) => {
      const db = web(shop, 'db');
      new TcpRoute(shop, 'route', { name: 'db', rules: [{ backends: [Backend.service(db, 80, { weight: 80 })] }] });
    });
    const added = yamlOf(({ shop }) => {
      const db = web(shop, 'db');
      new TcpRoute(shop, 'route', { name: 'db' }).addRule({ backends: [Backend.service(db, 80, { weight: 80 })] });
    });
    expect(added).toBe(props);
  });

  test('Certificate.secret: a Secret in the Gateway\'s namespace, or in another one with its ReferenceGrant (Gateway API v1 reference, GatewayTLSConfig.certificateRefs, SecretObjectReference)', () => {
    expect(Certificate.secret('shop-tls')).toEqual({ name: 'shop-tls' });
    expect(Certificate.secret('shared-tls', 'certs')).toEqual({ name: 'shared-tls', namespace: 'certs' });
    const gateway = (edge: Chart, refs: Array<{ name: string; namespace?: string }>) => new Gateway(edge, 'gw', {
      name: 'edge',
      gatewayClassName: 'envoy',
      listeners: [Listener.https({ name: 'https', hostname: 'shop.example.com', certificateRefs: refs })],
    });
    const props = yamlOf(({ edge }) => gateway(edge, [{ name: 'shop-tls' }, { name: 'shared-tls', namespace: 'certs' }]), 'edge', 'certs');
    const made = yamlOf(({ edge }) => gateway(edge, [Certificate.secret('shop-tls'), Certificate.secret('shared-tls', 'certs')]), 'edge', 'certs');
    expect(made).toBe(props);
    expect(made).toContain('kind: ReferenceGrant');
  });

  test('TrafficSuppressions.addSuppression: the suppression addSuppressions records (docs/validation.md "Suppressions")', () => {
    const one = appWith('shop');
    TrafficSuppressions.addSuppression(web(one.charts.shop), 'TRF-SVC-004', 'public by design');
    const list = appWith('shop');
    TrafficSuppressions.addSuppressions(web(list.charts.shop), [{ id: 'TRF-SVC-004', reason: 'public by design' }]);
    expect(TrafficSuppressions._collect(one.app)).toEqual(TrafficSuppressions._collect(list.app));
    expect(TrafficSuppressions._collect(one.app)).toEqual([{ ruleId: 'TRF-SVC-004', reason: 'public by design', scope: 'shop/web' }]);
    expect(() => TrafficSuppressions.addSuppression(one.charts.shop, 'TRF-SVC-004', '')).toThrow('a reason is required');
  });
});
