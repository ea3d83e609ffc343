import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { routeStatus } from '../../src/engine/l7/gateway/attachment';
import { modifyResponse } from '../../src/engine/l7/gateway/filters';
import { listenerStatuses } from '../../src/engine/l7/gateway/listener-status';
import { routeThroughGateway } from '../../src/engine/l7/gateway/route-request';
import { L7Request } from '../../src/engine/l7/request';
import { buildCluster, Cluster, parseManifests, SourcedObject } from '../../src/model';

/**
 * Gateway API conformance (kubernetes-sigs/gateway-api v1.6.1), re-expressed:
 * the manifests come from the shared corpus, the requests and the backend each
 * must reach (or the status/condition expected) are those of upstream
 * conformance/tests/<case>.go.
 */
const DIR = corpus('gatewayApiConformance');
const INFRA = 'gateway-conformance-infra';
const GRPC_SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';

interface Req {
  readonly path?: string;
  readonly host?: string;
  readonly port?: number;
  readonly https?: boolean;
  /** TLS server name, when it differs from the Host header. */
  readonly sni?: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** A TLS (SNI = host), TCP or UDP connection instead of an HTTP request. */
  readonly scheme?: 'tls' | 'tcp' | 'udp';
  /** The connection must be rejected (no listener or no route takes it). */
  readonly rejected?: boolean;
  /** gRPC method of the echo service (Echo, EchoTwo, EchoThree). */
  readonly grpc?: string;
  /** Expected backend `name` (namespace gateway-conformance-infra) or `ns/name`. */
  readonly backend?: string;
  readonly status?: number;
  /** Expected traffic split by backend name. */
  readonly weights?: Record<string, number>;
  /** Expected redirect Location. */
  readonly location?: string;
  /** Headers the backend answers with, and the response headers the client must see (`null` = absent). */
  readonly backendResponse?: Record<string, string>;
  readonly response?: Record<string, string | null>;
  /** Expected RequestMirror targets (`ns/name`). */
  readonly mirrors?: readonly string[];
  readonly mirrorPercents?: readonly number[];
  /** Expected forwarded path and host (URLRewrite). */
  readonly forwardedPath?: string;
  readonly forwardedHost?: string;
  /** Expected forwarded headers (subset; lower-case names), `null` = removed. */
  readonly forwardedHeaders?: Record<string, string | null>;
}

interface RouteCond {
  readonly route: string;
  readonly kind?: 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';
  readonly parent: string;
  readonly accepted?: string;
  readonly resolvedRefs?: string;
}

interface ListenerCond {
  readonly gateway: string;
  readonly listener: string;
  readonly resolvedRefs?: string;
  readonly attachedRoutes?: number;
  readonly supportedKinds?: readonly string[];
  readonly accepted?: string;
}

interface Case {
  readonly name: string;
  readonly gateway?: string;
  readonly requests?: readonly Req[];
  readonly routes?: readonly RouteCond[];
  readonly listeners?: readonly ListenerCond[];
  /** Objects the upstream test creates after the manifests (YAML); they are stamped as newer. */
  readonly createdLater?: string;
}

const v1 = 'infra-backend-v1';
const v2 = 'infra-backend-v2';
const v3 = 'infra-backend-v3';

/** Requests of upstream gateway-http-listener-isolation.go, shared by both of its manifests. */
const LISTENER_ISOLATION: readonly Req[] = [
  { host: 'bar.com', path: '/empty-hostname', backend: v1 }, { host: 'bar.com', path: '/wildcard-example-com', status: 404 },
  { host: 'bar.com', path: '/wildcard-foo-example-com', status: 404 }, { host: 'bar.com', path: '/abc-foo-example-com', status: 404 },
  { host: 'bar.example.com', path: '/empty-hostname', status: 404 }, { host: 'bar.example.com', path: '/wildcard-example-com', backend: v1 },
  { host: 'bar.example.com', path: '/wildcard-foo-example-com', status: 404 }, { host: 'bar.example.com', path: '/abc-foo-example-com', status: 404 },
  { host: 'bar.foo.example.com', path: '/empty-hostname', status: 404 }, { host: 'bar.foo.example.com', path: '/wildcard-example-com', status: 404 },
  { host: 'bar.foo.example.com', path: '/wildcard-foo-example-com', backend: v1 }, { host: 'bar.foo.example.com', path: '/abc-foo-example-com', status: 404 },
  { host: 'abc.foo.example.com', path: '/empty-hostname', status: 404 }, { host: 'abc.foo.example.com', path: '/wildcard-example-com', status: 404 },
  { host: 'abc.foo.example.com', path: '/wildcard-foo-example-com', status: 404 }, { host: 'abc.foo.example.com', path: '/abc-foo-example-com', backend: v1 },
];

