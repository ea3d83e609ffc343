import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { Duration } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { corpus } from './corpora';
import { buildGateway } from '../../examples/typescript/gateway/main';
import {
  AllowedRoutes, Backend, Gateway, GatewayApiVersion, GatewayClass, GrpcMethodMatch, GrpcRoute, HeaderMatch, HttpMethod, HttpRoute, Listener,
  Match, NamespaceLabelOperator, ParentRef, PathMatch, PathModifier, QueryParamMatch, RedirectScheme, ReferenceGrant, RouteFilter, RouteKind,
  TcpRoute, TlsRoute, UdpRoute,
} from '../../src';
import { appWith, objectsOf } from '../../test/constructs/gateway/synth';

// Everything the Gateway API constructs synthesize is valid against the OpenAPI schemas of the
// v1.6.1 CRDs (the CEL rules are checked by the constructs' own validation and its tests).

const CRD_DIR = corpus('gatewayApi', 'config', 'crd', 'experimental');

function loadSchemas(): Map<string, ValidateFunction> {
  // The CRDs' patterns use RE2 syntax that JavaScript's unicode mode rejects; formats are Kubernetes-specific.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const out = new Map<string, ValidateFunction>();
  for (const f of fs.readdirSync(CRD_DIR).filter(x => x.startsWith('gateway.networking.k8s.io_') && x.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(CRD_DIR, f), 'utf8'))) {
      const crd = doc.toJSON();
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const v of crd.spec.versions) {
        out.set(`${crd.spec.group}/${v.name} ${crd.spec.names.kind}`, ajv.compile(v.schema.openAPIV3Schema));
      }
    }
  }
  return out;
}

const schemas = loadSchemas();
const tally = { valid: 0, total: 0 };

function expectValid(objects: any[]): number {
  let checked = 0;
  for (const o of objects) {
    const validate = schemas.get(`${o.apiVersion} ${o.kind}`);
    if (!validate) continue;
    const ok = validate(o);
    tally.total++;
    if (ok) tally.valid++;
    expect([`${o.kind} ${o.metadata?.namespace}/${o.metadata?.name}`, ok ? [] : validate.errors]).toEqual([`${o.kind} ${o.metadata?.namespace}/${o.metadata?.name}`, []]);
    checked++;
  }
  return checked;
}

