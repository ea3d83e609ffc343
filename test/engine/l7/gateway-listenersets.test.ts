import { runCli } from '../../../src/cli/main';
import { routeStatus } from '../../../src/engine/l7/gateway/attachment';
import { listenerSetStatus } from '../../../src/engine/l7/gateway/listener-status';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { parseRequest } from '../../../src/engine/l7/request';
import { listenerNotProgrammed } from '../../../src/validate/rules/gateway/listener-not-programmed';
import { listenerSetNotAccepted } from '../../../src/validate/rules/gateway/listenerset-not-accepted';
import { captureIO, clusterOf } from '../../helpers';
import { findingsOf } from '../../validate/helpers';

// Gateway API v1.6.1 ListenerSet (ListenerSetSpec, GatewaySpec.allowedListeners).
const yaml = (allowed = 'from: All', extraListeners = '') => `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: eg
  allowedListeners: {namespaces: {${allowed}}}
  listeners:
  - {name: http, port: 80, protocol: HTTP, hostname: www.example.com, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: shop, namespace: shop}
spec:
  parentRef: {name: gw, namespace: infra}
  listeners:
  - {name: http, port: 80, protocol: HTTP, hostname: shop.example.com}
${extraListeners}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: via-set, namespace: shop}
spec:
  parentRefs: [{kind: ListenerSet, name: shop}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: via-gateway, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules: [{matches: [{path: {type: PathPrefix, value: /gw}}], backendRefs: [{name: web, port: 80}]}]
`;

describe('ListenerSet', () => {
  test('a route attached to the ListenerSet is served on its listener; "Same" allowedRoutes means the ListenerSet namespace', () => {
    const c = clusterOf(yaml());
    expect(routeStatus(c, c.httpRoutes.find(r => r.name === 'via-set')!)[0].accepted).toMatchObject({ status: 'True', message: 'attached to listener http' });
    const [a] = routeThroughGateways(c, parseRequest('http://shop.example.com/'));
    expect([a.listener, a.status, a.winner?.route]).toEqual(['shop/shop/http', 200, 'shop/via-set']);
  });

  test("a route attached to the Gateway does not attach to the ListenerSet's listeners", () => {
    const c = clusterOf(yaml());
    expect(routeThroughGateways(c, parseRequest('http://shop.example.com/gw'))[0].winner?.route).toBe('shop/via-set');
    expect(routeThroughGateways(c, parseRequest('http://www.example.com/gw'))[0].winner?.route).toBe('shop/via-gateway');
  });

  test('allowedListeners defaults to None: NotAllowed, its routes are refused and its hostnames not served', () => {
    const c = clusterOf(yaml('from: None'));
    expect(listenerSetStatus(c, c.listenerSets[0]).accepted).toMatchObject({ status: 'False', reason: 'NotAllowed' });
    expect(routeStatus(c, c.httpRoutes.find(r => r.name === 'via-set')!)[0].accepted.reason).toBe('NoMatchingParent');
    expect(routeThroughGateways(c, parseRequest('http://shop.example.com/'))[0].listener).toBeUndefined();
    expect(findingsOf(listenerSetNotAccepted, yaml('from: None')).map(f => f.message)).toEqual([
      'not accepted (NotAllowed): Gateway infra/gw allows no ListenerSets (allowedListeners defaults to None), not namespace shop',
    ]);
  });

  test("a listener conflicting with the Gateway's is conflicted; the Gateway's keeps serving", () => {
    const text = yaml('from: All', '  - {name: raw, port: 80, protocol: TCP}');
    const c = clusterOf(text);
    const st = listenerSetStatus(c, c.listenerSets[0]);
    expect(st.listeners.map(l => [l.name, l.conflicted.reason])).toEqual([['http', 'NoConflicts'], ['raw', 'ProtocolConflict']]);
    expect(routeThroughGateways(c, parseRequest('http://www.example.com/gw'))[0].status).toBe(200);
    expect(findingsOf(listenerNotProgrammed, text).map(f => [f.object.kind, f.field])).toEqual([['ListenerSet', 'spec.listeners[1]']]);
  });

  test('route names the ListenerSet listener', () => {
    const io = captureIO(yaml());
    runCli(['route', 'http://shop.example.com/', '-'], io.io);
    expect(io.out()).toContain('  listener shop/shop/http: chosen: port 80, HTTP, hostname shop.example.com\n');
  });
});