const CASES: readonly Case[] = [
  {
    name: 'httproute-simple-same-namespace',
    gateway: 'same-namespace',
    requests: [{ path: '/', backend: v1 }],
  },
  {
    name: 'httproute-matching',
    gateway: 'same-namespace',
    requests: [
      { path: '/', backend: v1 }, { path: '/example', backend: v1 }, { path: '/', headers: { Version: 'one' }, backend: v1 },
      { path: '/v2', backend: v2 }, { path: '/v2/example', backend: v2 }, { path: '/', headers: { Version: 'two' }, backend: v2 },
      { path: '/v2/', backend: v2 }, { path: '/v2example', backend: v1 }, { path: '/foo/v2/example', backend: v1 },
    ],
  },
  {
    name: 'httproute-exact-path-matching',
    gateway: 'same-namespace',
    requests: [
      { path: '/one', backend: v1 }, { path: '/two', backend: v2 }, { path: '/', status: 404 },
      { path: '/one/example', status: 404 }, { path: '/two/', status: 404 }, { path: '/Two', status: 404 },
    ],
  },
  {
    name: 'httproute-header-matching',
    gateway: 'same-namespace',
    requests: [
      { headers: { Version: 'one' }, backend: v1 }, { headers: { Version: 'two' }, backend: v2 },
      { headers: { Version: 'two', Color: 'orange' }, backend: v1 }, { headers: { Version: 'two', Color: 'blue' }, backend: v2 },
      { headers: { Color: 'orange' }, status: 404 }, { headers: { 'Some-Other-Header': 'one' }, status: 404 },
      { headers: { Color: 'blue' }, backend: v1 }, { headers: { Color: 'green' }, backend: v1 },
      { headers: { Color: 'red' }, backend: v2 }, { headers: { Color: 'yellow' }, backend: v2 },
      { headers: { Color: 'purple' }, status: 404 },
    ],
  },
  {
    name: 'httproute-method-matching',
    gateway: 'same-namespace',
    requests: [
      { method: 'POST', backend: v1 }, { method: 'GET', backend: v2 }, { method: 'HEAD', status: 404 },
      { path: '/path1', method: 'GET', backend: v1 }, { headers: { version: 'one' }, method: 'PUT', backend: v2 },
      { headers: { version: 'two' }, path: '/path2', method: 'POST', backend: v3 },
      { path: '/path3', method: 'PATCH', backend: v1 }, { headers: { version: 'three' }, path: '/path4', method: 'DELETE', backend: v1 },
      { method: 'PUT', status: 404 }, { path: '/path4', method: 'DELETE', status: 404 },
      { path: '/path5', method: 'PATCH', backend: v1 }, { headers: { version: 'four' }, method: 'PATCH', backend: v2 },
    ],
  },
  {
    name: 'httproute-query-param-matching',
    gateway: 'same-namespace',
    requests: [
      { path: '/?animal=whale', backend: v1 }, { path: '/?animal=dolphin', backend: v2 },
      { path: '/?animal=dolphin&color=blue', backend: v3 }, { path: '/?ANIMAL=Whale', backend: v3 },
      { path: '/?animal=whale&otherparam=irrelevant', backend: v1 }, { path: '/?animal=dolphin&color=yellow', backend: v2 },
      { path: '/?color=blue', status: 404 }, { path: '/?animal=dog', status: 404 }, { path: '/?animal=whaledolphin', status: 404 },
      { path: '/', status: 404 },
      { path: '/path1?animal=whale', backend: v1 }, { headers: { version: 'one' }, path: '/?animal=whale', backend: v2 },
      { headers: { version: 'two' }, path: '/path2?animal=whale', backend: v3 },
      { path: '/path3?animal=shark', backend: v1 }, { headers: { version: 'three' }, path: '/path4?animal=kraken', backend: v1 },
      { path: '/?animal=shark', status: 404 }, { path: '/path4?animal=kraken', status: 404 },
      { path: '/path5?animal=hydra', backend: v1 }, { headers: { version: 'four' }, path: '/?animal=hydra', backend: v3 },
    ],
  },
  {
    name: 'httproute-path-match-order',
    gateway: 'same-namespace',
    requests: [
      { path: '/match/exact/one', backend: v3 }, { path: '/match/exact', backend: v2 }, { path: '/match', backend: v1 },
      { path: '/match/prefix/one/any', backend: v2 }, { path: '/match/prefix/any', backend: v1 }, { path: '/match/any', backend: v3 },
    ],
  },
  {
    name: 'httproute-matching-across-routes',
    gateway: 'same-namespace',
    requests: [
      { host: 'example.com', path: '/', backend: v1 }, { host: 'example.com', path: '/example', backend: v1 },
      { host: 'example.net', path: '/example', backend: v1 }, { host: 'example.com', path: '/example', headers: { Version: 'one' }, backend: v1 },
      { host: 'example.com', path: '/v2', backend: v2 }, { host: 'example.net', path: '/v2', backend: v1 },
      { host: 'example.com', path: '/v2/example', backend: v2 }, { host: 'example.com', path: '/', headers: { Version: 'two' }, backend: v2 },
    ],
  },
  {
    name: 'httproute-listener-hostname-matching',
    gateway: 'httproute-listener-hostname-matching',
    requests: [
      { host: 'bar.com', backend: v1 }, { host: 'foo.bar.com', backend: v2 }, { host: 'baz.bar.com', backend: v3 },
      { host: 'boo.bar.com', backend: v3 }, { host: 'multiple.prefixes.bar.com', backend: v3 },
      { host: 'multiple.prefixes.foo.com', backend: v3 }, { host: 'foo.com', status: 404 }, { host: 'no.matching.host', status: 404 },
    ],
  },
  {
    name: 'httproute-hostname-intersection',
    gateway: 'httproute-hostname-intersection',
    requests: [
      { host: 'very.specific.com', path: '/s1', backend: v1 }, { host: 'very.specific.com:1234', path: '/s1', backend: v1 },
      { host: 'non.matching.com', path: '/s1', status: 404 }, { host: 'foo.nonmatchingwildcard.io', path: '/s1', status: 404 },
      { host: 'foo.wildcard.io', path: '/s1', status: 404 }, { host: 'very.specific.com', path: '/non-matching-prefix', status: 404 },
      { host: 'foo.wildcard.io', path: '/s2', backend: v2 }, { host: 'bar.wildcard.io', path: '/s2', backend: v2 },
      { host: 'foo.bar.wildcard.io', path: '/s2', backend: v2 }, { host: 'non.matching.com', path: '/s2', status: 404 },
      { host: 'wildcard.io', path: '/s2', status: 404 }, { host: 'very.specific.com', path: '/s2', status: 404 },
      { host: 'foo.wildcard.io', path: '/non-matching-prefix', status: 404 },
      { host: 'very.specific.com', path: '/s3', backend: v3 }, { host: 'non.matching.com', path: '/s3', status: 404 },
      { host: 'foo.specific.com', path: '/s3', status: 404 }, { host: 'foo.wildcard.io', path: '/s3', status: 404 },
      { host: 'very.specific.com', path: '/non-matching-prefix', status: 404 },
      { host: 'foo.anotherwildcard.io', path: '/s4', backend: v1 }, { host: 'bar.anotherwildcard.io', path: '/s4', backend: v1 },
      { host: 'foo.bar.anotherwildcard.io', path: '/s4', backend: v1 }, { host: 'anotherwildcard.io', path: '/s4', status: 404 },
      { host: 'foo.wildcard.io', path: '/s4', status: 404 }, { host: 'very.specific.com', path: '/s4', status: 404 },
      { host: 'foo.anotherwildcard.io', path: '/non-matching-prefix', status: 404 },
      { host: 'specific.but.wrong.com', path: '/s5', status: 404 }, { host: 'wildcard.io', path: '/s5', status: 404 },
    ],
    routes: [{ route: 'no-intersecting-hosts', parent: 'httproute-hostname-intersection', accepted: 'NoMatchingListenerHostname' }],
    listeners: [
      { gateway: 'httproute-hostname-intersection', listener: 'listener-1', attachedRoutes: 2 },
      { gateway: 'httproute-hostname-intersection', listener: 'listener-2', attachedRoutes: 1 },
      { gateway: 'httproute-hostname-intersection', listener: 'listener-3', attachedRoutes: 1 },
    ],
  },
  {
    name: 'httproute-hostname-intersection',
    gateway: 'httproute-hostname-intersection-all',
    requests: [
      { host: 'first.com', backend: v2 }, { host: 'sub.first.com', backend: v2 }, { host: 'second.com', backend: v2 },
      { host: 'sub.second.com', backend: v2 }, { host: 'third.com', status: 404 }, { host: 'sub.third.com', status: 404 },
    ],
  },
  {
    name: 'httproute-listener-port-matching',
    gateway: 'httproute-listener-port-matching',
    requests: [
      { host: 'foo.com', backend: v1 }, { host: 'foo.com', port: 8080, backend: v2 }, { host: 'bar.com', port: 8080, backend: v2 },
      { host: 'foo.com', port: 8090, backend: v3 }, { host: 'bar.com', port: 8090, status: 404 },
    ],
  },
  { name: 'gateway-http-listener-isolation', gateway: 'http-listener-isolation', requests: LISTENER_ISOLATION },
  {
    // Same requests: the routes' hostnames intersect every listener, yet a request only reaches the route of its own listener.
    name: 'gateway-http-listener-isolation-with-hostname-intersection',
    gateway: 'http-listener-isolation-with-hostname-intersection',
    requests: LISTENER_ISOLATION,
  },

  {
    name: 'httproute-https-listener',
    gateway: 'same-namespace-with-https-listener',
    requests: [
      { https: true, host: 'example.org', backend: v1 }, { https: true, host: 'unknown-example.org', status: 404 },
      { https: true, host: 'second-example.org', backend: v2 },
    ],
  },
  {
    name: 'httproute-multiple-gateways',
    gateway: 'same-namespace',
    requests: [{ path: '/shared', backend: v1 }, { path: '/', backend: v2 }],
  },
  {
    name: 'httproute-multiple-gateways',
    gateway: 'all-namespaces',
    requests: [{ path: '/shared', backend: v1 }, { path: '/', backend: v3 }],
  },
  {
    name: 'httproute-weight',
    gateway: 'same-namespace',
    requests: [{ path: '/', weights: { [v1]: 70, [v2]: 30, [v3]: 0 } }],
  },
  {
    name: 'httproute-cross-namespace',
    gateway: 'backend-namespaces',
    requests: [{ path: '/', backend: 'gateway-conformance-web-backend/web-backend' }],
    routes: [{ route: 'gateway-conformance-web-backend/cross-namespace', parent: 'backend-namespaces', accepted: 'Accepted', resolvedRefs: 'ResolvedRefs' }],
  },
  {
    name: 'httproute-reference-grant',
    gateway: 'same-namespace',
    requests: [{ path: '/', backend: 'gateway-conformance-web-backend/web-backend' }],
    routes: [{ route: 'reference-grant', parent: 'same-namespace', accepted: 'Accepted', resolvedRefs: 'ResolvedRefs' }],
  },
  {
    name: 'httproute-invalid-reference-grant',
    gateway: 'same-namespace',
    requests: [{ path: '/', status: 500 }],
    routes: [{ route: 'reference-grant', parent: 'same-namespace', accepted: 'Accepted', resolvedRefs: 'RefNotPermitted' }],
  },
  {
    name: 'httproute-partially-invalid-via-invalid-reference-grant',
    gateway: 'same-namespace',
    requests: [{ path: '/v2', status: 500 }, { path: '/', backend: 'gateway-conformance-app-backend/app-backend-v1' }],
    routes: [{ route: 'invalid-reference-grant', parent: 'same-namespace', accepted: 'Accepted', resolvedRefs: 'RefNotPermitted' }],
  },
  {
    name: 'httproute-invalid-cross-namespace-backend-ref',
    gateway: 'same-namespace',
    requests: [{ path: '/', status: 500 }],
    routes: [{ route: 'invalid-cross-namespace-backend-ref', parent: 'same-namespace', accepted: 'Accepted', resolvedRefs: 'RefNotPermitted' }],
  },
  {
    name: 'httproute-invalid-nonexistent-backendref',
    gateway: 'same-namespace',
    requests: [{ path: '/', status: 500 }],
    routes: [{ route: 'invalid-nonexistent-backend-ref', parent: 'same-namespace', accepted: 'Accepted', resolvedRefs: 'BackendNotFound' }],
  },
  {
    name: 'httproute-invalid-backendref-unknown-kind',
    gateway: 'same-namespace',
    requests: [{ path: '/v2', status: 500 }],
    routes: [{ route: 'invalid-backend-ref-unknown-kind', parent: 'same-namespace', accepted: 'Accepted', resolvedRefs: 'InvalidKind' }],
  },
  {
    name: 'httproute-invalid-cross-namespace-parent-ref',
    gateway: 'same-namespace',
    requests: [{ path: '/', status: 404 }],
    routes: [{ route: 'gateway-conformance-web-backend/invalid-cross-namespace-parent-ref', parent: 'same-namespace', accepted: 'NotAllowedByListeners', resolvedRefs: 'ResolvedRefs' }],
    listeners: [{ gateway: 'same-namespace', listener: 'http', attachedRoutes: 0 }],
  },
  {
    name: 'httproute-disallowed-kind',
    routes: [{ route: 'disallowed-kind', parent: 'tlsroutes-only', accepted: 'NotAllowedByListeners', resolvedRefs: 'ResolvedRefs' }],
    listeners: [{ gateway: 'tlsroutes-only', listener: 'tls', attachedRoutes: 0 }],
  },
  {
    name: 'httproute-invalid-parentref-not-matching-listener-port',
    routes: [{ route: 'httproute-listener-not-matching-route-port', parent: 'same-namespace', accepted: 'NoMatchingParent', resolvedRefs: 'ResolvedRefs' }],
    listeners: [{ gateway: 'same-namespace', listener: 'http', attachedRoutes: 0 }],
  },
  {
    name: 'httproute-invalid-parentref-not-matching-section-name',
    routes: [{ route: 'httproute-listener-not-matching-section-name', parent: 'same-namespace', accepted: 'NoMatchingParent' }],
    listeners: [{ gateway: 'same-namespace', listener: 'http', attachedRoutes: 0 }],
  },
  {
    name: 'httproute-invalid-parentref-section-name-not-matching-port',
    routes: [{ route: 'httproute-listener-section-name-not-matching-port', parent: 'gateway-with-one-not-matching-port-and-section-name-route', accepted: 'NoMatchingParent' }],
    listeners: [{ gateway: 'gateway-with-one-not-matching-port-and-section-name-route', listener: 'http', attachedRoutes: 0 }],
  },
  {
    name: 'httproute-omitted-backendrefs',
    gateway: 'same-namespace',
    requests: [{ path: '/forward', backend: v1 }, { path: '/omitted-no-forward', status: 500 }, { path: '/empty-no-forward', status: 500 }],
  },
  {
    name: 'gateway-secret-missing-reference-grant',
    listeners: [{ gateway: 'gateway-secret-missing-reference-grant', listener: 'https', resolvedRefs: 'RefNotPermitted' }],
  },
  {
    name: 'gateway-secret-invalid-reference-grant',
    listeners: [{ gateway: 'gateway-secret-invalid-reference-grant', listener: 'https', resolvedRefs: 'RefNotPermitted' }],
  },
  {
    name: 'gateway-secret-reference-grant-all-in-namespace',
    listeners: [{ gateway: 'gateway-secret-reference-grant-all-in-namespace', listener: 'https', resolvedRefs: 'ResolvedRefs' }],
  },
  {
    name: 'gateway-secret-reference-grant-specific',
    listeners: [{ gateway: 'gateway-secret-reference-grant-specific', listener: 'https', resolvedRefs: 'ResolvedRefs' }],
  },
  {
    name: 'grpcroute-exact-method-matching',
    gateway: 'same-namespace',
    requests: [{ grpc: 'Echo', backend: 'grpc-infra-backend-v1' }, { grpc: 'EchoTwo', backend: 'grpc-infra-backend-v2' }, { grpc: 'EchoThree', status: 404 }],
  },
  {
    name: 'grpcroute-header-matching',
    gateway: 'same-namespace',
    requests: [
      { grpc: 'Echo', headers: { Version: 'one' }, backend: 'grpc-infra-backend-v1' },
      { grpc: 'Echo', headers: { Version: 'two' }, backend: 'grpc-infra-backend-v2' },
      { grpc: 'Echo', headers: { Version: 'two', Color: 'orange' }, backend: 'grpc-infra-backend-v1' },
      { grpc: 'Echo', headers: { Version: 'two', Color: 'blue' }, backend: 'grpc-infra-backend-v2' },
      { grpc: 'Echo', headers: { Color: 'orange' }, status: 404 },
      { grpc: 'Echo', headers: { 'Some-Other-Header': 'one' }, status: 404 },
      { grpc: 'Echo', headers: { Color: 'blue' }, backend: 'grpc-infra-backend-v1' },
      { grpc: 'Echo', headers: { Color: 'green' }, backend: 'grpc-infra-backend-v1' },
      { grpc: 'Echo', headers: { Color: 'red' }, backend: 'grpc-infra-backend-v2' },
      { grpc: 'Echo', headers: { Color: 'yellow' }, backend: 'grpc-infra-backend-v2' },
      { grpc: 'Echo', headers: { Color: 'purple' }, status: 404 },
    ],
  },
  {
    name: 'grpcroute-listener-hostname-matching',
    gateway: 'grpcroute-listener-hostname-matching',
    requests: [
      { grpc: 'Echo', host: 'bar.com', backend: 'grpc-infra-backend-v1' }, { grpc: 'Echo', host: 'foo.bar.com', backend: 'grpc-infra-backend-v2' },
      { grpc: 'Echo', host: 'baz.bar.com', backend: 'grpc-infra-backend-v3' }, { grpc: 'Echo', host: 'boo.bar.com', backend: 'grpc-infra-backend-v3' },
      { grpc: 'Echo', host: 'multiple.prefixes.bar.com', backend: 'grpc-infra-backend-v3' },
      { grpc: 'Echo', host: 'multiple.prefixes.foo.com', backend: 'grpc-infra-backend-v3' },
      { grpc: 'Echo', host: 'foo.com', status: 404 }, { grpc: 'Echo', host: 'no.matching.host', status: 404 },
    ],
  },
  {
    name: 'grpcroute-weight',
    gateway: 'same-namespace',
    requests: [{ grpc: 'Echo', weights: { 'grpc-infra-backend-v1': 70, 'grpc-infra-backend-v2': 30, 'grpc-infra-backend-v3': 0 } }],
  },
  // Listener and route status for every route kind.
  {
    name: 'gateway-invalid-route-kind',
    listeners: [
      { gateway: 'gateway-only-invalid-route-kind', listener: 'http', resolvedRefs: 'InvalidRouteKinds', attachedRoutes: 0 },
      { gateway: 'gateway-supported-and-invalid-route-kind', listener: 'http', resolvedRefs: 'InvalidRouteKinds', attachedRoutes: 0 },
    ],
  },
  {
    name: 'gateway-with-attached-routes',
    routes: [{ route: 'http-route-not-accepted', parent: 'gateway-with-two-attached-routes', accepted: 'NoMatchingListenerHostname' }],
    listeners: [
      { gateway: 'gateway-with-one-attached-route', listener: 'http', attachedRoutes: 1 },
      { gateway: 'gateway-with-two-attached-routes', listener: 'http', attachedRoutes: 2 },
      { gateway: 'unresolved-gateway-with-one-attached-unresolved-route', listener: 'tls', attachedRoutes: 1 },
    ],
  },
  {
    name: 'tlsroute-invalid-no-matching-listener',
    routes: [
      { kind: 'TLSRoute', route: 'tlsroute-not-allowed-protocol-http', parent: 'gateway-tlsroute-http-only', accepted: 'NotAllowedByListeners' },
      { kind: 'TLSRoute', route: 'tlsroute-not-allowed-protocol-https', parent: 'gateway-tlsroute-https-only', accepted: 'NotAllowedByListeners' },
      { kind: 'TLSRoute', route: 'tlsroute-no-matching-section-name', parent: 'gateway-tlsroute-tls-passthrough-only', accepted: 'NoMatchingParent' },
    ],
  },
  {
    name: 'tlsroute-invalid-no-matching-listener-hostname',
    routes: [
      { kind: 'TLSRoute', route: 'tlsroute-hostname-mismatch-1', parent: 'gateway-tls-exact-hostname', accepted: 'NoMatchingListenerHostname' },
      { kind: 'TLSRoute', route: 'tlsroute-hostname-mismatch-2', parent: 'gateway-tls-wildcard-hostname', accepted: 'NoMatchingListenerHostname' },
    ],
  },
  {
    name: 'tlsroute-invalid-backendref-nonexistent',
    routes: [{ kind: 'TLSRoute', route: 'invalid-backend-ref-nonexistent', parent: 'gateway-tlsroute-invalid-backend-ref-nonexistent', accepted: 'Accepted', resolvedRefs: 'BackendNotFound' }],
  },
  {
    name: 'tlsroute-invalid-backendref-unknown-kind',
    routes: [{ kind: 'TLSRoute', route: 'invalid-backend-ref-unknown-kind', parent: 'gateway-tlsroute-invalid-backend-ref-unknown-kind', accepted: 'Accepted', resolvedRefs: 'InvalidKind' }],
  },
  {
    name: 'tlsroute-invalid-reference-grant',
    routes: [{ kind: 'TLSRoute', route: 'gateway-conformance-infra-test', parent: 'gateway-tlsroute-referencegrant', resolvedRefs: 'RefNotPermitted' }],
  },
  {
    name: 'udproute-not-allowed-by-listeners',
    routes: [{ kind: 'UDPRoute', route: 'udproute-not-allowed-by-listeners', parent: 'udproute-tls-only-gateway', accepted: 'NotAllowedByListeners' }],
  },
  {
    name: 'tcproute-invalid-non-tcp-listener',
    routes: [{ kind: 'TCPRoute', route: 'tcp-route', parent: 'tcp-mixed-protocol-gateway', accepted: 'NotAllowedByListeners' }],
  },
  {
    name: 'tcproute-invalid-backendref-nonexistent',
    routes: [{ kind: 'TCPRoute', route: 'tcp-route-invalid-backend-ref-nonexistent', parent: 'tcp-gateway-invalid-backend', accepted: 'Accepted', resolvedRefs: 'BackendNotFound' }],
  },
  // TLS passthrough by SNI, TCP and UDP.
  {
    name: 'tlsroute-simple-same-namespace',
    gateway: 'gateway-tlsroute',
    requests: [{ scheme: 'tls', host: 'abc.example.com', backend: 'tcp-backend' }, { scheme: 'tls', host: 'def.example.com', rejected: true }],
  },
  ...([
    ['gw-tlsroute-exact-hostname-x-1', 'non.matching.com', false],
    ['gw-tlsroute-more-specific-wc-hostname-x-2', 'non.matching.com', true],
    ['gw-tlsroute-less-specific-wc-hostname-x-3', 'non.matching.com', true],
    ['gw-tlsroute-empty-hostname-x-4', 'non.matching.org', true],
  ] as const).map(([gateway, other, wildcard]): Case => ({
    name: 'tlsroute-hostname-intersection',
    gateway,
    requests: [
      { scheme: 'tls', host: 'abc.example.com', backend: 'tls-backend' },
      ...(wildcard ? [{ scheme: 'tls' as const, host: 'other.example.com', backend: 'tls-backend-2' }] : []),
      { scheme: 'tls', host: other, rejected: true },
    ],
  })),
  {
    name: 'tcproute-weighted-routing',
    gateway: 'tcp-weighted-gateway',
    requests: [{ scheme: 'tcp', port: 9300, weights: { 'tcp-backend-v1': 70, 'tcp-backend-v2': 30, 'tcp-backend-v3': 0 } }],
  },
  {
    name: 'udproute-simple',
    gateway: 'udp-gateway',
    requests: [{ scheme: 'udp', port: 5300, backend: 'coredns' }, { scheme: 'udp', port: 53, rejected: true }],
  },
  {
    name: 'tcproute-invalid-cross-namespace-backend-ref',
    routes: [{ kind: 'TCPRoute', route: 'tcp-invalid-cross-namespace-backend-ref', parent: 'tcp-invalid-cross-namespace-backend-ref-gateway', accepted: 'Accepted', resolvedRefs: 'RefNotPermitted' }],
  },
  {
    name: 'tcproute-reference-grant',
    gateway: 'tcp-reference-grant-gateway',
    requests: [{ scheme: 'tcp', port: 9320, backend: 'gateway-conformance-web-backend/tcp-reference-grant-backend' }],
    routes: [{ kind: 'TCPRoute', route: 'tcp-reference-grant', parent: 'tcp-reference-grant-gateway', accepted: 'Accepted', resolvedRefs: 'ResolvedRefs' }],
  },
  {
    name: 'tcproute-parentref-attach-all',
    gateway: 'tcp-attach-all-gateway',
    requests: [9310, 9311, 9312, 9313].map(port => ({ scheme: 'tcp' as const, port, backend: 'tcp-echo-attach-all' })),
    listeners: ['one', 'two', 'three', 'four'].map(listener => ({ gateway: 'tcp-attach-all-gateway', listener, attachedRoutes: 1, supportedKinds: ['TCPRoute'] })),
  },
  {
    name: 'tcproute-parentref-port-and-section-name',
    gateway: 'tcp-multi-listener-gateway',
    requests: [
      { scheme: 'tcp', port: 9300, backend: 'tcp-echo-one' }, { scheme: 'tcp', port: 9301, backend: 'tcp-echo-two' },
      { scheme: 'tcp', port: 9302, backend: 'tcp-echo-three' }, { scheme: 'tcp', port: 9303, rejected: true },
    ],
  },
  {
    name: 'udproute-invalid-backendref-nonexistent',
    routes: [{ kind: 'UDPRoute', route: 'udp-route-invalid-backend-ref-nonexistent', parent: 'udp-gateway-invalid-backend', accepted: 'Accepted', resolvedRefs: 'BackendNotFound' }],
  },
  {
    name: 'udproute-invalid-cross-namespace-backend-ref',
    routes: [{ kind: 'UDPRoute', route: 'udp-route-invalid-cross-namespace-backend-ref', parent: 'udp-gateway-invalid-cross-namespace-backend-ref', accepted: 'Accepted', resolvedRefs: 'RefNotPermitted' }],
  },
  {
    name: 'udproute-reference-grant',
    gateway: 'udp-gateway-reference-grant',
    requests: [{ scheme: 'udp', port: 5300, backend: 'gateway-conformance-app-backend/udp-echo-reference-grant' }],
    routes: [{ kind: 'UDPRoute', route: 'udp-route-reference-grant', parent: 'udp-gateway-reference-grant', accepted: 'Accepted', resolvedRefs: 'ResolvedRefs' }],
  },
  {
    name: 'udproute-weighted-routing',
    gateway: 'udp-weighted-gateway',
    requests: [{ scheme: 'udp', port: 5300, weights: { 'udp-backend-v1': 70, 'udp-backend-v2': 30, 'udp-backend-v3': 0 } }],
  },
  {
    name: 'udproute-parentref-attach-all-listeners',
    gateway: 'udp-attach-all-listeners-gateway',
    requests: [5310, 5311, 5312].map(port => ({ scheme: 'udp' as const, port, backend: 'udp-echo-attach-all' })),
    routes: [{ kind: 'UDPRoute', route: 'udp-route-attach-all', parent: 'udp-attach-all-listeners-gateway', accepted: 'Accepted' }],
    listeners: ['udp-1', 'udp-2', 'udp-3'].map(listener => ({ gateway: 'udp-attach-all-listeners-gateway', listener, attachedRoutes: 1, supportedKinds: ['UDPRoute'] })),
  },
  {
    name: 'udproute-parentref-port-and-section-name',
    gateway: 'udp-multi-listener-gateway',
    requests: [
      { scheme: 'udp', port: 5300, backend: 'udp-echo-by-port' }, { scheme: 'udp', port: 5301, backend: 'udp-echo-by-section' },
      { scheme: 'udp', port: 5302, backend: 'udp-echo-by-section-and-port' },
    ],
  },
  {
    name: 'tlsroute-listener-passthrough-supported-kinds',
    listeners: [{ gateway: 'gateway-tlsroute-passthrough-supported-kind', listener: 'tls-passthrough', resolvedRefs: 'InvalidRouteKinds', supportedKinds: ['TLSRoute'], attachedRoutes: 0 }],
  },
  {
    name: 'tlsroute-listener-terminate-supported-kinds',
    listeners: [{ gateway: 'gateway-tlsroute-terminate-supported', listener: 'tls-terminate', supportedKinds: ['TLSRoute'], attachedRoutes: 0 }],
  },
  {
    name: 'httproute-https-listener-detect-misdirected-requests',
    gateway: 'same-namespace-with-https-listener',
    requests: ([
      ['example.org', 'example.org', v1], ['example.org', 'second-example.org', 421], ['example.org', 'unknown-example.org', 404],
      ['second-example.org', 'second-example.org', v2], ['second-example.org', 'example.org', 421], ['second-example.org', 'unknown-example.org', 421],
      ['third-example.wildcard.org', 'third-example.wildcard.org', v3], ['third-example.wildcard.org', 'fith-example.wildcard.org', v3],
      ['third-example.wildcard.org', 'fourth-example.wildcard.org', 421], ['third-example.wildcard.org', 'second-example.org', 421],
      ['third-example.wildcard.org', 'unknown-example.org', 421],
    ] as const).map(([sni, host, want]): Req => ({ https: true, sni, host, path: '/detect-misdirected-requests', ...(typeof want === 'number' ? { status: want } : { backend: want }) })),
  },
  {
    name: 'tlsroute-terminate-simple-same-namespace',
    gateway: 'gateway-tlsroute-terminate',
    requests: [{ scheme: 'tls', host: 'tls.example.com', port: 8443, backend: 'tcp-backend' }, { scheme: 'tls', host: 'other.example.com', port: 8443, rejected: true }],
  },
  {
    name: 'tlsroute-mixed-termination-same-namespace',
    gateway: 'gateway-tlsroute-mixed-termination',
    requests: [{ scheme: 'tls', host: 'tls.example.com', port: 8883, backend: 'tcp-backend' }, { scheme: 'tls', host: 'abc.example.com', port: 8883, backend: 'tcp-backend' }],
  },
  {
    // Upstream creates the newer route after the manifests; the older route keeps the listener.
    name: 'tcproute-multiple-routes-attachment',
    gateway: 'tcp-multi-route-attach-gateway',
    createdLater: `
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: tcproute-attach-newer, namespace: gateway-conformance-infra}
spec:
  parentRefs: [{name: tcp-multi-route-attach-gateway, sectionName: tcp}]
  rules: [{backendRefs: [{name: tcp-attach-backend-2, port: 3000}]}]
`,
    requests: [{ scheme: 'tcp', port: 9310, backend: 'tcp-attach-backend-1' }],
    routes: [
      { kind: 'TCPRoute', route: 'tcproute-attach-older', parent: 'tcp-multi-route-attach-gateway', accepted: 'Accepted' },
      { kind: 'TCPRoute', route: 'tcproute-attach-newer', parent: 'tcp-multi-route-attach-gateway', accepted: 'Accepted' },
    ],
  },
  {
    name: 'udproute-multiple-routes-attachment',
    gateway: 'udp-multi-route-attach-gateway',
    createdLater: `
apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata: {name: udproute-attach-newer, namespace: gateway-conformance-infra}
spec:
  parentRefs: [{name: udp-multi-route-attach-gateway, sectionName: udp}]
  rules: [{backendRefs: [{name: udp-attach-backend-2, port: 8080}]}]
`,
    requests: [{ scheme: 'udp', port: 5301, backend: 'udp-attach-backend-1' }],
    routes: [
      { kind: 'UDPRoute', route: 'udproute-attach-older', parent: 'udp-multi-route-attach-gateway', accepted: 'Accepted' },
      { kind: 'UDPRoute', route: 'udproute-attach-newer', parent: 'udp-multi-route-attach-gateway', accepted: 'Accepted' },
    ],
  },
  {
    name: 'gateway-invalid-listeners-unsupported-protocol',
    listeners: [
      { gateway: 'gateway-only-unsupported-protocols', listener: 'invalid', accepted: 'UnsupportedProtocol' },
      { gateway: 'gateway-supported-and-unsupported-protocols', listener: 'http', accepted: 'Accepted' },
      { gateway: 'gateway-supported-and-unsupported-protocols', listener: 'invalid', accepted: 'UnsupportedProtocol' },
    ],
  },
  {
    name: 'gateway-with-attached-routes-with-port-8080',
    listeners: [
      { gateway: 'gateway-with-two-listeners-and-one-attached-route', listener: 'http-unattached', attachedRoutes: 0, accepted: 'Accepted' },
      { gateway: 'gateway-with-two-listeners-and-one-attached-route', listener: 'http', attachedRoutes: 1, accepted: 'Accepted' },
    ],
  },
  {
    name: 'tlsroute-mixed-termination-same-namespace',
    listeners: [
      { gateway: 'gateway-tlsroute-mixed-termination', listener: 'tls-terminate', accepted: 'Accepted' },
      { gateway: 'gateway-tlsroute-mixed-termination', listener: 'tls-passthrough', accepted: 'Accepted' },
    ],
  },
  // Filters: redirects, rewrites and header modifiers.
  {
    name: 'httproute-redirect-port-and-scheme',
    gateway: 'same-namespace',
    requests: [
      { path: '/scheme-nil-and-port-nil', status: 302, location: 'http://example.org/scheme-nil-and-port-nil' },
      { path: '/scheme-nil-and-port-80', status: 302, location: 'http://example.org/scheme-nil-and-port-80' },
      { path: '/scheme-nil-and-port-8080', status: 302, location: 'http://example.org:8080/scheme-nil-and-port-8080' },
      { path: '/scheme-https-and-port-nil', status: 302, location: 'https://example.org/scheme-https-and-port-nil' },
      { path: '/scheme-https-and-port-443', status: 302, location: 'https://example.org/scheme-https-and-port-443' },
      { path: '/scheme-https-and-port-8443', status: 302, location: 'https://example.org:8443/scheme-https-and-port-8443' },
    ],
  },
  {
    name: 'httproute-redirect-port-and-scheme',
    gateway: 'same-namespace-with-http-listener-on-8080',
    requests: [
      { port: 8080, path: '/scheme-nil-and-port-nil', status: 302, location: 'http://example.org:8080/scheme-nil-and-port-nil' },
      { port: 8080, path: '/scheme-nil-and-port-80', status: 302, location: 'http://example.org/scheme-nil-and-port-80' },
      { port: 8080, path: '/scheme-https-and-port-nil', status: 302, location: 'https://example.org/scheme-https-and-port-nil' },
    ],
  },
  {
    name: 'httproute-redirect-port-and-scheme',
    gateway: 'same-namespace-with-https-listener',
    requests: [
      { https: true, host: 'example.org', path: '/scheme-nil-and-port-nil', status: 302, location: 'https://example.org/scheme-nil-and-port-nil' },
      { https: true, host: 'example.org', path: '/scheme-nil-and-port-443', status: 302, location: 'https://example.org/scheme-nil-and-port-443' },
      { https: true, host: 'example.org', path: '/scheme-nil-and-port-8443', status: 302, location: 'https://example.org:8443/scheme-nil-and-port-8443' },
      { https: true, host: 'example.org', path: '/scheme-http-and-port-nil', status: 302, location: 'http://example.org/scheme-http-and-port-nil' },
      { https: true, host: 'example.org', path: '/scheme-http-and-port-80', status: 302, location: 'http://example.org/scheme-http-and-port-80' },
      { https: true, host: 'example.org', path: '/scheme-http-and-port-8080', status: 302, location: 'http://example.org:8080/scheme-http-and-port-8080' },
    ],
  },
  {
    name: 'httproute-307-redirect',
    gateway: 'same-namespace',
    requests: [{ path: '/temporary', status: 307, location: 'http://192.0.2.1/temporary' }],
  },
  {
    name: 'httproute-308-redirect',
    gateway: 'same-namespace',
    requests: [{ path: '/permanent', status: 308, location: 'http://192.0.2.1/permanent' }],
  },
  {
    name: 'httproute-request-multiple-mirrors',
    gateway: 'same-namespace',
    requests: [
      { path: '/multi-mirror', backend: v1, mirrors: [v2, v3] },
      {
        path: '/multi-mirror-and-modify-request-headers',
        headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1' },
        backend: v1,
        mirrors: [v2, v3],
        forwardedHeaders: { 'x-header-add': 'header-val-1', 'x-header-add-append': 'append-val-1,header-val-2', 'x-header-set': 'set-overwrites-values', 'x-header-remove': null },
      },
    ],
  },
  {
    name: 'httproute-request-percentage-mirror',
    gateway: 'same-namespace',
    requests: [
      { path: '/percent-mirror', backend: v1, mirrors: [v2], mirrorPercents: [20] },
      { path: '/percent-mirror-fraction', backend: v1, mirrors: [v2], mirrorPercents: [50] },
      {
        path: '/percent-mirror-and-modify-headers',
        headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1' },
        backend: v1,
        mirrors: [v2],
        mirrorPercents: [35],
        forwardedHeaders: { 'x-header-add': 'header-val-1', 'x-header-add-append': 'append-val-1,header-val-2', 'x-header-set': 'set-overwrites-values', 'x-header-remove': null },
      },
    ],
  },
  {
    name: 'httproute-response-header-modifier',
    gateway: 'same-namespace',
    requests: [
      { path: '/set', backend: v1, backendResponse: { 'Some-Other-Header': 'val' }, response: { 'some-other-header': 'val', 'x-header-set': 'set-overwrites-values' } },
      { path: '/set', backend: v1, backendResponse: { 'X-Header-Set': 'some-other-value' }, response: { 'x-header-set': 'set-overwrites-values' } },
      { path: '/add', backend: v1, backendResponse: { 'Some-Other-Header': 'val' }, response: { 'x-header-add': 'add-appends-values' } },
      { path: '/add', backend: v1, backendResponse: { 'X-Header-Add': 'some-other-value' }, response: { 'x-header-add': 'some-other-value,add-appends-values' } },
      { path: '/remove', backend: v1, backendResponse: { 'X-Header-Remove': 'val' }, response: { 'x-header-remove': null } },
    ],
  },
  {
    name: 'httproute-named-rule',
    gateway: 'same-namespace',
    requests: [{ path: '/named', backend: v1 }, { path: '/unnamed', backend: v2 }],
  },
  {
    name: 'grpcroute-named-rule',
    gateway: 'same-namespace',
    requests: [{ grpc: 'Echo', backend: 'grpc-infra-backend-v1' }, { grpc: 'EchoTwo', backend: 'grpc-infra-backend-v2' }],
  },
  {
    name: 'httproute-service-types',
    gateway: 'same-namespace',
    requests: [
      { path: '/manual-endpointslices', backend: 'manual-endpointslices' },
      { path: '/headless', backend: 'headless' },
      { path: '/headless-manual-endpointslices', backend: 'headless-manual-endpointslices' },
    ],
  },
  {
    name: 'httproute-request-mirror',
    gateway: 'same-namespace',
    requests: [
      { path: '/mirror', backend: v1, mirrors: [v2] },
      { path: '/mirror-and-modify-headers', backend: v1, mirrors: [v2], forwardedHeaders: { 'x-header-set': 'set-overwrites-values' } },
    ],
  },
  {
    name: 'httproute-request-header-modifier-backend-weights',
    gateway: 'same-namespace',
    requests: [{ path: '/', weights: { [v1]: 50, [v2]: 50 } }],
  },
  {
    name: 'httproute-303-redirect',
    gateway: 'same-namespace',
    requests: [{ path: '/see-other', status: 303, location: 'http://192.0.2.1/see-other' }],
  },
  {
    name: 'httproute-redirect-host-and-status',
    gateway: 'same-namespace',
    requests: [
      { path: '/hostname-redirect', status: 302, location: 'http://example.org/hostname-redirect' },
      { path: '/host-and-status', status: 301, location: 'http://example.org/host-and-status' },
    ],
  },
  {
    name: 'httproute-redirect-path',
    gateway: 'same-namespace',
    requests: [
      { path: '/original-prefix/lemon', status: 302, location: 'http://192.0.2.1/replacement-prefix/lemon' },
      { path: '/full/path/original', status: 302, location: 'http://192.0.2.1/full-path-replacement' },
      { path: '/path-and-host', status: 302, location: 'http://example.org/replacement-prefix' },
      { path: '/path-and-status', status: 301, location: 'http://192.0.2.1/replacement-prefix' },
      { path: '/full-path-and-host', status: 302, location: 'http://example.org/replacement-full' },
      { path: '/full-path-and-status', status: 301, location: 'http://192.0.2.1/replacement-full' },
    ],
  },
  {
    name: 'httproute-redirect-port',
    gateway: 'same-namespace',
    requests: [
      { path: '/port', status: 302, location: 'http://192.0.2.1:8083/port' },
      { path: '/port-and-host', status: 302, location: 'http://example.org:8083/port-and-host' },
      { path: '/port-and-status', status: 301, location: 'http://192.0.2.1:8083/port-and-status' },
      { path: '/port-and-host-and-status', status: 302, location: 'http://example.org:8083/port-and-host-and-status' },
    ],
  },
  {
    name: 'httproute-redirect-scheme',
    gateway: 'same-namespace',
    requests: [
      { path: '/scheme', status: 302, location: 'https://192.0.2.1/scheme' },
      { path: '/scheme-and-host', status: 302, location: 'https://example.org/scheme-and-host' },
      { path: '/scheme-and-status', status: 301, location: 'https://192.0.2.1/scheme-and-status' },
      { path: '/scheme-and-host-and-status', status: 302, location: 'https://example.org/scheme-and-host-and-status' },
    ],
  },
  {
    name: 'httproute-rewrite-path',
    gateway: 'same-namespace',
    requests: [
      { path: '/prefix/one/two', backend: v1, forwardedPath: '/one/two' },
      { path: '/strip-prefix/three', backend: v1, forwardedPath: '/three' },
      { path: '/strip-prefix', backend: v1, forwardedPath: '/' },
      { path: '/full/one/two', backend: v1, forwardedPath: '/one' },
      { path: '/full/rewrite-path-and-modify-headers/test', backend: v1, forwardedPath: '/test' },
      { path: '/prefix/rewrite-path-and-modify-headers/one', backend: v1, forwardedPath: '/prefix/one' },
    ],
  },
  {
    name: 'httproute-rewrite-host',
    gateway: 'same-namespace',
    requests: [
      { host: 'rewrite.example', path: '/one', backend: v1, forwardedHost: 'one.example.org', forwardedPath: '/one' },
      { host: 'rewrite.example', path: '/two', backend: v2, forwardedHost: 'example.org', forwardedPath: '/two' },
      { host: 'rewrite.example', path: '/rewrite-host-and-modify-headers', backend: v2, forwardedHost: 'test.example.org' },
    ],
  },
  {
    name: 'httproute-request-header-modifier',
    gateway: 'same-namespace',
    requests: [
      { path: '/set', headers: { 'Some-Other-Header': 'val' }, backend: v1, forwardedHeaders: { 'some-other-header': 'val', 'x-header-set': 'set-overwrites-values' } },
      { path: '/set', headers: { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' }, backend: v1, forwardedHeaders: { 'x-header-set': 'set-overwrites-values' } },
      { path: '/add', headers: { 'Some-Other-Header': 'val' }, backend: v1, forwardedHeaders: { 'x-header-add': 'add-appends-values' } },
      { path: '/add', headers: { 'X-Header-Add': 'some-other-value' }, backend: v1, forwardedHeaders: { 'x-header-add': 'some-other-value,add-appends-values' } },
      { path: '/remove', headers: { 'X-Header-Remove': 'val' }, backend: v1, forwardedHeaders: { 'x-header-remove': null } },
      {
        path: '/multiple',
        headers: { 'X-Header-Set-2': 'set-val-2', 'X-Header-Add-2': 'add-val-2', 'X-Header-Remove-2': 'remove-val-2', 'Another-Header': 'another-header-val' },
        backend: v1,
        forwardedHeaders: {
          'x-header-set-1': 'header-set-1',
          'x-header-set-2': 'header-set-2',
          'x-header-add-1': 'header-add-1',
          'x-header-add-2': 'add-val-2,header-add-2',
          'x-header-add-3': 'header-add-3',
          'another-header': 'another-header-val',
          'x-header-remove-1': null,
          'x-header-remove-2': null,
        },
      },
      {
        path: '/case-insensitivity',
        headers: { 'x-header-set': 'original-val-set', 'x-header-add': 'original-val-add', 'x-header-remove': 'original-val-remove', 'Another-Header': 'another-header-val' },
        backend: v1,
        forwardedHeaders: { 'x-header-set': 'header-set', 'x-header-add': 'original-val-add,header-add', 'another-header': 'another-header-val', 'x-header-remove': null },
      },
    ],
  },
];

function clusterFor(c: Case): Cluster {
  const base = fs.readFileSync(path.join(DIR, 'base', 'manifests.yaml'), 'utf8');
  const extra = fs.readFileSync(path.join(DIR, 'tests', `${c.name}.yaml`), 'utf8');
  // The API server stamps creation times: the manifests are applied first, then what the test creates.
  const stamp = (objs: SourcedObject[], at: string) =>
    objs.map(o => ({ ...o, object: { ...o.object, metadata: { creationTimestamp: at, ...o.object.metadata } } }));
  return buildCluster([
    ...stamp([...parseManifests(base, 'base/manifests.yaml'), ...parseManifests(extra, `tests/${c.name}.yaml`)], '2024-01-01T00:00:00Z'),
    ...stamp(c.createdLater ? parseManifests(c.createdLater, 'created-later.yaml') : [], '2024-01-01T00:05:00Z'),
  ]);
}

function toRequest(r: Req): L7Request {
  const [pathPart, queryPart] = (r.grpc ? `/${GRPC_SERVICE}/${r.grpc}` : r.path ?? '/').split('?');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
  const scheme = r.scheme ?? (r.https ? 'https' : 'http');
  return {
    scheme,
    // Requests without a Host go to the Gateway's address.
    host: (r.host ?? '192.0.2.1').replace(/:\d+$/, ''),
    port: r.port ?? (r.https || r.scheme === 'tls' ? 443 : 80),
    path: pathPart,
    query: (queryPart ?? '').split('&').filter(Boolean).map(kv => kv.split('=') as [string, string]),
    method: r.method ?? (r.grpc ? 'POST' : 'GET'),
    headers,
    grpc: r.grpc !== undefined,
    sni: r.sni,
  };
}

const qualify = (n: string) => (n.includes('/') ? n : `${INFRA}/${n}`);

/** Returns a description of the disagreement, or undefined when the engine agrees. */
function checkRequest(cluster: Cluster, gateway: string, r: Req): string | undefined {
  const gw = cluster.gateways.find(g => `${g.namespace}/${g.name}` === qualify(gateway));
  if (!gw) return `Gateway ${gateway} not in the manifests`;
  const a = routeThroughGateway(cluster, gw, toRequest(r));
  const live = a.backends.filter(b => b.percent > 0 && !b.problem).map(b => b.target);
  if (r.rejected) return a.status === undefined ? undefined : `got status ${a.status}`;
  if (r.weights) {
    const got = Object.fromEntries(a.backends.map(b => [b.ref.name, b.percent]));
    return JSON.stringify(got) === JSON.stringify(r.weights) ? undefined : `weights ${JSON.stringify(got)}`;
  }
  if (r.backend) {
    if (a.status !== 200 || live.length !== 1 || live[0] !== qualify(r.backend)) return `got status ${a.status}, backends ${live.join(',') || 'none'}`;
    const fwd = a.filters?.forwarded;
    const mirrors = (a.filters?.mirrors ?? []).map(m => `${m.namespace}/${m.name}`);
    if (r.mirrors && JSON.stringify(mirrors) !== JSON.stringify(r.mirrors.map(qualify))) return `mirrored to ${mirrors.join(',')}`;
    const percents = (a.filters?.mirrors ?? []).map(m => m.percent);
    if (r.mirrorPercents && JSON.stringify(percents) !== JSON.stringify(r.mirrorPercents)) return `mirror percents ${percents.join(',')}`;
    if (r.forwardedPath !== undefined && fwd?.path !== r.forwardedPath) return `forwarded path ${fwd?.path}`;
    if (r.forwardedHost !== undefined && fwd?.host !== r.forwardedHost) return `forwarded host ${fwd?.host}`;
    for (const [k, v] of Object.entries(r.forwardedHeaders ?? {})) {
      if ((fwd?.headers[k] ?? null) !== v) return `forwarded header ${k}: ${fwd?.headers[k]}`;
    }
    if (r.response) {
      const got = modifyResponse(a.filters!, r.backendResponse ?? {});
      for (const [k, v] of Object.entries(r.response)) if ((got[k] ?? null) !== v) return `response header ${k}: ${got[k]}`;
    }
    return undefined;
  }
  if (r.location !== undefined && a.filters?.redirect?.location !== r.location) return `redirect to ${a.filters?.redirect?.location}`;
  if (a.status !== r.status) return `got status ${a.status}`;
  return undefined;
}

function checkRoute(cluster: Cluster, c: RouteCond): string | undefined {
  const routes = { HTTPRoute: cluster.httpRoutes, GRPCRoute: cluster.grpcRoutes, TLSRoute: cluster.tlsRoutes, TCPRoute: cluster.tcpRoutes, UDPRoute: cluster.udpRoutes }[c.kind ?? 'HTTPRoute'];
  const route = routes.find(r => `${r.namespace}/${r.name}` === qualify(c.route));
  if (!route) return `route ${c.route} not in the manifests`;
  const st = routeStatus(cluster, route).find(s => `${s.parentRef.namespace}/${s.parentRef.name}` === qualify(c.parent));
  if (!st) return `no parentRef to ${c.parent}`;
  if (c.accepted && st.accepted.reason !== c.accepted) return `Accepted reason ${st.accepted.reason}`;
  if (c.resolvedRefs && st.resolvedRefs.reason !== c.resolvedRefs) return `ResolvedRefs reason ${st.resolvedRefs.reason}`;
  return undefined;
}

function checkListener(cluster: Cluster, c: ListenerCond): string | undefined {
  const gw = cluster.gateways.find(g => `${g.namespace}/${g.name}` === qualify(c.gateway));
  if (!gw) return `Gateway ${c.gateway} not in the manifests`;
  const st = listenerStatuses(cluster, gw).find(l => l.name === c.listener);
  if (!st) return `no listener ${c.listener}`;
  if (c.resolvedRefs && st.resolvedRefs.reason !== c.resolvedRefs) return `ResolvedRefs reason ${st.resolvedRefs.reason}`;
  if (c.attachedRoutes !== undefined && st.attachedRoutes !== c.attachedRoutes) return `attachedRoutes ${st.attachedRoutes}`;
  if (c.accepted && st.accepted.reason !== c.accepted) return `Accepted reason ${st.accepted.reason}`;
  if (c.supportedKinds && JSON.stringify(st.supportedKinds) !== JSON.stringify(c.supportedKinds)) return `supportedKinds ${st.supportedKinds.join(',')}`;
  return undefined;
}

describe('gateway-api conformance', () => {
  const results: { id: string; problem?: string }[] = [];
  for (const c of CASES) {
    const cluster = clusterFor(c);
    (c.requests ?? []).forEach((r, i) => results.push({ id: `${c.name} request ${i} ${JSON.stringify(r)}`, problem: checkRequest(cluster, c.gateway!, r) }));
    (c.routes ?? []).forEach(r => results.push({ id: `${c.name} route ${r.route}`, problem: checkRoute(cluster, r) }));
    (c.listeners ?? []).forEach(l => results.push({ id: `${c.name} listener ${l.gateway}/${l.listener}`, problem: checkListener(cluster, l) }));
  }

  test('every re-expressed upstream case agrees', () => {
    const agree = results.filter(r => !r.problem).length;
    // eslint-disable-next-line no-console
    console.log(`gateway-api conformance: ${agree} agree / ${results.length} cases`);
    expect(results.filter(r => r.problem).map(r => `${r.id}: ${r.problem}`)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(60);
  });
});