describe('synthesized Gateway API objects validate against the CRD schemas', () => {
  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`gateway-api CRD schemas: ${tally.valid} of our objects valid / ${tally.total}`);
  });

  test('the schemas do reject invalid objects', () => {
    const gw = (port: number) => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'g' },
      spec: { gatewayClassName: 'c', listeners: [{ name: 'l', port, protocol: 'HTTP' }] },
    });
    expect(schemas.get('gateway.networking.k8s.io/v1 Gateway')!(gw(80))).toBe(true);
    expect(schemas.get('gateway.networking.k8s.io/v1 Gateway')!(gw(0))).toBe(false);
  });

  test('the gateway example', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crd-'));
    const app = buildGateway(dir);
    expect(expectValid(objectsOf(app))).toBe(5);
  });

  test('every construct and option', () => {
    const { app, charts } = appWith('infra', 'shop');
    new GatewayClass(charts.infra, 'class', { name: 'envoy', controllerName: 'example.com/gateway', description: 'edge', parameters: { group: 'example.com', kind: 'Params', name: 'p' } });
    const gw = new Gateway(charts.infra, 'gw', {
      name: 'gw',
      gatewayClassName: 'envoy',
      listeners: [
        Listener.http({ name: 'http', hostname: '*.example.com', allowedRoutes: AllowedRoutes.allNamespaces([RouteKind.HTTP_ROUTE, RouteKind.GRPC_ROUTE]) }),
        Listener.https({
          name: 'https',
          certificateRefs: [{ name: 'tls', namespace: 'certs' }],
          tlsOptions: { 'example.com/cipher': 'modern' },
          allowedRoutes: AllowedRoutes.namespacesWithLabels({ 'kubernetes.io/metadata.name': 'shop' }, undefined, [{ key: 'env', operator: NamespaceLabelOperator.DOES_NOT_EXIST }]),
        }),
        Listener.tlsPassthrough({ name: 'tls', port: 8443, allowedRoutes: AllowedRoutes.allNamespaces() }),
        Listener.tcp({ name: 'tcp', port: 5432, allowedRoutes: AllowedRoutes.allNamespaces() }),
        Listener.udp({ name: 'udp', port: 53, allowedRoutes: AllowedRoutes.allNamespaces() }),
      ],
      addresses: [{ value: '192.0.2.1' }],
      infrastructure: { labels: { a: 'b' }, annotations: { 'example.com/x': 'y' } },
    });
    new HttpRoute(charts.shop, 'http', {
      // CommonRouteSpec CEL: refs to one Gateway all set port, or none does.
      parentRefs: [ParentRef.gateway(gw, { sectionName: 'https', port: 443 }), ParentRef.gateway(gw, { sectionName: 'http', port: 80 })],
      hostnames: ['shop.example.com'],
      rules: [
        {
          name: 'all',
          matches: [{ path: PathMatch.regex('^/x'), headers: [HeaderMatch.regex('h', '.*')], queryParams: [QueryParamMatch.exact('q', '1')], method: HttpMethod.PATCH }],
          filters: [
            RouteFilter.requestHeaderModifier({ set: { a: '1' }, add: { b: '2' }, remove: ['c'] }),
            RouteFilter.responseHeaderModifier({ set: { d: '1' } }),
            RouteFilter.urlRewrite({ hostname: 'x.internal', path: PathModifier.replaceFullPath('/y') }),
            RouteFilter.requestMirror(Backend.fromName('m', 80, { namespace: 'mirror' }), { numerator: 1, denominator: 10 }),
            RouteFilter.extensionRef('example.com', 'Auth', 'a'),
          ],
          backends: [Backend.fromName('a', 80, { weight: 0, filters: [RouteFilter.requestMirror(Backend.fromName('m', 80), { percent: 5 })] }), Backend.fromName('b', 80)],
          timeouts: { request: Duration.minutes(1), backendRequest: Duration.millis(500) },
        },
        { matches: [Match.pathPrefix('/r')], filters: [RouteFilter.requestRedirect({ scheme: RedirectScheme.HTTPS, hostname: 'a.example.com', port: 8443, path: PathModifier.replacePrefixMatch('/s'), statusCode: 307 })] },
      ],
    });
    new GrpcRoute(charts.shop, 'grpc', {
      parents: [gw],
      hostnames: ['*.example.com'],
      rules: [{ matches: [{ method: GrpcMethodMatch.regex('svc\\..*'), headers: [HeaderMatch.exact('k', 'v')] }], backends: [Backend.fromName('g', 50051)] }],
    });
    new TlsRoute(charts.shop, 'tls', { parents: [gw], hostnames: ['db.example.com'], rules: [{ backends: [Backend.fromName('db', 5432)] }] });
    new TlsRoute(charts.shop, 'tls-alpha', { apiVersion: GatewayApiVersion.V1ALPHA2, parents: [gw], rules: [{ backends: [Backend.fromName('db', 5432)] }] });
    new TcpRoute(charts.shop, 'tcp', { parents: [gw], rules: [{ name: 'one', backends: [Backend.fromName('db', 5432, { weight: 2 })] }] });
    new UdpRoute(charts.shop, 'udp', { apiVersion: GatewayApiVersion.V1ALPHA2, parents: [gw], rules: [{ backends: [Backend.fromName('dns', 53)] }] });
    new ReferenceGrant(charts.shop, 'grant', { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'x' }], to: [{ group: '', kind: 'Service' }], apiVersion: GatewayApiVersion.V1BETA1 });
    app.synthYaml(); // the constructs' own validation accepts it all
    expect(expectValid(objectsOf(app))).toBe(11);
  });
});
