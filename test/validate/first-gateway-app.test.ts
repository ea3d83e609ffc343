// A first Gateway app written as docs/gateway-api.md and the README show it synthesizes and
// validates without warnings about the NetworkPolicies the constructs write for the proxies:
// their pods run outside the app, which the audit says once (docs/gateway-api.md, "Proxies and
// NetworkPolicy"; docs/validation.md, TRF-NP-007 and the notes on TRF-NP-002/003).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AllowedRoutes, Backend, Certificate, Gateway, GatewayClass, HttpRoute, Ingress, IngressBackend, IngressClass, Listener,
  NamespaceIsolation, NetworkPolicy, Peer, PodSelector, Port, ReportFormat, Request, Service, ServiceSelector, Traffic,
} from '../../src';
import { cli, ROOT } from '../examples/synth';

const ENVOY = 'gateway.envoyproxy.io/gatewayclass-controller';
const ENVOY_PODS = {
  'app.kubernetes.io/name': 'envoy',
  'gateway.envoyproxy.io/owning-gateway-name': 'shop',
  'gateway.envoyproxy.io/owning-gateway-namespace': 'shop',
};

interface FirstApp {
  readonly app: App;
  readonly chart: Chart;
  readonly web: kplus.Deployment;
  readonly svc: Service;
  readonly traffic: Traffic;
}

/** NamespaceIsolation, a Deployment behind a Service, and the app's Traffic validator. */
function base(): FirstApp {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'first-gateway-')) });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  new NamespaceIsolation(chart, 'isolation');
  const web = new kplus.Deployment(chart, 'web', {
    metadata: { name: 'web' },
    containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } }],
  });
  const svc = new Service(chart, 'web-svc', { name: 'web', selector: ServiceSelector.workload(web) });
  svc.addPort({ port: 80, name: 'http', targetPortName: 'http' });
  return { app, chart, web, svc, traffic: Traffic.of(app) };
}

/** The smallest Gateway app: a GatewayClass of a known controller, a Gateway, an HTTPRoute and a routesTo expectation. */
function firstGatewayApp(controllerName = ENVOY): FirstApp {
  const s = base();
  const envoy = new GatewayClass(s.chart, 'envoy', { name: 'envoy', controllerName });
  const gw = new Gateway(s.chart, 'gw', {
    name: 'shop',
    gatewayClassName: envoy.name,
    listeners: [Listener.https({ name: 'https', hostname: 'shop.example.com', certificateRefs: [Certificate.secret('shop-tls')] })],
  });
  new HttpRoute(s.chart, 'route', { name: 'web', parents: [gw], rules: [{ backends: [Backend.service(s.svc, 80)] }] });
  s.traffic.expect(Request.https('shop.example.com/')).routesTo(s.svc);
  return s;
}

/** Synthesizes; returns what synth printed on stderr and the findings of the app's JSON report. */
function synth(s: FirstApp): { stderr: string[]; findings: Array<{ ruleId: string; level: string; object: string; message: string }> } {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((t: string | Uint8Array) => {
    lines.push(String(t));
    return true;
  });
  try {
    s.app.synth();
  } finally {
    spy.mockRestore();
  }
  const report = JSON.parse(s.traffic.report(ReportFormat.JSON));
  return {
    stderr: lines,
    findings: report.findings.map((f: any) => ({
      ruleId: f.ruleId, level: f.level, object: `${f.object.kind} ${[f.object.namespace, f.object.name].filter(Boolean).join('/')}`, message: f.message,
    })),
  };
}

const ids = (findings: ReadonlyArray<{ ruleId: string; level: string; object: string }>) => findings.map(f => `${f.level} ${f.ruleId} ${f.object}`);

