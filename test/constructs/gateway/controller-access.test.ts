import * as kplus from 'cdk8s-plus-28';
import { appWith, objectsOf, synthError } from './synth';
import {
  AllowedRoutes, Backend, Gateway, HttpRoute, Ingress, IngressBackend, IngressClass, Listener, NamespaceIsolation, ParentRef, RouteKind, Service,
  Protocol, ServiceSelector, TcpRoute, UdpRoute,
} from '../../../src';

const policies = (app: any) => objectsOf(app).filter((o: any) => o.kind === 'NetworkPolicy' && o.metadata.name.endsWith('-connections'));

function backends(chart: any) {
  return new Service(chart, 'api', { name: 'api', selector: ServiceSelector.pods({ app: 'api' }), ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
}

describe('controllers are admitted to backends in isolated namespaces', () => {
  test('a Gateway route adds an ingress rule from the controller pods on the target port', () => {
    const { app, charts } = appWith('infra', 'shop');
    new NamespaceIsolation(charts.shop, 'iso');
    const api = backends(charts.shop);
    const gw = new Gateway(charts.infra, 'gw', {
      name: 'gw',
      gatewayClassName: 'envoy',
      listeners: [Listener.http({ name: 'web', allowedRoutes: AllowedRoutes.allNamespaces() })],
      controller: { namespace: 'envoy-gateway-system', podLabels: { 'app.kubernetes.io/component': 'proxy' } },
    });
    new HttpRoute(charts.shop, 'r', { parents: [gw], rules: [{ backends: [Backend.service(api, 80)] }] });
    expect(policies(app).map((p: any) => p.spec)).toEqual([{
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' } }, podSelector: { matchLabels: { 'app.kubernetes.io/component': 'proxy' } } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      }],
    }]);
  });

  test('a parent added after the backend still admits its controller; the Gateway namespace is the default location', () => {
    const { app, charts } = appWith('shop');
    new NamespaceIsolation(charts.shop, 'iso');
    const api = backends(charts.shop);
    const gw = new Gateway(charts.shop, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })] });
    const r = new HttpRoute(charts.shop, 'r', { rules: [{ backends: [Backend.service(api, 80)] }] });
    r.addParent(ParentRef.gateway(gw));
    // Same namespace as the backend: every pod of it.
    expect(policies(app)[0].spec.ingress[0].from).toEqual([{ podSelector: {} }]);
  });

  test('a UDPRoute backend is admitted on UDP, the protocol of its Service port', () => {
    const { app, charts } = appWith('shop');
    new NamespaceIsolation(charts.shop, 'iso');
    const game = new Service(charts.shop, 'game', {
      name: 'game', selector: ServiceSelector.pods({ app: 'game' }), ports: [{ name: 'game', port: 7777, protocol: Protocol.UDP }],
    });
    const gw = new Gateway(charts.shop, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.udp({ name: 'game', port: 7777 })] });
    new UdpRoute(charts.shop, 'udp', { parentRefs: [ParentRef.gateway(gw, { sectionName: 'game' })], rules: [{ backends: [Backend.service(game, 7777)] }] });
    expect(policies(app)[0].spec.ingress).toEqual([{ from: [{ podSelector: {} }], ports: [{ port: 7777, protocol: 'UDP' }] }]);
  });

  test('an Ingress admits its class controller, by Service port name too', () => {
    const { app, charts } = appWith('shop');
    new NamespaceIsolation(charts.shop, 'iso');
    const api = backends(charts.shop);
    const cls = new IngressClass(charts.shop, 'nginx', { controller: 'k8s.io/ingress-nginx', controllerLocation: { namespace: 'ingress-nginx' } });
    new Ingress(charts.shop, 'ing', { ingressClass: cls, defaultBackend: IngressBackend.serviceNamedPort(api, 'http') });
    expect(policies(app)[0].spec.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
  });

  test('cdk8s-plus-28 Services are admitted on their pods\' port', () => {
    const { app, charts } = appWith('shop');
    new NamespaceIsolation(charts.shop, 'iso');
    const dep = new kplus.Deployment(charts.shop, 'api', { containers: [{ image: 'api', ports: [{ number: 9090 }] }] });
    const api = dep.exposeViaService({ name: 'api', ports: [{ port: 80, targetPort: 9090 }] });
    const gw = new Gateway(charts.shop, 'gw', { gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })], controller: { namespace: 'gw-system' } });
    new HttpRoute(charts.shop, 'r', { parents: [gw], rules: [{ backends: [Backend.service(api, 80)] }] });
    const [policy] = policies(app);
    expect(policy.spec.podSelector).toEqual({ matchLabels: dep.matchLabels });
    expect(policy.spec.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gw-system' } } }], ports: [{ port: 9090, protocol: 'TCP' }] }]);
  });

  test('an isolated controller namespace gets an egress policy from the controller pods to the backend pods', () => {
    const { app, charts } = appWith('gw-system', 'shop');
    new NamespaceIsolation(charts['gw-system'], 'iso');
    const api = backends(charts.shop);
    const gw = new Gateway(charts.shop, 'gw', {
      gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })], controller: { namespace: 'gw-system', podLabels: { app: 'proxy' } },
    });
    new HttpRoute(charts.shop, 'r', { parents: [gw], rules: [{ backends: [Backend.service(api, 80)] }] });
    const egress = objectsOf(app).filter((o: any) => o.kind === 'NetworkPolicy' && o.metadata.name === 'controller-egress');
    expect(egress.map((p: any) => [p.metadata.namespace, p.spec])).toEqual([['gw-system', {
      podSelector: { matchLabels: { app: 'proxy' } },
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'api' } } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      }],
    }]]);
    expect(policies(app)).toEqual([]); // shop is not isolated: no ingress rule needed
  });

  test('an Ingress naming its class by name, or naming none, uses the app\'s class (or default class) location', () => {
    const { app, charts } = appWith('shop');
    new NamespaceIsolation(charts.shop, 'iso');
    const api = backends(charts.shop);
    new IngressClass(charts.shop, 'nginx', { name: 'nginx', controller: 'k8s.io/ingress-nginx', controllerLocation: { namespace: 'ingress-nginx' } });
    new IngressClass(charts.shop, 'traefik', { name: 'traefik', controller: 'traefik.io/ingress-controller', isDefault: true, controllerLocation: { namespace: 'traefik' } });
    new Ingress(charts.shop, 'named', { ingressClassName: 'nginx', defaultBackend: IngressBackend.service(api, 80) });
    new Ingress(charts.shop, 'default', { defaultBackend: IngressBackend.service(api, 80) });
    const from = policies(app)[0].spec.ingress.map((r: any) => r.from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name']);
    expect(from).toEqual(['ingress-nginx', 'traefik']);
  });

  test('no isolation, or no known controller location: no policy', () => {
    const { app, charts } = appWith('shop');
    const api = backends(charts.shop);
    const gw = new Gateway(charts.shop, 'gw', { gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })] });
    new HttpRoute(charts.shop, 'r', { parents: [gw], rules: [{ backends: [Backend.service(api, 80)] }] });
    new Ingress(charts.shop, 'ing', { defaultBackend: IngressBackend.service(api, 80) });
    expect(policies(app)).toEqual([]);
  });

  test('an isolation declared after the route is a synth error saying to declare it first', () => {
    const { app, charts } = appWith('shop');
    const api = backends(charts.shop);
    const gw = new Gateway(charts.shop, 'gw', { gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })] });
    new HttpRoute(charts.shop, 'r', { parents: [gw], rules: [{ backends: [Backend.service(api, 80)] }] });
    new NamespaceIsolation(charts.shop, 'iso');
    expect(synthError(app)).toContain('shop/r: spec.rules: namespace "shop" is isolated by a NamespaceIsolation declared after this object exposed Service shop/api');
  });

  // Gateway API Listener.allowedRoutes.kinds: a kind the protocol cannot carry is not a rejection (the API server
  // accepts it); the listener reports ResolvedRefs=False with reason InvalidRouteKinds.
  test('listener kinds a protocol cannot carry are accepted; a terminating TLS listener carries TCPRoutes', () => {
    const { app, charts } = appWith('shop');
    const gw = new Gateway(charts.shop, 'gw', {
      gatewayClassName: 'envoy',
      listeners: [
        Listener.http({ name: 'web', allowedRoutes: AllowedRoutes.sameNamespace([RouteKind.HTTP_ROUTE, RouteKind.TCP_ROUTE]) }),
        Listener.tlsTerminate({ name: 'tls', certificateRefs: [{ name: 'cert' }] }),
      ],
    });
    new TcpRoute(charts.shop, 'tcp', { parentRefs: [ParentRef.gateway(gw, { sectionName: 'tls' })], rules: [{ backends: [Backend.fromName('db', 5432)] }] });
    expect(() => app.synthYaml()).not.toThrow();
  });
});
