import * as fs from 'fs';
import * as path from 'path';
import { routeEndToEnd } from '../../../src/engine/l7/e2e';
import { parseRequest } from '../../../src/engine/l7/request';
import { clusterOf } from '../../helpers';

const SHOP = fs.readFileSync(path.join(__dirname, 'shop-l7.yaml'), 'utf8');

describe('end to end: request -> controller -> Service -> pods -> NetworkPolicy', () => {
  const cluster = clusterOf(SHOP);

  test('ingress-nginx pods are allowed to the api pods on the named target port', () => {
    const a = routeEndToEnd(cluster, parseRequest('https://shop.example.com/api/items'), { ingressClass: 'nginx' });
    expect(a.gateways).toEqual([]);
    const [i] = a.ingresses;
    expect(i.controllerPods).toEqual({ namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' }, from: 'profile', profile: 'ingress-nginx' });
    expect(i.reach.map(r => [r.workload, r.targetPort, r.allowed])).toEqual([['shop/api[Deployment]', 'http', true]]);
  });

  test("Envoy Gateway's proxy pods are denied by the same policy, for every weighted backend", () => {
    const a = routeEndToEnd(cluster, parseRequest('http://shop.example.com/api/items'), { gateway: 'infra/gw' });
    const [g] = a.gateways;
    expect(g.controllerPods?.namespace).toBe('envoy-gateway-system');
    expect(g.controllerPods?.labels['gateway.envoyproxy.io/owning-gateway-name']).toBe('gw');
    expect(g.reach.map(r => [r.workload, r.allowed])).toEqual([['shop/api[Deployment]', false], ['shop/web[Deployment]', false]]);
  });

  test('explicit controller pods override the table', () => {
    const a = routeEndToEnd(cluster, parseRequest('http://shop.example.com/api'), {
      gateway: 'infra/gw', controllerNamespace: 'ingress-nginx', controllerLabels: { 'app.kubernetes.io/name': 'ingress-nginx' },
    });
    expect(a.gateways[0].reach.map(r => r.allowed)).toEqual([true, false]);
  });

  test('an unknown controller is said to be unknown rather than guessed', () => {
    const c = clusterOf(SHOP.replace('controller: k8s.io/ingress-nginx', 'controller: example.com/in-house'));
    const [i] = routeEndToEnd(c, parseRequest('https://shop.example.com/api'), { ingressClass: 'nginx' }).ingresses;
    expect(i.controllerPods).toBeUndefined();
    expect(i.reach[0].allowed).toBeUndefined();
    expect(i.reach[0].reasons).toEqual(['controller pods unknown: pass their namespace and labels to check NetworkPolicy']);
  });
});

describe('end to end through the Services engine', () => {
  const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: istio}
spec: {controllerName: istio.io/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: edge}
spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: edge}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /legacy}}]
    backendRefs: [{name: legacy, port: 80}]
  - backendRefs: [{name: api, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: app}
spec: {selector: {app: api}, ports: [{name: web, port: 80, targetPort: http}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: app}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{name: metrics, containerPort: 9090}]}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: legacy, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: legacy-1, namespace: app, labels: {kubernetes.io/service-name: legacy}}
addressType: IPv4
ports: [{port: 8080, protocol: TCP}]
endpoints: [{addresses: [10.9.0.7]}]
`;
  const cluster = clusterOf(YAML);

  test('Istio gateway pods are found in the Gateway namespace by the gateway-name label', () => {
    const [g] = routeEndToEnd(cluster, parseRequest('http://x/')).gateways;
    expect(g.controllerPods).toEqual({ namespace: 'edge', labels: { 'gateway.networking.k8s.io/gateway-name': 'gw' }, from: 'profile', profile: 'Istio (Gateway API)' });
  });

  test('a named targetPort missing on the pods means no endpoint, whatever NetworkPolicy says', () => {
    const [g] = routeEndToEnd(cluster, parseRequest('http://x/')).gateways;
    expect(g.reach).toEqual([expect.objectContaining({ workload: 'app/api[Deployment]', allowed: false, reasons: ['no container port named "http": the EndpointSlice controller leaves this port off the endpoints'] })]);
  });

  test('a selector-less Service is checked against its EndpointSlice addresses', () => {
    const [g] = routeEndToEnd(cluster, parseRequest('http://x/legacy')).gateways;
    expect(g.reach.map(r => [r.workload, r.targetPort, r.allowed])).toEqual([['10.9.0.7 (EndpointSlice)', 8080, true]]);
  });
});
