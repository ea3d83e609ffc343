import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appWith, objectsOf, synthError } from './synth';
import {
  Backend, Gateway, HeaderMatch, HttpMethod, HttpRoute, HttpRouteRule, Listener, Match, PathMatch, PathModifier, QueryParamMatch,
  RedirectScheme, RouteFilter, Service, ServiceSelector,
} from '../../../src';

function shop() {
  const { app, charts } = appWith('shop');
  const gw = new Gateway(charts.shop, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })] });
  const v1 = new Service(charts.shop, 'v1', { name: 'web-v1', selector: ServiceSelector.pods({ app: 'web', v: '1' }), ports: [{ port: 80, targetPort: 8080 }] });
  const v2 = new Service(charts.shop, 'v2', { name: 'web-v2', selector: ServiceSelector.pods({ app: 'web', v: '2' }), ports: [{ port: 80, targetPort: 8080 }] });
  return { app, chart: charts.shop, gw, v1, v2 };
}

const route = (app: any) => objectsOf(app).find((o: any) => o.kind === 'HTTPRoute');

describe('HttpRoute', () => {
  test('renders matches on path, headers, query params and method, all filters, weighted backends and timeouts', () => {
    const { app, chart, gw, v1, v2 } = shop();
    new HttpRoute(chart, 'route', {
      name: 'web',
      parents: [gw],
      hostnames: ['shop.example.com'],
      rules: [
        {
          name: 'canary',
          matches: [{ path: PathMatch.prefix('/'), headers: [HeaderMatch.exact('x-canary', 'yes')], queryParams: [QueryParamMatch.regex('v', '^2')], method: HttpMethod.GET }],
          backends: [Backend.service(v2, 80)],
        },
        {
          matches: [Match.pathPrefix('/shop')],
          filters: [
            RouteFilter.requestHeaderModifier({ set: { 'x-b': '2', 'x-a': '1' }, add: { 'x-c': '3' }, remove: ['x-debug'] }),
            RouteFilter.responseHeaderModifier({ set: { 'cache-control': 'no-store' } }),
            RouteFilter.urlRewrite({ hostname: 'web.internal', path: PathModifier.replacePrefixMatch('/') }),
            RouteFilter.requestMirror(Backend.service(v2, 80), { percent: 10 }),
          ],
          backends: [Backend.service(v1, 80, { weight: 90 }), Backend.service(v2, 80, { weight: 10, filters: [RouteFilter.requestHeaderModifier({ set: { 'x-version': '2' } })] })],
          timeouts: { request: Duration.seconds(10), backendRequest: Duration.millis(2500) },
        },
        { matches: [Match.exactPath('/old')], filters: [RouteFilter.requestRedirect({ scheme: RedirectScheme.HTTPS, path: PathModifier.replaceFullPath('/new'), statusCode: 301 })] },
      ],
    });
    const r = route(app);
    expect(r.spec.parentRefs).toEqual([{ name: 'gw' }]);
    expect(r.spec.rules[0]).toEqual({
      name: 'canary',
      matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: 'x-canary', value: 'yes' }], queryParams: [{ type: 'RegularExpression', name: 'v', value: '^2' }], method: 'GET' }],
      backendRefs: [{ name: 'web-v2', port: 80 }],
    });
    expect(r.spec.rules[1].filters[0].requestHeaderModifier).toEqual({ set: [{ name: 'x-a', value: '1' }, { name: 'x-b', value: '2' }], add: [{ name: 'x-c', value: '3' }], remove: ['x-debug'] });
    expect(r.spec.rules[1].filters[3]).toEqual({ type: 'RequestMirror', requestMirror: { backendRef: { name: 'web-v2', port: 80 }, percent: 10 } });
    expect(r.spec.rules[1].backendRefs).toEqual([
      { name: 'web-v1', port: 80, weight: 90 },
      { name: 'web-v2', port: 80, weight: 10, filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-version', value: '2' }] } }] },
    ]);
    expect(r.spec.rules[1].timeouts).toEqual({ request: '10s', backendRequest: '2s500ms' });
    expect(r.spec.rules[2].filters).toEqual([{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', path: { type: 'ReplaceFullPath', replaceFullPath: '/new' }, statusCode: 301 } }]);
    expect(objectsOf(app).filter((o: any) => o.kind === 'ReferenceGrant')).toEqual([]);
    expect(r).toMatchSnapshot();
  });

  test('rules added after construction are rendered; cdk8s-plus Services are accepted as backends', () => {
    const { app, chart, gw } = shop();
    const dep = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', ports: [{ number: 8080 }] }] });
    const svc = dep.exposeViaService({ name: 'api', ports: [{ port: 8080 }] });
    const r = new HttpRoute(chart, 'route', { parents: [gw] });
    r.addRule({ matches: [Match.pathPrefix('/api')], backends: [Backend.service(svc, 8080)] });
    r.addHostname('api.example.com');
    expect(route(app).spec.rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 8080 }] }]);
    expect(route(app).spec.hostnames).toEqual(['api.example.com']);
  });

  const bad: Array<[string, HttpRouteRule[], string]> = [
    ['path without leading slash', [{ matches: [Match.pathPrefix('api')], backends: [Backend.fromName('x', 80)] }],
      "spec.rules[0].matches[0].path.value: must be an absolute path starting with '/' (got \"api\")"],
    ['path with //', [{ matches: [Match.exactPath('/a//b')], backends: [Backend.fromName('x', 80)] }], "spec.rules[0].matches[0].path.value: must not contain '//'"],
    ['RequestRedirect with URLRewrite', [{ filters: [RouteFilter.requestRedirect({ hostname: 'a.example.com' }), RouteFilter.urlRewrite({ hostname: 'b.example.com' })] }],
      'spec.rules[0].filters: May specify either RequestRedirect or URLRewrite, but not both'],
    ['RequestRedirect with backends', [{ filters: [RouteFilter.requestRedirect({ scheme: RedirectScheme.HTTPS })], backends: [Backend.fromName('x', 80)] }],
      'spec.rules[0].filters: RequestRedirect filter must not be used together with backendRefs'],
    ['repeated header modifier', [{ filters: [RouteFilter.requestHeaderModifier({ set: { a: '1' } }), RouteFilter.requestHeaderModifier({ set: { b: '1' } })], backends: [Backend.fromName('x', 80)] }],
      'spec.rules[0].filters: RequestHeaderModifier filter cannot be repeated'],
    ['replacePrefixMatch with two matches', [{ matches: [Match.pathPrefix('/a'), Match.pathPrefix('/b')], filters: [RouteFilter.urlRewrite({ path: PathModifier.replacePrefixMatch('/') })], backends: [Backend.fromName('x', 80)] }],
      'spec.rules[0].filters[0].urlRewrite.path: When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'],
    ['redirect status code', [{ filters: [RouteFilter.requestRedirect({ statusCode: 300 })] }], 'spec.rules[0].filters[0].requestRedirect.statusCode: must be one of 301, 302, 303, 307, 308 (got 300)'],
    ['mirror percent and fraction', [{ filters: [RouteFilter.requestMirror(Backend.fromName('m', 80), { percent: 5, numerator: 1 })], backends: [Backend.fromName('x', 80)] }],
      'spec.rules[0].filters[0].requestMirror: Only one of percent or fraction may be specified'],
    ['Service backend without port', [{ backends: [Backend.fromName('x')] }], 'spec.rules[0].backendRefs[0].port: port is required for a Service backend'],
    ['weight out of range', [{ backends: [Backend.fromName('x', 80, { weight: 1_000_001 })] }], 'spec.rules[0].backendRefs[0].weight: must be between 0 and 1000000 (got 1000001)'],
    ['17 backends', [{ backends: Array.from({ length: 17 }, (_, i) => Backend.fromName(`b${i}`, 80)) }], 'spec.rules[0].backendRefs: at most 16 items are allowed (got 17)'],
    ['17 rules', Array.from({ length: 17 }, () => ({ backends: [Backend.fromName('x', 80)] })), 'spec.rules: at most 16 items are allowed (got 17)'],
    ['65 matches', [{ matches: Array.from({ length: 65 }, (_, i) => Match.exactPath(`/p${i}`)), backends: [Backend.fromName('x', 80)] }], 'spec.rules[0].matches: at most 64 items are allowed (got 65)'],
    ['backendRequest longer than request', [{ backends: [Backend.fromName('x', 80)], timeouts: { request: Duration.seconds(1), backendRequest: Duration.seconds(2) } }],
      'spec.rules[0].timeouts: backendRequest timeout cannot be longer than request timeout'],
    ['invalid header name', [{ matches: [Match.header('bad header', 'x')], backends: [Backend.fromName('x', 80)] }], 'spec.rules[0].matches[0].headers[0].name: invalid header name "bad header"'],
    ['duplicate rule names', [{ name: 'a', backends: [Backend.fromName('x', 80)] }, { name: 'a', backends: [Backend.fromName('x', 80)] }], 'spec.rules[1].name: rule name "a" is not unique within the route'],
    // The CRD's default applies only when spec.rules is absent; an empty list breaks its minItems 1.
    ['no rules', [], 'spec.rules: at least one rule is required'],
  ];
  test.each(bad)('%s is a synth error naming the construct path and field', (_name, rules, message) => {
    const { app, chart, gw } = shop();
    new HttpRoute(chart, 'route', { parents: [gw], rules });
    expect(synthError(app)).toContain(`shop/route: ${message}`);
  });

  test('invalid hostnames and too many hostnames are errors', () => {
    const { app, chart, gw } = shop();
    new HttpRoute(chart, 'route', { parents: [gw], hostnames: ['*.*.example.com', ...Array.from({ length: 16 }, (_, i) => `h${i}.example.com`)], rules: [{ backends: [Backend.fromName('x', 80)] }] });
    const err = synthError(app);
    expect(err).toContain('shop/route: spec.hostnames: at most 16 items are allowed (got 17)');
    expect(err).toContain('shop/route: spec.hostnames[0]: invalid hostname "*.*.example.com"');
  });
});
