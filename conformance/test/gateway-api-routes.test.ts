import * as fs from 'fs';
import * as path from 'path';
import { Duration } from 'cdk8s';
import { corpus } from './corpora';
import {
  Backend, GrpcMethodMatch, GrpcRoute, HeaderMatch, HttpRoute, HttpRouteRule, Match, ParentRef, PathModifier, RedirectScheme, RouteFilter,
} from '../../src';
import { RouteKind as ModelRouteKind } from '../../src/model/kinds/gateway';
import { readRoute } from '../../src/model/kinds/gateway/route';
import { parseManifests } from '../../src/model/manifest';
import { appWith, objectsOf } from '../../test/constructs/gateway/synth';

// Upstream Gateway API conformance routes (v1.6.1), re-expressed with the constructs: what they
// synthesize reads, through the model the engine uses, exactly as the upstream manifest does.

const NS = 'gateway-conformance-infra';
const TESTS = corpus('gatewayApiConformance', 'tests');

function upstream(file: string, kind: ModelRouteKind, name: string) {
  const docs = parseManifests(fs.readFileSync(path.join(TESTS, file), 'utf8'), file).filter(d => d.object.kind === kind && d.object.metadata.name === name);
  expect(docs).toHaveLength(1);
  return strip(readRoute(docs[0], kind, NS));
}

function ours(object: any, kind: ModelRouteKind) {
  return strip(readRoute({ object, source: { file: 'app', index: 0 } }, kind, NS));
}

function strip(route: any) {
  const { source, ...rest } = route;
  void source;
  return rest;
}

const v1 = (options = {}) => Backend.fromName('infra-backend-v1', 8080, options);
const v2 = (options = {}) => Backend.fromName('infra-backend-v2', 8080, options);
const v3 = (options = {}) => Backend.fromName('infra-backend-v3', 8080, options);
const headers = RouteFilter.requestHeaderModifier({
  set: { 'X-Header-Set': 'set-overwrites-values' },
  add: { 'X-Header-Add': 'header-val-1', 'X-Header-Add-Append': 'header-val-2' },
  remove: ['X-Header-Remove'],
});

function httpRoute(name: string, rules: HttpRouteRule[]) {
  const { app, charts } = appWith(NS);
  new HttpRoute(charts[NS], 'route', { name, parentRefs: [ParentRef.named('same-namespace')], rules });
  app.synthYaml();
  return objectsOf(app).find((o: any) => o.kind === 'HTTPRoute');
}

const cases: Array<[string, string, HttpRouteRule[]]> = [
  ['httproute-weight.yaml', 'weighted-backends', [{ backends: [v1({ weight: 70 }), v2({ weight: 30 }), v3({ weight: 0 })] }]],
  ['httproute-header-matching.yaml', 'header-matching', [
    { matches: [Match.header('version', 'one')], backends: [v1()] },
    { matches: [Match.header('version', 'two')], backends: [v2()] },
    { matches: [{ headers: [HeaderMatch.exact('version', 'two'), HeaderMatch.exact('color', 'orange')] }], backends: [v1()] },
    { matches: [Match.header('color', 'blue'), Match.header('color', 'green')], backends: [v1()] },
    { matches: [Match.header('color', 'red'), Match.header('color', 'yellow')], backends: [v2()] },
  ]],
  ['httproute-request-mirror.yaml', 'request-mirror', [
    { matches: [Match.pathPrefix('/mirror')], filters: [RouteFilter.requestMirror(v2({ namespace: NS }))], backends: [v1({ namespace: NS })] },
    { matches: [Match.pathPrefix('/mirror-and-modify-headers')], filters: [headers, RouteFilter.requestMirror(v2({ namespace: NS }))], backends: [v1({ namespace: NS })] },
  ]],
  ['httproute-rewrite-path.yaml', 'rewrite-path', [
    { matches: [Match.pathPrefix('/prefix/one')], filters: [RouteFilter.urlRewrite({ path: PathModifier.replacePrefixMatch('/one') })], backends: [v1()] },
    { matches: [Match.pathPrefix('/strip-prefix')], filters: [RouteFilter.urlRewrite({ path: PathModifier.replacePrefixMatch('/') })], backends: [v1()] },
    { matches: [Match.pathPrefix('/full/one')], filters: [RouteFilter.urlRewrite({ path: PathModifier.replaceFullPath('/one') })], backends: [v1()] },
    { matches: [Match.pathPrefix('/full/rewrite-path-and-modify-headers')], filters: [RouteFilter.urlRewrite({ path: PathModifier.replaceFullPath('/test') }), headers], backends: [v1()] },
    { matches: [Match.pathPrefix('/prefix/rewrite-path-and-modify-headers')], filters: [RouteFilter.urlRewrite({ path: PathModifier.replacePrefixMatch('/prefix') }), headers], backends: [v1()] },
  ]],
];

describe('upstream conformance routes re-expressed with the constructs', () => {
  test.each(cases)('%s (%s)', (file, name, rules) => {
    expect(ours(httpRoute(name, rules), 'HTTPRoute')).toEqual(upstream(file, 'HTTPRoute', name));
  });

  test('httproute-timeout-request.yaml: the timeout renders as a Gateway API duration', () => {
    const timeout = upstream('httproute-timeout-request.yaml', 'HTTPRoute', 'request-timeout');
    const route = httpRoute('request-timeout', [{ matches: [Match.pathPrefix('/request-timeout')], timeouts: { request: Duration.millis(500) }, backends: [v1()] }]);
    expect(route.spec.rules[0].timeouts).toEqual({ request: '500ms' });
    expect(ours(route, 'HTTPRoute').rules[0]).toEqual(timeout.rules[0]);
  });

  test('httproute-redirect-port-and-scheme.yaml keeps scheme, port and status code', () => {
    const route = httpRoute('redirect', [{ matches: [Match.pathPrefix('/scheme-nil-and-port-nil')], filters: [RouteFilter.requestRedirect({ scheme: RedirectScheme.HTTPS, port: 8443 })] }]);
    expect(ours(route, 'HTTPRoute').rules[0].filters).toEqual([{ type: 'RequestRedirect', requestRedirect: expect.objectContaining({ scheme: 'https', port: 8443 }) }]);
  });

  test('grpcroute-exact-method-matching.yaml', () => {
    const { app, charts } = appWith(NS);
    new GrpcRoute(charts[NS], 'route', {
      name: 'exact-matching',
      parentRefs: [ParentRef.named('same-namespace')],
      rules: [
        { matches: [{ method: GrpcMethodMatch.exact('gateway_api_conformance.echo_basic.grpcecho.GrpcEcho', 'Echo') }], backends: [Backend.fromName('grpc-infra-backend-v1', 8080)] },
        { matches: [{ method: GrpcMethodMatch.exact('gateway_api_conformance.echo_basic.grpcecho.GrpcEcho', 'EchoTwo') }], backends: [Backend.fromName('grpc-infra-backend-v2', 8080)] },
      ],
    });
    app.synthYaml();
    const route = objectsOf(app).find((o: any) => o.kind === 'GRPCRoute');
    expect(ours(route, 'GRPCRoute')).toEqual(upstream('grpcroute-exact-method-matching.yaml', 'GRPCRoute', 'exact-matching'));
  });
});
