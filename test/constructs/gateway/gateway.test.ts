import { ApiObject } from 'cdk8s';
import { appWith, objectsOf, synthError } from './synth';
import {
  AllowedRoutes, Gateway, GatewayAddressType, GatewayApiVersion, GatewayClass, Listener, NamespaceLabelOperator, RouteKind, TlsMode,
} from '../../../src';
import { buildCluster } from '../../../src/model';

describe('Gateway', () => {
  test('renders listeners with default ports, TLS, allowedRoutes, addresses and infrastructure', () => {
    const { app, charts } = appWith('infra');
    new Gateway(charts.infra, 'gw', {
      name: 'edge',
      gatewayClassName: 'envoy',
      listeners: [
        Listener.http({ name: 'http' }),
        Listener.https({ name: 'https', hostname: '*.example.com', certificateRefs: [{ name: 'wildcard-tls' }], allowedRoutes: AllowedRoutes.allNamespaces() }),
        Listener.tlsPassthrough({ name: 'db-tls', port: 8443, hostname: 'db.example.com' }),
        Listener.tcp({ name: 'redis', port: 6379, allowedRoutes: AllowedRoutes.namespacesWithLabels({ team: 'cache' }, [RouteKind.TCP_ROUTE], [{ key: 'env', operator: NamespaceLabelOperator.IN, values: ['prod'] }]) }),
        Listener.udp({ name: 'dns', port: 53 }),
      ],
      addresses: [{ value: '203.0.113.10' }, { type: GatewayAddressType.HOSTNAME, value: 'lb.example.com' }],
      infrastructure: { labels: { team: 'edge', app: 'gw' }, annotations: { 'example.com/tier': 'public' } },
    });
    const [gw] = objectsOf(app);
    expect(gw.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(gw.spec.listeners.map((l: any) => [l.name, l.protocol, l.port])).toEqual([
      ['http', 'HTTP', 80], ['https', 'HTTPS', 443], ['db-tls', 'TLS', 8443], ['redis', 'TCP', 6379], ['dns', 'UDP', 53],
    ]);
    expect(gw.spec.listeners[1].tls).toEqual({ mode: 'Terminate', certificateRefs: [{ name: 'wildcard-tls' }] });
    expect(gw.spec.listeners[2].tls).toEqual({ mode: 'Passthrough' });
    expect(gw.spec.listeners[3].allowedRoutes).toEqual({
      namespaces: { from: 'Selector', selector: { matchLabels: { team: 'cache' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] } },
      kinds: [{ group: 'gateway.networking.k8s.io', kind: 'TCPRoute' }],
    });
    expect(Object.keys(gw.spec.infrastructure.labels)).toEqual(['app', 'team']);
    expect(objectsOf(app)).toMatchSnapshot();
  });

  // Gateway API v1 reference, RouteNamespaces: `from: Selector` with a label selector; every
  // namespace carries the immutable kubernetes.io/metadata.name label (Kubernetes docs, Namespaces:
  // "Automatic labelling"), so AllowedRoutes.namespace(name) names one namespace, as Peer.namespace does.
  test('AllowedRoutes.namespace(name) is a Selector on kubernetes.io/metadata.name, with kinds kept', () => {
    const { app, charts } = appWith('infra');
    new Gateway(charts.infra, 'gw', {
      name: 'edge',
      gatewayClassName: 'envoy',
      listeners: [
        Listener.http({ name: 'http', allowedRoutes: AllowedRoutes.namespace('shop') }),
        Listener.tcp({ name: 'redis', port: 6379, allowedRoutes: AllowedRoutes.namespace('cache', [RouteKind.TCP_ROUTE]) }),
      ],
    });
    const [gw] = objectsOf(app);
    expect(gw.spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } } });
    expect(gw.spec.listeners[1].allowedRoutes).toEqual({
      namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'cache' } } },
      kinds: [{ group: 'gateway.networking.k8s.io', kind: 'TCPRoute' }],
    });
  });

  test('listeners added after construction are rendered', () => {
    const { app, charts } = appWith('infra');
    const gw = new Gateway(charts.infra, 'gw', { gatewayClassName: 'envoy' });
    gw.addListener(Listener.http({ name: 'web', port: 8080 }));
    expect(objectsOf(app)[0].spec.listeners).toEqual([{ name: 'web', port: 8080, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }]);
    expect(gw.findListener('web')?.port).toBe(8080);
  });

  test('a certificate Secret in another namespace gets a ReferenceGrant there', () => {
    const { app, charts } = appWith('infra');
    new Gateway(charts.infra, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.https({ name: 'https', certificateRefs: [{ name: 'shop-tls', namespace: 'certs' }] })] });
    const grant = objectsOf(app).find(o => o.kind === 'ReferenceGrant');
    expect(grant.metadata).toEqual({ name: 'from-infra-gateway', namespace: 'certs' });
    expect(grant.spec).toEqual({ from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra' }], to: [{ group: '', kind: 'Secret', name: 'shop-tls' }] });
  });

  test.each([
    ['duplicate listener names', [Listener.http({ name: 'web' }), Listener.http({ name: 'web', port: 81 })], 'spec.listeners[1].name: listener name "web" is not unique within the Gateway'],
    ['port out of range', [Listener.http({ name: 'web', port: 70000 })], 'spec.listeners[0].port: must be between 1 and 65535, inclusive (got 70000)'],
    ['invalid hostname', [Listener.http({ name: 'web', hostname: 'Shop.Example.com' })], 'spec.listeners[0].hostname: invalid hostname "Shop.Example.com"'],
    ['hostname on TCP', [Listener.tcp({ name: 'db', port: 5432, hostname: 'db.example.com' })], 'spec.listeners[0].hostname: hostname must not be specified for protocol TCP'],
    ['TCP without port', [Listener.tcp({ name: 'db' })], 'spec.listeners[0].port: required field is missing'],
    ['HTTPS without certificates', [Listener.https({ name: 'https', certificateRefs: [] })], 'spec.listeners[0].tls: certificateRefs or options must be specified when mode is Terminate'],
    ['HTTPS passthrough', [Listener.custom({ name: 'https', protocol: 'HTTPS', port: 443, tlsMode: TlsMode.PASSTHROUGH })], 'spec.listeners[0].tls.mode: tls mode must be Terminate for protocol HTTPS'],
    ['TLS on HTTP', [Listener.custom({ name: 'web', protocol: 'HTTP', port: 80, tlsMode: TlsMode.TERMINATE, certificateRefs: [{ name: 'x' }] })], 'spec.listeners[0].tls: tls must not be specified for protocol HTTP'],
    ['TLS without mode', [Listener.custom({ name: 'tls', protocol: 'TLS', port: 443 })], 'spec.listeners[0].tls.mode: tls mode must be set for protocol TLS'],
    ['same port, protocol and hostname', [Listener.http({ name: 'a' }), Listener.http({ name: 'b' })], 'spec.listeners[1]: combination of port 80, protocol HTTP and hostname "" is not unique'],
    ['no listeners', [], 'spec.listeners: at least one listener is required'],
    ['65 listeners', Array.from({ length: 65 }, (_, i) => Listener.http({ name: `l${i}`, port: 1000 + i })), 'spec.listeners: at most 64 items are allowed (got 65)'],
  ])('%s is a synth error naming the construct path and field', (_name, listeners, message) => {
    const { app, charts } = appWith('infra');
    new Gateway(charts.infra, 'gw', { gatewayClassName: 'envoy', listeners });
    expect(synthError(app)).toContain(`infra/gw: ${message}`);
  });

  // Gateway API v1.6.1 Gateway CRD: listener names are the list's map key, and the CEL rule "Combination of
  // port, protocol and hostname must be unique for each listener". One owner (model/kinds/gateway/listener-uniqueness.ts,
  // docs/design.md section 3 "Where each rule lives"): the construct and the reader of its YAML say the same.
  test('repeated listeners: the construct reports what the reader says of its own YAML', () => {
    const { app, charts } = appWith('infra');
    new Gateway(charts.infra, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'a', hostname: 'x.example.com' }), Listener.http({ name: 'a', port: 81 }), Listener.http({ name: 'c', hostname: 'x.example.com' })] });
    const err = synthError(app);
    expect(err).toContain('infra/gw: spec.listeners[1].name: listener name "a" is not unique within the Gateway');
    expect(err).toContain('infra/gw: spec.listeners[2]: combination of port 80, protocol HTTP and hostname "x.example.com" is not unique (listener "a" has it): the API server rejects the Gateway');
    const objects = app.charts.flatMap(c => c.node.findAll().filter(ApiObject.isApiObject).map(o => o.toJson()));
    expect(() => buildCluster(objects.map((object, index) => ({ object, source: { file: 'app', index } }))))
      .toThrow('spec.listeners[1].name: listener name "a" is not unique within the Gateway');
  });

  test('duplicate IP addresses and too many infrastructure labels are errors', () => {
    const { app, charts } = appWith('infra');
    const labels: Record<string, string> = {};
    for (let i = 0; i < 9; i++) labels[`l${i}`] = 'x';
    new Gateway(charts.infra, 'gw', {
      gatewayClassName: 'envoy',
      listeners: [Listener.http({ name: 'web' })],
      addresses: [{ value: '10.0.0.1' }, { value: '10.0.0.1' }, { value: '10.0.0.0/24' }, { value: 'fd00::1' }],
      infrastructure: { labels },
    });
    const err = synthError(app);
    expect(err).toContain('infra/gw: spec.addresses[1].value: IPAddress values must be unique');
    expect(err).toContain('infra/gw: spec.addresses[2].value: "10.0.0.0/24" is not an IPv4 or IPv6 address');
    expect(err).not.toContain('spec.addresses[3]');
    expect(err).toContain('infra/gw: spec.infrastructure.labels: at most 8 entries are allowed (got 9)');
  });

  test('API version is selectable among the served ones', () => {
    const { app, charts } = appWith('infra');
    new Gateway(charts.infra, 'gw', { gatewayClassName: 'envoy', apiVersion: GatewayApiVersion.V1BETA1, listeners: [Listener.http({ name: 'web' })] });
    expect(objectsOf(app)[0].apiVersion).toBe('gateway.networking.k8s.io/v1beta1');
    expect(() => new Gateway(charts.infra, 'gw2', { gatewayClassName: 'envoy', apiVersion: GatewayApiVersion.V1ALPHA2 }))
      .toThrow('infra/gw2: apiVersion: Gateway is not served at gateway.networking.k8s.io/v1alpha2 (served: v1, v1beta1)');
  });
});

