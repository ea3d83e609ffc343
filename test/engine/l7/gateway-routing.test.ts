import { routeStatus } from '../../../src/engine/l7/gateway/attachment';
import { listenerStatuses } from '../../../src/engine/l7/gateway/listener-status';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { parseRequest } from '../../../src/engine/l7/request';
import { clusterOf } from '../../helpers';

const BASE = `
apiVersion: v1
kind: Namespace
metadata: {name: apps, labels: {team: shop}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: eg
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: shop}}}}}
  - {name: https, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {certificateRefs: [{name: cert}]}, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: apps}
spec: {selector: {app: api}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: canary, namespace: apps}
spec: {selector: {app: canary}, ports: [{port: 80}]}
`;

const route = (extra: string) => clusterOf(`${BASE}---\n${extra}`);

describe('Gateway routing', () => {
  test('redirect filters answer with the redirect, not a backend', () => {
    const c = route(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: apps}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: http}]
  rules:
  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]
`);
    const [a] = routeThroughGateways(c, parseRequest('http://shop.example.com/cart?id=1'));
    expect(a.status).toBe(301);
    expect(a.filters?.redirect?.location).toBe('https://shop.example.com/cart?id=1');
  });

  test('ReplacePrefixMatch rewrites element-wise and headers are modified in order', () => {
    const c = route(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: apps}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /api/v1/}}]
    filters:
    - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-Env, value: prod}], add: [{name: Accept, value: json}], remove: [x-debug]}}
    - {type: URLRewrite, urlRewrite: {hostname: internal.svc, path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}}
    backendRefs: [{name: api, port: 80}]
`);
    const [a] = routeThroughGateways(c, parseRequest('http://x/api/v1/items', { headers: { 'accept': 'text', 'X-Debug': '1' } }));
    expect(a.filters?.forwarded).toEqual({ host: 'internal.svc', path: '/v2/items', headers: { 'accept': 'text,json', 'x-env': 'prod' } });
  });

  test('weights split traffic; weight 0 receives none; all zero gives 500', () => {
    const c = route(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: apps}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules:
  - matches: [{path: {type: Exact, value: /split}}]
    backendRefs: [{name: api, port: 80, weight: 3}, {name: canary, port: 80, weight: 1}]
  - matches: [{path: {type: Exact, value: /zero}}]
    backendRefs: [{name: api, port: 80, weight: 0}]
`);
    const [split] = routeThroughGateways(c, parseRequest('http://x/split'));
    expect(split.backends.map(b => [b.target, b.percent])).toEqual([['apps/api', 75], ['apps/canary', 25]]);
    const [zero] = routeThroughGateways(c, parseRequest('http://x/zero'));
    expect(zero.status).toBe(500);
  });

  test('the oldest route wins a full tie, then namespace/name', () => {
    const r = (name: string, ts: string, svc: string) => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: apps, creationTimestamp: "${ts}"}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules: [{matches: [{path: {type: PathPrefix, value: /x}}], backendRefs: [{name: ${svc}, port: 80}]}]
`;
    const c = route(`${r('a', '2024-02-01T00:00:00Z', 'api')}---${r('b', '2024-01-01T00:00:00Z', 'canary')}`);
    const [a] = routeThroughGateways(c, parseRequest('http://x/x'));
    expect(a.winner?.route).toBe('apps/b');
    expect(a.candidates[1].why).toBe('lower precedence: tie broken by the older route apps/b');
  });

  test('namespace selector and cross-namespace certificate references set status', () => {
    const c = route(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: other}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: http}, {name: missing, namespace: infra}]
  rules: [{backendRefs: [{name: api, namespace: apps, port: 80}]}]
`);
    const st = routeStatus(c, c.httpRoutes[0]);
    expect(st.map(s => s.accepted.reason)).toEqual(['NotAllowedByListeners', 'NoMatchingParent']);
    expect(st[0].resolvedRefs.reason).toBe('RefNotPermitted');
    expect(listenerStatuses(c, c.gateways[0]).map(l => [l.name, l.resolvedRefs.reason, l.attachedRoutes])).toEqual([['http', 'ResolvedRefs', 0], ['https', 'ResolvedRefs', 0]]);
  });

  test('a gRPC call is matched against GRPCRoutes only, by service and method', () => {
    const c = route(`
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: apps}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules:
  - matches: [{method: {service: shop.Cart}}]
    backendRefs: [{name: api, port: 80}]
  - matches: [{method: {service: shop.Cart, method: Checkout}}]
    backendRefs: [{name: canary, port: 80}]
`);
    const checkout = routeThroughGateways(c, parseRequest('http://x/shop.Cart/Checkout', { grpc: true }))[0];
    expect(checkout.backends[0].target).toBe('apps/canary');
    const add = routeThroughGateways(c, parseRequest('http://x/shop.Cart/Add', { grpc: true }))[0];
    expect(add.backends[0].target).toBe('apps/api');
    expect(routeThroughGateways(c, parseRequest('http://x/shop.Cart/Add'))[0].status).toBe(404);
  });
});

describe('listener status', () => {
  test('listeners on one port conflict on protocol or on an identical hostname; HTTPS and TLS share a port by SNI', () => {
    const c = clusterOf(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: x
  listeners:
  - {name: web, port: 8443, protocol: HTTP}
  - {name: tls, port: 8443, protocol: TLS, hostname: a.example.com, tls: {mode: Passthrough}}
  - {name: a, port: 443, protocol: HTTPS, hostname: a.example.com, tls: {certificateRefs: [{name: c}]}}
  - {name: a-again, port: 443, protocol: TLS, hostname: a.example.com, tls: {mode: Passthrough}}
  - {name: b, port: 443, protocol: TLS, hostname: b.example.com, tls: {mode: Passthrough}}
  - {name: sctp, port: 9000, protocol: SCTP}
`);
    expect(listenerStatuses(c, c.gateways[0]).map(l => [l.name, l.accepted.reason])).toEqual([
      ['web', 'ProtocolConflict'], ['tls', 'ProtocolConflict'], ['a', 'HostnameConflict'], ['a-again', 'HostnameConflict'], ['b', 'Accepted'], ['sctp', 'UnsupportedProtocol'],
    ]);
  });
});
