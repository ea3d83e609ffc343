import { runCli } from '../../../src/cli/main';
import { CONTROLLER_NOTES } from '../../../src/engine/l7/gateway/controller-notes';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { parseRequest, RequestOptions } from '../../../src/engine/l7/request';
import { captureIO, clusterOf } from '../../helpers';

// Each note of src/engine/l7/gateway/controller-notes.ts, observed with Envoy Gateway's
// translator (egctl x translate v1.9.1, gateway-api v1.6.1): the spec answer stays the
// answer, the note says what the controller likely does instead.

const BASE = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec: {gatewayClassName: eg, listeners: [{name: http, port: 80, protocol: HTTP}, {name: alt, port: 8080, protocol: HTTP}]}
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: shop}
spec: {selector: {app: a}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: shop}
spec: {selector: {app: b}, ports: [{port: 80}]}
`;

function routes(yaml: string): string {
  return BASE + yaml.split('---').map(doc => `---
apiVersion: gateway.networking.k8s.io/v1
kind: ${doc.includes('grpc:') ? 'GRPCRoute' : 'HTTPRoute'}
${doc.replace('grpc:', '').trim()}
`).join('');
}

function notes(yaml: string, url: string, opts: RequestOptions = {}, profile?: string) {
  const [a] = routeThroughGateways(clusterOf(routes(yaml)), parseRequest(url, opts), { controllerProfile: profile });
  return { answer: a, notes: (a.notes ?? []).map(n => `${n.id}: ${n.text}`) };
}

describe('Envoy Gateway notes', () => {
  test('every note in the table is exercised below', () => {
    expect(CONTROLLER_NOTES.map(n => n.id)).toEqual([
      'envoy-gateway/method-ranked-as-header', 'envoy-gateway/virtual-host-per-hostname', 'envoy-gateway/redirect-keeps-port',
      'envoy-gateway/invalid-mirror-fails-rule', 'envoy-gateway/replace-prefix-under-root', 'envoy-gateway/merges-slashes',
      'envoy-gateway/grpc-route-catches-http',
    ]);
  });

  test('method-ranked-as-header: the spec ranks a method match before header matches', () => {
    const { answer, notes: n } = notes(`
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{method: GET}]
    backendRefs: [{name: a, port: 80}]
  - matches: [{headers: [{name: x-a, value: "1"}, {name: x-b, value: "1"}]}]
    backendRefs: [{name: b, port: 80}]`, 'http://s.example/', { headers: { 'x-a': '1', 'x-b': '1' } });
    expect(answer.winner?.ruleIndex).toBe(0);
    expect(n).toEqual(['envoy-gateway/method-ranked-as-header: picks shop/r rule 1 (PathPrefix /, header x-a=1, header x-b=1) instead: it ranks a method match like one more header match']);
  });

  test('virtual-host-per-hostname: no fall-through from an exact host to a wildcard route', () => {
    const { answer, notes: n } = notes(`
metadata: {name: exact, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  hostnames: [foo.example.com]
  rules: [{matches: [{path: {type: PathPrefix, value: /a}}], backendRefs: [{name: a, port: 80}]}]
---
metadata: {name: wild, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  hostnames: ["*.example.com"]
  rules: [{matches: [{path: {type: PathPrefix, value: /b}}], backendRefs: [{name: b, port: 80}]}]`, 'http://foo.example.com/b');
    expect(answer.winner?.route).toBe('shop/wild');
    expect(n).toEqual([expect.stringMatching(/^envoy-gateway\/virtual-host-per-hostname: answers 404: it builds one virtual host per hostname/)]);
  });

  test('redirect-keeps-port: a scheme change keeps the Host port, where the spec uses the well-known port', () => {
    const { answer, notes: n } = notes(`
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]}]`, 'http://s.example:8080/x');
    expect(answer.filters?.redirect?.location).toBe('https://s.example/x');
    expect(n).toEqual(['envoy-gateway/redirect-keeps-port: redirects to https://s.example:8080/x: it keeps the port of the Host header']);
  });

  test('invalid-mirror-fails-rule: the spec drops an unresolvable mirror and serves the request', () => {
    const { answer, notes: n } = notes(`
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
  - filters: [{type: RequestMirror, requestMirror: {backendRef: {name: missing, port: 80}}}]
    backendRefs: [{name: a, port: 80}]`, 'http://s.example/');
    expect(answer.status).toBe(200);
    expect(n).toEqual(['envoy-gateway/invalid-mirror-fails-rule: answers 500: the RequestMirror backend shop/missing does not resolve (BackendNotFound) and it fails the whole rule']);
  });

  test('replace-prefix-under-root: ReplacePrefixMatch of "/" is element-wise in the spec', () => {
    const { answer, notes: n } = notes(`
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]
    backendRefs: [{name: a, port: 80}]`, 'http://s.example/x');
    expect(answer.filters?.forwarded.path).toBe('/new/x');
    expect(n).toEqual(['envoy-gateway/replace-prefix-under-root: forwards the path as /newx (string replacement of the "/" prefix), not /new/x']);
  });

  test('merges-slashes: paths are normalised before matching', () => {
    const { answer, notes: n } = notes(`
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: Exact, value: /a/b}}]
    backendRefs: [{name: a, port: 80}]`, 'http://s.example/a//b');
    expect(answer.status).toBe(404);
    expect(n).toEqual(['envoy-gateway/merges-slashes: merges slashes before matching: it matches /a/b, which may select another rule']);
  });

  test('grpc-route-catches-http: a GRPCRoute rule without matches serves plain HTTP too', () => {
    const { answer, notes: n } = notes(`
grpc:
metadata: {name: g, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: a, port: 80}]}]`, 'http://s.example/index.html');
    expect(answer.status).toBe(404);
    expect(n).toEqual(['envoy-gateway/grpc-route-catches-http: sends it to GRPCRoute shop/g rule 0: a GRPCRoute rule without matches catches plain HTTP requests too']);
  });

  test('no notes for a controller without any, unless a profile is named', () => {
    const yaml = `
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules: [{matches: [{path: {type: Exact, value: /a/b}}], backendRefs: [{name: a, port: 80}]}]`;
    const other = (y: string) => y.replace('gateway.envoyproxy.io/gatewayclass-controller', 'example.com/other');
    const [plain] = routeThroughGateways(clusterOf(other(routes(yaml))), parseRequest('http://s.example/a//b'));
    expect(plain.notes).toEqual([]);
    const [named] = routeThroughGateways(clusterOf(other(routes(yaml))), parseRequest('http://s.example/a//b'), { controllerProfile: 'envoy-gateway' });
    expect(named.notes?.map(x => x.id)).toEqual(['envoy-gateway/merges-slashes']);
  });

  test('the CLI prints the notes after the spec answer and refuses an unknown profile', () => {
    const yaml = routes(`
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]}]`);
    const io = captureIO(yaml);
    runCli(['route', 'http://s.example:8080/x', '-'], io.io);
    expect(io.out()).toContain('  Envoy Gateway likely differs:\n    - redirects to https://s.example:8080/x: it keeps the port of the Host header [envoy-gateway/redirect-keeps-port]\n');
    const bad = captureIO(yaml);
    expect(runCli(['route', 'http://s.example/', '--controller-profile', 'nginx', '-'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/^error: --controller-profile "nginx": expected one of Envoy Gateway, /);
  });
});