describe('GatewayClass', () => {
  test('is cluster-scoped even in a namespaced chart', () => {
    const { app, charts } = appWith('infra');
    new GatewayClass(charts.infra, 'class', {
      name: 'envoy',
      controllerName: 'gateway.envoyproxy.io/gatewayclass-controller',
      parameters: { group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: 'proxy', namespace: 'infra' },
    });
    const [cls] = objectsOf(app);
    expect(cls).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'envoy' },
      spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller', parametersRef: { group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: 'proxy', namespace: 'infra' } },
    });
  });

  test('controllerName must be a domain-prefixed path', () => {
    const { app, charts } = appWith('infra');
    new GatewayClass(charts.infra, 'class', { controllerName: 'envoy' });
    expect(synthError(app)).toContain('infra/class: spec.controllerName: invalid controller name "envoy"');
  });

  test('a Gateway can name the class by its construct', () => {
    const { app, charts } = appWith('infra');
    const cls = new GatewayClass(charts.infra, 'class', { name: 'envoy', controllerName: 'example.com/gw' });
    new Gateway(charts.infra, 'gw', { gatewayClassName: cls.name, listeners: [Listener.http({ name: 'web' })] });
    expect(objectsOf(app).find((o: any) => o.kind === 'Gateway').spec.gatewayClassName).toBe('envoy');
    expect(ApiObject.of(cls.apiObject)).toBe(cls.apiObject);
  });
});
