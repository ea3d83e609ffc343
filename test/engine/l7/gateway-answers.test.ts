import { runCli } from '../../../src/cli/main';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { parseRequest } from '../../../src/engine/l7/request';
import { captureIO, clusterOf } from '../../helpers';

const GATEWAY = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: internal, namespace: infra}
spec:
  gatewayClassName: eg
  listeners:
  - {name: http, port: 8080, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: admin, namespace: shop}
spec: {selector: {app: admin}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: admin, namespace: shop}
spec: {selector: {matchLabels: {app: admin}}, template: {metadata: {labels: {app: admin}}, spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: admin, namespace: shop}
spec:
  parentRefs: [{name: internal, namespace: infra}]
  hostnames: [admin.internal]
  rules: [{backendRefs: [{name: admin, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: other-host, namespace: shop}
spec:
  parentRefs: [{name: internal, namespace: infra}]
  hostnames: [other.internal]
  rules: [{backendRefs: [{name: admin, port: 80}]}]
`;

// Route status reasons (RouteConditionReason NotAllowedByListeners) surfaced where a request finds no route.
describe('route says why a route that names the Gateway is missing', () => {
  test('a refused route covering the host is listed with its reason; one for another host is not', () => {
    const c = clusterOf(GATEWAY);
    const [a] = routeThroughGateways(c, parseRequest('http://admin.internal:8080/'), { gateway: 'infra/internal' });
    expect(a.status).toBe(404);
    expect(a.refused).toEqual([{
      route: 'shop/admin', kind: 'HTTPRoute', reason: 'NotAllowedByListeners', message: 'listener http allows routes from its own namespace, not namespace shop',
    }]);
    expect(a.reasons).toContain('HTTPRoute shop/admin names this Gateway but is not accepted (NotAllowedByListeners): listener http allows routes from its own namespace, not namespace shop');
  });

  test('the CLI prints the refused route', () => {
    const io = captureIO(GATEWAY);
    expect(runCli(['route', 'http://admin.internal:8080/', '--gateway', 'infra/internal', '-'], io.io)).toBe(1);
    expect(io.out()).toContain('  refused: HTTPRoute shop/admin names this Gateway: NotAllowedByListeners: listener http allows routes from its own namespace, not namespace shop\n');
  });
});

const ROUTED = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec: {gatewayClassName: eg, listeners: [{name: http, port: 8080, protocol: HTTP}, {name: web, port: 80, protocol: HTTP}]}
---
apiVersion: v1
kind: Service
metadata: {name: s, namespace: shop}
spec: {selector: {app: s}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: s, namespace: shop}
spec: {replicas: 2, selector: {matchLabels: {app: s}}, template: {metadata: {labels: {app: s}}, spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: idle, namespace: shop}
spec: {selector: {app: idle}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: idle, namespace: shop}
spec: {replicas: 0, selector: {matchLabels: {app: idle}}, template: {metadata: {labels: {app: idle}}, spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: nobody, namespace: shop}
spec: {selector: {app: nobody}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: shop}
spec: {ports: [{name: http, port: 80}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: manual-1, namespace: shop, labels: {kubernetes.io/service-name: manual}}
addressType: IPv4
ports: [{name: http, port: 8080}]
endpoints: [{addresses: [10.0.0.1], conditions: {ready: false}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: s, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /idle}}]
    backendRefs: [{name: idle, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /nobody}}]
    backendRefs: [{name: nobody, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /manual}}]
    backendRefs: [{name: manual, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /half}}]
    backendRefs: [{name: s, port: 80}, {name: idle, port: 80}]
  - matches: [{path: {type: RegularExpression, value: "/items/[0-9]+"}}]
    backendRefs: [{name: s, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /items}}]
    backendRefs: [{name: s, port: 80}]
`;

// HTTPRoute "hostname" and the Host header: the spec forwards the request unmodified unless a filter changes it.
describe('the forwarded Host keeps the port the client sent', () => {
  test('s.example:8080 is forwarded as s.example:8080; the scheme default port is not added', () => {
    const c = clusterOf(ROUTED);
    expect(routeThroughGateways(c, parseRequest('http://s.example:8080/'))[0].filters?.forwarded.host).toBe('s.example:8080');
    expect(routeThroughGateways(c, parseRequest('http://s.example/'))[0].filters?.forwarded.host).toBe('s.example');
  });
});

// HTTPRouteRule.backendRefs: "When a HTTPBackendRef refers to a Service that has no ready endpoints, implementations SHOULD return a 503".
describe('a backend Service with no ready endpoints answers 503', () => {
  const c = clusterOf(ROUTED);
  const at = (path: string) => routeThroughGateways(c, parseRequest(`http://s.example${path}`))[0];
  test('a Deployment scaled to 0', () => {
    const a = at('/idle');
    expect(a.status).toBe(503);
    expect(a.backends[0].unavailable).toBe('Service shop/idle selects only workloads scaled to 0 replicas (Deployment/idle)');
  });
  test('a selector that matches no workload of a namespace the input shows', () => {
    expect(at('/nobody').status).toBe(503);
  });
  test('EndpointSlice addresses that are all not ready', () => {
    expect(at('/manual')).toMatchObject({ status: 503, unavailablePercent: 100 });
  });
  test('half the weight on an idle Service: 200 with 50% 503', () => {
    expect(at('/half')).toMatchObject({ status: 200, unavailablePercent: 50 });
  });
  test('a Service whose pods are outside the input is assumed to have endpoints', () => {
    const other = clusterOf(ROUTED.replace(/kind: Deployment\nmetadata: \{name: (s|idle), namespace: shop\}/g, 'kind: Deployment\nmetadata: {name: $1, namespace: elsewhere}'));
    expect(routeThroughGateways(other, parseRequest('http://s.example/nobody'))[0].status).toBe(200);
  });
});

// HTTPRouteRule: precedence of RegularExpression path matches is implementation-specific.
describe('RegularExpression path precedence is reported as implementation-specific', () => {
  test('a PathPrefix beats a RegularExpression and the explanation names the path match types, not "more Exact path match"', () => {
    const a = routeThroughGateways(clusterOf(ROUTED), parseRequest('http://s.example/items/42'))[0];
    expect(a.winner).toMatchObject({ ruleIndex: 6, match: 'PathPrefix /items' });
    const regex = a.candidates.find(x => x.ruleIndex === 5)!;
    expect(regex.why).toBe("lower precedence: winner's PathPrefix path match ranks above RegularExpression (RegularExpression: implementation-specific)");
    expect(a.reasons.join('\n')).toContain('RegularExpression path precedence is implementation-specific (HTTPRouteRule)');
  });
  test('Exact over PathPrefix is worded by type too', () => {
    const c = clusterOf(ROUTED.replace('value: /items}', 'value: /items}}]\n    backendRefs: [{name: s, port: 80}]\n  - matches: [{path: {type: Exact, value: /items/42}'));
    const a = routeThroughGateways(c, parseRequest('http://s.example/items/42'))[0];
    expect(a.winner?.match).toBe('Exact /items/42');
    expect(a.candidates.find(x => x.match === 'PathPrefix /items')?.why).toBe("lower precedence: winner's Exact path match ranks above PathPrefix");
  });
});
