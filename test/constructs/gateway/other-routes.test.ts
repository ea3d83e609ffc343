import { appWith, objectsOf, synthError } from './synth';
import {
  AllowedRoutes, Backend, Gateway, GatewayApiVersion, GrpcMethodMatch, GrpcRoute, HeaderMatch, Listener, ReferenceGrant, RouteFilter,
  TcpRoute, TlsRoute, UdpRoute,
} from '../../../src';

describe('GrpcRoute', () => {
  test('renders method and header matches, filters and weighted backends', () => {
    const { app, charts } = appWith('shop');
    const gw = new Gateway(charts.shop, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'grpc', port: 50051 })] });
    new GrpcRoute(charts.shop, 'r', {
      name: 'greeter',
      parents: [gw],
      hostnames: ['grpc.example.com'],
      rules: [{
        name: 'say-hello',
        matches: [{ method: GrpcMethodMatch.exact('helloworld.Greeter', 'SayHello'), headers: [HeaderMatch.exact('env', 'canary')] }],
        filters: [RouteFilter.requestHeaderModifier({ set: { 'x-route': 'grpc' } })],
        backends: [Backend.fromName('greeter-v1', 50051, { weight: 3 }), Backend.fromName('greeter-v2', 50051, { weight: 1 })],
      }],
    });
    expect(objectsOf(app).find((o: any) => o.kind === 'GRPCRoute')).toMatchSnapshot();
  });

  test('no rules is accepted: GRPCRoute spec.rules has no minItems (the API server takes an empty list)', () => {
    const { app, charts } = appWith('shop');
    new GrpcRoute(charts.shop, 'r', { rules: [] });
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('HTTP-only filters and invalid method names are errors', () => {
    const { app, charts } = appWith('shop');
    new GrpcRoute(charts.shop, 'r', {
      rules: [{
        matches: [{ method: GrpcMethodMatch.exact('hello world') }, { method: GrpcMethodMatch.exact() }],
        filters: [RouteFilter.urlRewrite({ hostname: 'x.example.com' })],
        backends: [Backend.fromName('greeter', 50051)],
      }],
    });
    const err = synthError(app);
    expect(err).toContain('shop/r: spec.rules[0].matches[0].method.service: invalid gRPC service "hello world"');
    expect(err).toContain("shop/r: spec.rules[0].matches[1].method: One or both of 'service' or 'method' must be specified");
    expect(err).toContain('shop/r: spec.rules[0].filters[0].type: filter type URLRewrite is not supported here');
  });
});

describe('TLS, TCP and UDP routes', () => {
  test('attach to their listeners and render weighted backends', () => {
    const { app, charts } = appWith('infra');
    const gw = new Gateway(charts.infra, 'gw', {
      name: 'gw',
      gatewayClassName: 'envoy',
      listeners: [
        Listener.tlsPassthrough({ name: 'tls', hostname: '*.example.com' }),
        Listener.tcp({ name: 'pg', port: 5432 }),
        Listener.udp({ name: 'dns', port: 53, allowedRoutes: AllowedRoutes.sameNamespace() }),
      ],
    });
    new TlsRoute(charts.infra, 'tls', { name: 'db', parents: [gw], hostnames: ['db.example.com'], rules: [{ backends: [Backend.fromName('db', 5432)] }] });
    new TcpRoute(charts.infra, 'tcp', { name: 'pg', parents: [gw], rules: [{ name: 'split', backends: [Backend.fromName('pg-a', 5432, { weight: 1 }), Backend.fromName('pg-b', 5432, { weight: 1 })] }] });
    new UdpRoute(charts.infra, 'udp', { name: 'dns', parents: [gw], apiVersion: GatewayApiVersion.V1ALPHA2, rules: [{ backends: [Backend.fromName('coredns', 53)] }] });
    const objs = objectsOf(app);
    expect(objs.map((o: any) => `${o.apiVersion} ${o.kind}`)).toEqual([
      'gateway.networking.k8s.io/v1 Gateway', 'gateway.networking.k8s.io/v1 TLSRoute', 'gateway.networking.k8s.io/v1 TCPRoute', 'gateway.networking.k8s.io/v1alpha2 UDPRoute',
    ]);
    expect(objs[2].spec).toEqual({ parentRefs: [{ name: 'gw' }], rules: [{ name: 'split', backendRefs: [{ name: 'pg-a', port: 5432, weight: 1 }, { name: 'pg-b', port: 5432, weight: 1 }] }] });
  });

  test('a rule without backends, backend filters and unserved versions are errors', () => {
    const { app, charts } = appWith('infra');
    new TcpRoute(charts.infra, 'tcp', { rules: [{ backends: [] }, { backends: [Backend.fromName('x', 1, { filters: [RouteFilter.requestHeaderModifier({ set: { a: 'b' } })] })] }] });
    const err = synthError(app);
    expect(err).toContain('infra/tcp: spec.rules[0].backendRefs: at least one backend is required');
    expect(err).toContain('infra/tcp: spec.rules[1].backendRefs[0].filters: TCPRoute backends take no filters');
    expect(() => new TlsRoute(charts.infra, 'tls', { apiVersion: GatewayApiVersion.V1BETA1 })).toThrow('infra/tls: apiVersion: TLSRoute is not served at gateway.networking.k8s.io/v1beta1');
  });
});

describe('v1 and v1alpha2 bounds of the L4 routes', () => {
  test('v1 takes one rule, v1alpha2 up to 16; a v1 TLSRoute needs a hostname', () => {
    const { app, charts } = appWith('infra');
    const two = [{ backends: [Backend.fromName('a', 1)] }, { backends: [Backend.fromName('b', 1)] }];
    new TcpRoute(charts.infra, 'v1', { rules: two });
    new TcpRoute(charts.infra, 'alpha', { apiVersion: GatewayApiVersion.V1ALPHA2, rules: two });
    new TlsRoute(charts.infra, 'tls', { rules: [{ backends: [Backend.fromName('a', 443)] }] });
    new TlsRoute(charts.infra, 'tls-alpha', { apiVersion: GatewayApiVersion.V1ALPHA2, rules: [{ backends: [Backend.fromName('a', 443)] }] });
    const err = synthError(app);
    expect(err).toContain('infra/v1: spec.rules: at most 1 items are allowed (got 2)');
    expect(err).toContain('infra/tls: spec.hostnames: at least one hostname is required');
    expect(err).not.toContain('infra/alpha');
    expect(err).not.toContain('infra/tls-alpha');
  });
});

describe('ReferenceGrant', () => {
  test('renders sorted from/to and validates namespaces', () => {
    const { app, charts } = appWith('payments');
    const g = new ReferenceGrant(charts.payments, 'grant', {
      name: 'allow-shop', from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service', name: 'pay' }],
    });
    g.addFrom({ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'mobile' });
    g.addTo({ group: '', kind: 'Service' });
    expect(objectsOf(app)[0].spec).toEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'mobile' }, { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }],
      to: [{ group: '', kind: 'Service' }, { group: '', kind: 'Service', name: 'pay' }],
    });
    g.addFrom({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'Bad_NS' });
    expect(synthError(app)).toContain('payments/grant: spec.from[0].namespace: invalid namespace "Bad_NS"');
  });
});
