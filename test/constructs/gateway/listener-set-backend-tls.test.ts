import { appWith, objectsOf, synthError } from './synth';
import {
  AllowedListeners, AllowedRoutes, Backend, BackendTlsPolicy, Gateway, HttpRoute, Listener, ListenerSet, ParentRef, Service, ServiceSelector,
} from '../../../src';
import { listenerSetStatus } from '../../../src/engine/l7/gateway/listener-status';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { parseRequest } from '../../../src/engine/l7/request';
import { buildCluster } from '../../../src/model';

const clusterOfApp = (app: any) => buildCluster(objectsOf(app).map((object: any, index: number) => ({ object, source: { file: 'app', index } })));

// Gateway API v1.6.1 ListenerSet and GatewaySpec.allowedListeners.
describe('ListenerSet construct', () => {
  function setup(allowed?: AllowedListeners) {
    const { app, charts } = appWith('infra', 'shop');
    const gw = new Gateway(charts.infra, 'gw', {
      name: 'gw',
      gatewayClassName: 'envoy',
      allowedListeners: allowed,
      listeners: [Listener.http({ name: 'web', hostname: 'www.example.com', allowedRoutes: AllowedRoutes.allNamespaces() })],
    });
    const set = new ListenerSet(charts.shop, 'set', { name: 'shop', parent: gw, listeners: [Listener.http({ name: 'shop', hostname: 'shop.example.com' })] });
    const web = new Service(charts.shop, 'web', { name: 'web', selector: ServiceSelector.pods({ app: 'web' }), ports: [{ port: 80 }] });
    new HttpRoute(charts.shop, 'route', { name: 'shop', parentRefs: [ParentRef.listenerSet(set, { sectionName: 'shop' })], rules: [{ backends: [Backend.service(web, 80)] }] });
    return { app, gw, set };
  }

  test('renders the parentRef, the listeners and the Gateway allowedListeners; the engine routes through it', () => {
    const { app } = setup(AllowedListeners.namespacesWithLabels({ 'kubernetes.io/metadata.name': 'shop' }));
    const objs = objectsOf(app);
    expect(objs.find((o: any) => o.kind === 'Gateway').spec.allowedListeners).toEqual({ namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } } });
    const ls = objs.find((o: any) => o.kind === 'ListenerSet');
    expect(ls.spec).toEqual({
      parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', namespace: 'infra' },
      listeners: [{ name: 'shop', hostname: 'shop.example.com', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }],
    });
    expect(objs.find((o: any) => o.kind === 'HTTPRoute').spec.parentRefs).toEqual([{ kind: 'ListenerSet', name: 'shop', sectionName: 'shop' }]);
    const [a] = routeThroughGateways(clusterOfApp(app), parseRequest('http://shop.example.com/'));
    expect([a.listener, a.status, a.winner?.route]).toEqual(['shop/shop/shop', 200, 'shop/shop']);
  });

  test('a Gateway without allowedListeners admits no ListenerSet (NotAllowed)', () => {
    const { app } = setup();
    const c = clusterOfApp(app);
    expect(listenerSetStatus(c, c.listenerSets[0]).accepted.reason).toBe('NotAllowed');
  });

  test('listeners identical in port, protocol and hostname fail synthesis as the API server would', () => {
    const { app, set } = setup(AllowedListeners.allNamespaces());
    set.addListener(Listener.http({ name: 'again', hostname: 'shop.example.com' }));
    expect(synthError(app)).toContain('shop/set: spec.listeners[1]: combination of port 80, protocol HTTP and hostname "shop.example.com" is not unique');
  });
});

// Gateway API v1.6.1 BackendTLSPolicy.
describe('BackendTlsPolicy construct', () => {
  test('renders targets, CA ConfigMaps and hostname; the engine shows the TLS hop', () => {
    const { app, charts } = appWith('shop');
    const gw = new Gateway(charts.shop, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })] });
    const api = new Service(charts.shop, 'api', { name: 'api', selector: ServiceSelector.pods({ app: 'api' }), ports: [{ name: 'https', port: 443 }] });
    new HttpRoute(charts.shop, 'route', { parents: [gw], rules: [{ backends: [Backend.service(api, 443)] }] });
    new BackendTlsPolicy(charts.shop, 'tls', { name: 'api-tls', targets: [{ service: api, portName: 'https' }], hostname: 'api.shop.internal', caCertificateConfigMaps: ['api-ca'] });
    const policy = objectsOf(app).find((o: any) => o.kind === 'BackendTLSPolicy');
    expect(policy.spec).toEqual({
      targetRefs: [{ group: '', kind: 'Service', name: 'api', sectionName: 'https' }],
      validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'api-ca' }], hostname: 'api.shop.internal' },
    });
    const [a] = routeThroughGateways(clusterOfApp(app), parseRequest('http://x/'));
    expect(a.backends[0].tls).toEqual({ policy: 'shop/api-tls', hostname: 'api.shop.internal', validation: 'CA ConfigMap shop/api-ca' });
  });

  test('both CA sources fail synthesis with the API server message', () => {
    const { app, charts } = appWith('shop');
    const api = new Service(charts.shop, 'api', { name: 'api', selector: ServiceSelector.pods({ app: 'api' }), ports: [{ port: 443 }] });
    new BackendTlsPolicy(charts.shop, 'tls', { targets: [{ service: api }], hostname: 'a.b', caCertificateConfigMaps: ['ca'], wellKnownCaCertificates: 'System' });
    expect(synthError(app)).toContain('shop/tls: spec.validation: must not contain both CACertificateRefs and WellKnownCACertificates');
  });
});