describe('the first Gateway app runs clean', () => {
  test('synth: no warning; the proxies outside the app are one info finding on the Gateway; routesTo holds', () => {
    const r = synth(firstGatewayApp());
    expect(r.stderr).toEqual([]);
    expect(ids(r.findings)).toEqual([
      'info TRF-NP-003 NetworkPolicy shop/allow-dns', // CoreDNS, outside the app as well
      'info TRF-NP-007 Gateway shop/shop',
    ]);
    expect(r.findings[1].message).toBe('the Envoy Gateway controller\'s pods (namespace envoy-gateway-system, labels app.kubernetes.io/name=envoy,'
      + 'gateway.envoyproxy.io/owning-gateway-name=shop,gateway.envoyproxy.io/owning-gateway-namespace=shop) are outside the input; '
      + 'declare them as context to check that its NetworkPolicies select them (shop/web-connections)');
  });

  test('cdk8s-traffic validate dist/ says the same from the annotations, as docs/gateway-api.md shows', () => {
    const s = firstGatewayApp();
    s.app.synth();
    const r = cli('validate', s.app.outdir);
    expect(r.code).toBe(0);
    const out = r.out.split(`${s.app.outdir}${path.sep}`).join(`dist${path.sep}`);
    expect(out.split('\n').filter(l => /^(warning|info|error) /.test(l)).map(l => l.split(' (')[0])).toEqual([
      'info    TRF-NP-003 NetworkPolicy shop/allow-dns',
      'info    TRF-NP-007 Gateway shop/shop',
    ]);
    expect(out).toMatch(/^0 error\(s\), 0 warning\(s\), 2 info, 0 suppressed$/m);
    const line = out.split('\n').find(l => l.includes('TRF-NP-007'))!;
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'gateway-api.md'), 'utf8')).toContain(line);
  });

  test('with the proxies declared as context, the policies are checked against them and nothing is left to say', () => {
    const s = firstGatewayApp();
    s.traffic.addContextWorkload({ namespace: 'envoy-gateway-system', name: 'envoy-shop', labels: ENVOY_PODS });
    expect(ids(synth(s).findings)).toEqual(['info TRF-NP-003 NetworkPolicy shop/allow-dns']);
  });

  test('a peer the user wrote that selects no pods still warns, beside the proxies\' info', () => {
    const s = firstGatewayApp();
    const metrics = new NetworkPolicy(s.chart, 'metrics', { name: 'metrics', podSelector: PodSelector.workload(s.web) });
    metrics.addIngressRule(Peer.pods({ app: 'prometheus' }), [Port.tcp(9090)]);
    const r = synth(s);
    expect(r.stderr).toEqual(['cdk8s-traffic: 1 warning (TRF-NP-003), 2 info (TRF-NP-003, TRF-NP-007)\n']);
    expect(ids(r.findings)).toEqual([
      'warning TRF-NP-003 NetworkPolicy shop/metrics',
      'info TRF-NP-003 NetworkPolicy shop/allow-dns',
      'info TRF-NP-007 Gateway shop/shop',
    ]);
  });

  test('proxies in an isolated namespace of the app (docs/gateway-api.md): its default deny and controller-egress are no warnings either', () => {
    const s = base();
    const infra = new Chart(s.app, 'infra', { namespace: 'infra', disableResourceNameHashes: true });
    new NamespaceIsolation(infra, 'isolation');
    const envoy = new GatewayClass(infra, 'envoy', { name: 'envoy', controllerName: ENVOY });
    const gw = new Gateway(infra, 'gw', {
      name: 'shop',
      gatewayClassName: envoy.name,
      listeners: [Listener.http({ name: 'http', hostname: 'shop.example.com', allowedRoutes: AllowedRoutes.allNamespaces() })],
      controller: { namespace: 'infra', podLabels: { 'app.kubernetes.io/name': 'envoy' } },
    });
    new HttpRoute(s.chart, 'route', { name: 'web', parents: [gw], rules: [{ backends: [Backend.service(s.svc, 80)] }] });
    s.traffic.expect(Request.http('shop.example.com/')).routesTo(s.svc);
    const r = synth(s);
    expect(r.stderr).toEqual([]);
    expect(ids(r.findings)).toEqual([
      'info TRF-NP-003 NetworkPolicy infra/allow-dns',
      'info TRF-NP-003 NetworkPolicy shop/allow-dns',
      'info TRF-NP-007 Gateway infra/shop',
    ]);
    expect(r.findings[2].message).toMatch(/\(infra\/allow-dns, infra\/controller-egress, infra\/default-deny, shop\/web-connections\)$/);
  });

  test('a controller whose proxies run in the Gateway\'s own namespace (Istio): no warning', () => {
    const r = synth(firstGatewayApp('istio.io/gateway-controller'));
    expect(r.stderr).toEqual([]);
    expect(ids(r.findings)).toEqual(['info TRF-NP-003 NetworkPolicy shop/allow-dns', 'info TRF-NP-007 Gateway shop/shop']);
    expect(r.findings[1].message).toMatch(/^the Istio \(Gateway API\) controller's pods \(namespace shop, labels gateway\.networking\.k8s\.io\/gateway-name=shop\) .*\(shop\/controller-egress, shop\/web-connections\)$/);
  });

  test('Ingress: an IngressClass controllerLocation in an isolated namespace of the app, over synth and over the YAML', () => {
    const s = base();
    const platform = new Chart(s.app, 'platform', { namespace: 'ingress-nginx', disableResourceNameHashes: true });
    new NamespaceIsolation(platform, 'isolation');
    const nginx = new IngressClass(platform, 'nginx', {
      name: 'nginx',
      controller: 'k8s.io/ingress-nginx',
      controllerLocation: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
    });
    const ingress = new Ingress(s.chart, 'ingress', { name: 'web', ingressClass: nginx });
    ingress.addHostPath('shop.example.com', '/', IngressBackend.service(s.svc, 80));
    ingress.addTls({ hosts: ['shop.example.com'], secretName: 'shop-tls' });
    s.traffic.expect(Request.https('shop.example.com/')).routesTo(s.svc);
    const r = synth(s);
    expect(r.stderr).toEqual([]);
    const expected = [
      'info TRF-NP-003 NetworkPolicy ingress-nginx/allow-dns',
      'info TRF-NP-003 NetworkPolicy shop/allow-dns',
      'info TRF-NP-007 IngressClass nginx',
    ];
    expect(ids(r.findings)).toEqual(expected);
    expect(r.findings[2].message).toMatch(/\(ingress-nginx\/allow-dns, ingress-nginx\/controller-egress, ingress-nginx\/default-deny, shop\/web-connections\)$/);
    const json = JSON.parse(cli('validate', '-o', 'json', s.app.outdir).out);
    expect(ids(json.findings.map((f: any) => ({ ...f, object: `${f.object.kind} ${[f.object.namespace, f.object.name].filter(Boolean).join('/')}` })))).toEqual(expected);
  });
});
