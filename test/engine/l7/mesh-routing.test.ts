import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Backend, Connections, HttpRoute, Match, NamespaceIsolation, ParentRef, Port, Request, Service, ServiceSelector, Traffic } from '../../../src';
import { runCli } from '../../../src/cli/main';
import { routeStatus } from '../../../src/engine/l7/gateway/attachment';
import { routeInMesh } from '../../../src/engine/l7/mesh/route';
import { parseRequest } from '../../../src/engine/l7/request';
import { captureIO, clusterOf } from '../../helpers';

// Gateway API mesh (GAMMA, GEP-1426): routes whose parentRef is a Service; producer and consumer routes.
const deployment = (ns: string, name: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {matchLabels: {app: ${name}}}, template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}}}
`;
const service = (ns: string, name: string, app = name) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {app: ${app}}, ports: [{port: 80, targetPort: 8080}]}
`;
const YAML = deployment('web', 'web') + deployment('shop', 'api-v1') + deployment('shop', 'api-v2') + deployment('batch', 'job')
  + service('shop', 'api', 'api-v1') + service('shop', 'api-v1') + service('shop', 'api-v2') + `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api-split, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: api, port: 80}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}]
    backendRefs: [{name: api-v2, port: 80}]
  - backendRefs: [{name: api-v1, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: batch-pin, namespace: batch}
spec:
  parentRefs: [{group: "", kind: Service, name: api, namespace: shop}]
  rules: [{backendRefs: [{name: api, namespace: shop, port: 80}]}]
`;

describe('mesh routing', () => {
  const c = clusterOf(YAML);
  const from = (ns: string, name: string) => c.workloads.find(w => w.namespace === ns && w.name === name)!;

  test('a producer route sends api.shop/v2 to api-v2 for every client', () => {
    const a = routeInMesh(c, from('web', 'web'), parseRequest('http://api.shop/v2/items'));
    expect([a.service, a.status, a.backends.map(b => b.target)]).toEqual(['shop/api', 200, ['shop/api-v2']]);
    expect(a.routes).toEqual([{ route: 'shop/api-split', kind: 'HTTPRoute', role: 'producer' }]);
  });

  test("a consumer route takes over for its namespace's clients only", () => {
    const a = routeInMesh(c, from('batch', 'job'), parseRequest('http://api.shop.svc.cluster.local/v2'));
    expect([a.routes.map(r => r.role), a.backends.map(b => b.target)]).toEqual([['consumer'], ['shop/api']]);
    expect(routeStatus(c, c.httpRoutes.find(r => r.name === 'batch-pin')!)[0].accepted.message).toBe('attached to Service shop/api (mesh, consumer route)');
  });

  test('a Service without routes is reached directly; a host naming no Service is refused', () => {
    expect(routeInMesh(c, from('web', 'web'), parseRequest('http://api-v1.shop/')).backends.map(b => b.target)).toEqual(['shop/api-v1']);
    expect(routeInMesh(c, from('web', 'web'), parseRequest('http://nothing.shop/')).status).toBeUndefined();
  });

  test('route --from checks NetworkPolicy from the calling workload to the chosen backend', () => {
    const deny = '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n';
    const io = captureIO(YAML + deny);
    expect(runCli(['route', 'http://api.shop/v2', '--from', 'web/web', '-'], io.io)).toBe(1);
    expect(io.out()).toContain('Mesh: from web/web to Service shop/api:80\n  status: 200\n  route: HTTPRoute shop/api-split (producer)\n');
    expect(io.out()).toMatch(/ {4}shop\/api-v2\[Deployment\] TCP 8080: denied/);
    const open = captureIO(YAML);
    expect(runCli(['route', 'http://api.shop/v2', '--from', 'web/web', '-'], open.io)).toBe(0);
    const bad = captureIO(YAML);
    expect(runCli(['route', 'http://api.shop/', '--from', 'web/nope', '-'], bad.io)).toBe(2);
    expect(bad.err()).toBe('error: --from: no workload web/nope in the input\n');
  });
});

describe('mesh constructs', () => {
  test('HttpRoute takes a Service parent, and expect(request).sentFrom(workload) checks the east-west route and NetworkPolicy', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-')) });
    const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
    new NamespaceIsolation(chart, 'isolation');
    const deploy = (name: string) => {
      const d = new kplus.Deployment(chart, name, { metadata: { name }, containers: [{ name, image: 'x', ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } }] });
      d.podMetadata.addLabel('app', name);
      return d;
    };
    const web = deploy('web');
    const v1 = deploy('api-v1');
    const v2 = deploy('api-v2');
    const svc = (name: string, w: kplus.Deployment) => new Service(chart, `${name}-svc`, { name, selector: ServiceSelector.workload(w), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
    const api = svc('api', v1);
    const apiV1 = svc('api-v1', v1);
    const apiV2 = svc('api-v2', v2);
    const route = new HttpRoute(chart, 'api-split', {
      parentRefs: [ParentRef.service(api, { port: 80 })],
      rules: [
        { matches: [Match.pathPrefix('/v2')], backends: [Backend.service(apiV2, 80)] },
        { backends: [Backend.service(apiV1, 80)] },
      ],
    });
    expect((route.apiObject.toJson() as any).spec.parentRefs).toEqual([{ group: '', kind: 'Service', name: 'api', port: 80 }]);
    const traffic = Traffic.of(app);
    traffic.expect(Request.http('api.shop/v2')).sentFrom(web).routesTo(apiV2);
    // The deprecated form checks the same: the failure is reported once per declaration.
    traffic.expectRequest(Request.http('api.shop/v2'), { from: web }).routesTo(apiV2);
    let error = '';
    try {
      app.synth();
    } catch (e) {
      error = (e as Error).message;
    }
    const failure = 'expectation failed: GET http://api.shop/v2 from shop/web routes to Service shop/api-v2\n    NetworkPolicy blocks shop/web from shop/api-v2[Deployment]';
    expect(error.split(failure)).toHaveLength(3);
    Connections.of(web).allowTo(apiV2, Port.tcp(80));
    app.synth();
  });
});
