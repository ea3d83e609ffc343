// Where a controller's proxy pods run has one source of truth: the Gateway,
// Ingress or IngressClass records it as annotations (docs/design.md, "Where
// each rule lives"), the engine reads them, and the synth-time `routesTo` and
// the CLI over the synthesized YAML start the NetworkPolicy check from the
// same pods the constructs admitted.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  Backend, Gateway, GatewayClass, HttpRoute, Ingress, IngressBackend, IngressClass, IngressPathType, Listener, Match,
  NamespaceIsolation, Request, Service, ServiceSelector, Target, Traffic,
} from '../../src';
import { routeEndToEnd } from '../../src/engine/l7/e2e';
import { parseRequest } from '../../src/engine/l7/request';
import { buildCluster, parseManifests } from '../../src/model';
import { buildTrafficGraph } from '../../src/validate/graph/build';
import { clusterOf } from '../helpers';

function app() {
  const a = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'controller-location-')) });
  const shop = new Chart(a, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  new NamespaceIsolation(shop, 'isolation');
  const d = new kplus.Deployment(shop, 'api', {
    metadata: { name: 'api' },
    containers: [{ name: 'api', image: 'example', ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } }],
  });
  d.podMetadata.addLabel('app', 'api');
  const api = new Service(shop, 'api-svc', { name: 'api', selector: ServiceSelector.workload(d), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
  return { app: a, shop, api };
}

/** What `cdk8s-traffic route` computes over the synthesized YAML. */
function routeOverYaml(a: App, url: string) {
  const yaml = a.synthYaml();
  return routeEndToEnd(buildCluster(parseManifests(yaml, 'dist.yaml')), parseRequest(url));
}

describe('controller location: one source of truth that travels with the YAML', () => {
  test('a Gateway whose controller runs in another namespace passes routesTo (it failed with "NetworkPolicy blocks the controller")', () => {
    const s = app();
    new GatewayClass(s.shop, 'envoy', { name: 'envoy', controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' });
    const gw = new Gateway(s.shop, 'gw', {
      name: 'gw',
      gatewayClassName: 'envoy',
      listeners: [Listener.http({ name: 'http', hostname: 'shop.example.com' })],
      controller: { namespace: 'edge', podLabels: { 'app.kubernetes.io/name': 'edge-proxy' } },
    });
    new HttpRoute(s.shop, 'route', { name: 'route', parents: [gw], rules: [{ matches: [Match.pathPrefix('/')], backends: [Backend.service(s.api, 80)] }] });
    Traffic.of(s.app).expect(Request.http('shop.example.com/items')).routesTo(Target.of(s.api));
    expect(() => s.app.synth()).not.toThrow();
    const gateway = (s.app.synthYaml() as string).split('---').find(d => d.includes('kind: Gateway\n'))!;
    expect(gateway).toContain('traffic.cdk8s.io/controller-namespace: edge');
    expect(gateway).toContain('traffic.cdk8s.io/controller-pod-selector: app.kubernetes.io/name=edge-proxy');
    const answer = routeOverYaml(s.app, 'http://shop.example.com/items').gateways[0];
    expect(answer.controllerPods).toEqual({ namespace: 'edge', labels: { 'app.kubernetes.io/name': 'edge-proxy' }, from: 'annotation' });
    expect(answer.reach.map(r => r.allowed)).toEqual([true]);
    // The traffic graph's way in (validate -f html/dot/mermaid) starts from the same pods.
    const graph = buildTrafficGraph(buildCluster(parseManifests(s.app.synthYaml(), 'dist.yaml')));
    const checks = graph.edges.flatMap(e => e.entryChecks ?? []);
    expect(checks.map(c => [c.via, c.allowed])).toEqual([['Gateway shop/gw', true]]);
  });

  test('without a controller prop, a Gateway of a well-known class admits and records the install default of that controller', () => {
    const s = app();
    new GatewayClass(s.shop, 'envoy', { name: 'envoy', controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' });
    const gw = new Gateway(s.shop, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'http' })] });
    expect(gw.controller).toEqual({
      namespace: 'envoy-gateway-system',
      podLabels: { 'app.kubernetes.io/name': 'envoy', 'gateway.envoyproxy.io/owning-gateway-name': 'gw', 'gateway.envoyproxy.io/owning-gateway-namespace': 'shop' },
    });
    new HttpRoute(s.shop, 'route', { name: 'route', parents: [gw], rules: [{ backends: [Backend.service(s.api, 80)] }] });
    Traffic.of(s.app).expect(Request.http('shop.example.com/')).routesTo(Target.of(s.api));
    expect(() => s.app.synth()).not.toThrow();
    expect(routeOverYaml(s.app, 'http://shop.example.com/').gateways[0].reach.map(r => r.allowed)).toEqual([true]);
  });

  test('an IngressClass with a controllerLocation records it; routesTo and the YAML agree', () => {
    const s = app();
    const cls = new IngressClass(s.shop, 'edge', { name: 'edge', controller: 'example.com/edge-controller', controllerLocation: { namespace: 'edge' } });
    new Ingress(s.shop, 'ingress', {
      name: 'shop',
      ingressClass: cls,
      rules: [{ host: 'shop.example.com', paths: [{ path: '/', pathType: IngressPathType.PREFIX, backend: IngressBackend.service(s.api, 80) }] }],
    });
    Traffic.of(s.app).expect(Request.http('shop.example.com/')).routesTo(Target.of(s.api));
    expect(() => s.app.synth()).not.toThrow();
    const answer = routeOverYaml(s.app, 'http://shop.example.com/').ingresses[0];
    expect(answer.controllerPods).toEqual({ namespace: 'edge', labels: {}, from: 'annotation' });
    expect(answer.reach.map(r => r.allowed)).toEqual([true]);
  });

  test('a malformed pod selector annotation is a one-line error naming the field', () => {
    expect(() => clusterOf(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  annotations: {traffic.cdk8s.io/controller-namespace: edge, traffic.cdk8s.io/controller-pod-selector: "app"}
spec: {gatewayClassName: envoy, listeners: [{name: http, port: 80, protocol: HTTP}]}
`)).toThrow(/metadata\.annotations\.traffic\.cdk8s\.io\/controller-pod-selector: "app" is not key=value/);
  });
});
