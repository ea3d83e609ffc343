import { ApiObject } from 'cdk8s';
import { appWith, objectsOf, synthError } from './synth';
import {
  AllowedRoutes, Backend, Gateway, GrpcRoute, HttpRoute, Listener, Match, ParentRef, RouteFilter, RouteKind, Service, ServiceSelector, TcpRoute,
} from '../../../src';

const grants = (app: any) => objectsOf(app).filter((o: any) => o.kind === 'ReferenceGrant');

describe('cross-namespace backends get their ReferenceGrant', () => {
  function setup() {
    const { app, charts } = appWith('infra', 'shop', 'payments');
    const gw = new Gateway(charts.infra, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web', allowedRoutes: AllowedRoutes.allNamespaces() })] });
    const web = new Service(charts.shop, 'web', { name: 'web', selector: ServiceSelector.pods({ app: 'web' }), ports: [{ port: 80 }] });
    const pay = new Service(charts.payments, 'pay', { name: 'pay', selector: ServiceSelector.pods({ app: 'pay' }), ports: [{ port: 8080 }] });
    const audit = new Service(charts.payments, 'audit', { name: 'audit', selector: ServiceSelector.pods({ app: 'audit' }), ports: [{ port: 9000 }] });
    return { app, charts, gw, web, pay, audit };
  }

  test('one grant per target namespace and referring namespace/kind, listing each target', () => {
    const { app, charts, gw, web, pay, audit } = setup();
    new HttpRoute(charts.shop, 'a', {
      parents: [gw],
      rules: [
        { matches: [Match.pathPrefix('/pay')], backends: [Backend.service(pay, 8080)], filters: [RouteFilter.requestMirror(Backend.service(audit, 9000))] },
        { backends: [Backend.service(web, 80)] },
      ],
    });
    new HttpRoute(charts.shop, 'b', { parents: [gw], rules: [{ backends: [Backend.service(pay, 8080)] }] });
    new GrpcRoute(charts.shop, 'c', { parents: [gw], rules: [{ backends: [Backend.service(pay, 8080)] }] });
    const out = grants(app);
    expect(out).toEqual([
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'ReferenceGrant',
        metadata: { name: 'from-shop-httproute', namespace: 'payments' },
        spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service', name: 'audit' }, { group: '', kind: 'Service', name: 'pay' }] },
      },
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'ReferenceGrant',
        metadata: { name: 'from-shop-grpcroute', namespace: 'payments' },
        spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service', name: 'pay' }] },
      },
    ]);
    const route = objectsOf(app).find((o: any) => o.kind === 'HTTPRoute');
    expect(route.spec.parentRefs).toEqual([{ name: 'gw', namespace: 'infra' }]);
    expect(route.spec.rules[0].backendRefs).toEqual([{ name: 'pay', namespace: 'payments', port: 8080 }]);
  });

  test('backends given by name in another namespace are granted too; same-namespace ones are not', () => {
    const { app, charts, gw } = setup();
    new HttpRoute(charts.shop, 'a', { parents: [gw], rules: [{ backends: [Backend.fromName('legacy', 80, { namespace: 'old' }), Backend.fromName('web', 80)] }] });
    expect(grants(app).map((g: any) => [g.metadata.namespace, g.spec.to])).toEqual([['old', [{ group: '', kind: 'Service', name: 'legacy' }]]]);
  });
});

describe('attachment to Gateways of the app is checked at synth time', () => {
  test('a listener that allows only its own namespace rejects a route from another, naming both', () => {
    const { app, charts } = appWith('infra', 'shop');
    const gw = new Gateway(charts.infra, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })] });
    new HttpRoute(charts.shop, 'route', { name: 'web', parents: [gw], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    expect(synthError(app)).toContain('shop/route: spec.parentRefs[0]: HTTPRoute shop/web cannot attach to Gateway infra/gw (infra/gw): '
      + 'listener "web" allows routes only from its own namespace "infra", not from "shop"');
  });

  test('a Selector listener admits namespaces whose declared labels match', () => {
    const { app, charts } = appWith('infra', 'shop', 'other');
    new ApiObject(charts.shop, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { gateway: 'public' } } });
    const gw = new Gateway(charts.infra, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web', allowedRoutes: AllowedRoutes.namespacesWithLabels({ gateway: 'public' }) })] });
    new HttpRoute(charts.shop, 'ok', { parents: [gw], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    app.synthYaml();
    new HttpRoute(charts.other, 'nope', { name: 'nope', parents: [gw], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    expect(synthError(app)).toContain('other/nope: spec.parentRefs[0]: HTTPRoute other/nope cannot attach to Gateway infra/gw (infra/gw): listener "web" does not allow routes from namespace "other"');
  });

  test('kinds, hostnames and sectionName are checked', () => {
    const { app, charts } = appWith('infra');
    const gw = new Gateway(charts.infra, 'gw', {
      name: 'gw',
      gatewayClassName: 'envoy',
      listeners: [Listener.http({ name: 'web', hostname: '*.example.com', allowedRoutes: AllowedRoutes.sameNamespace([RouteKind.HTTP_ROUTE]) })],
    });
    new TcpRoute(charts.infra, 'tcp', { name: 'tcp', parents: [gw], rules: [{ backends: [Backend.fromName('db', 5432)] }] });
    new HttpRoute(charts.infra, 'other-host', { name: 'h', parents: [gw], hostnames: ['shop.example.org'], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    new HttpRoute(charts.infra, 'no-section', { parentRefs: [ParentRef.gateway(gw, { sectionName: 'https' })], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    new HttpRoute(charts.infra, 'deep', { parents: [gw], hostnames: ['a.b.example.com'], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    const err = synthError(app);
    expect(err).toContain('infra/tcp: spec.parentRefs[0]: TCPRoute infra/tcp cannot attach to Gateway infra/gw (infra/gw): listener "web" (HTTP) admits only HTTPRoute');
    expect(err).toContain('infra/other-host: spec.parentRefs[0]: HTTPRoute infra/h cannot attach to Gateway infra/gw (infra/gw): listener "web" has hostname "*.example.com", which none of the route\'s hostnames (shop.example.org) intersects');
    expect(err).toContain('infra/no-section: spec.parentRefs[0].sectionName: Gateway infra/gw (infra/gw) has no listener named "https"');
    expect(err).not.toContain('infra/deep');
  });

  test('two references to one Gateway need distinct sectionNames', () => {
    const { app, charts } = appWith('infra');
    const gw = new Gateway(charts.infra, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' }), Listener.http({ name: 'alt', port: 8080 })] });
    new HttpRoute(charts.infra, 'r', { parents: [gw], parentRefs: [ParentRef.gateway(gw, { sectionName: 'alt' })], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    expect(synthError(app)).toContain('infra/r: spec.parentRefs: sectionName or port must be specified when parentRefs includes 2 or more references to infra/gw');
  });

  test('parents outside the app are rendered by name and not checked', () => {
    const { app, charts } = appWith('shop');
    new HttpRoute(charts.shop, 'r', { parentRefs: [ParentRef.named('shared', { namespace: 'infra', sectionName: 'https', port: 443 })], rules: [{ backends: [Backend.fromName('web', 80)] }] });
    expect(objectsOf(app)[0].spec.parentRefs).toEqual([{ name: 'shared', namespace: 'infra', sectionName: 'https', port: 443 }]);
  });
});
