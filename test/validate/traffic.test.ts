import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Include } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Connections, NamespaceIsolation, Peer, Port, Protocol, ReportFormat, Request, Service, ServiceSelector, Target, Traffic, TrafficSuppressions } from '../../src';

function shop(outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-'))) {
  const app = new App({ outdir });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  new NamespaceIsolation(chart, 'isolation');
  const deploy = (name: string, port: number, portName: string) => {
    const d = new kplus.Deployment(chart, name, {
      metadata: { name },
      containers: [{ name, image: 'example', ports: [{ number: port, name: portName }], securityContext: { ensureNonRoot: false } }],
    });
    d.podMetadata.addLabel('app', name);
    return d;
  };
  const web = deploy('web', 8080, 'http');
  const api = deploy('api', 8080, 'http');
  const db = deploy('db', 5432, 'pg');
  const apiSvc = new Service(chart, 'api-svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
  Connections.of(web).allowTo(apiSvc, Port.tcp(80));
  // Context: CoreDNS lives outside the app.
  const traffic = Traffic.of(app);
  traffic.addContextObject({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    spec: { selector: { matchLabels: { 'k8s-app': 'kube-dns' } }, template: { metadata: { labels: { 'k8s-app': 'kube-dns' } }, spec: { containers: [{ name: 'coredns', image: 'coredns', ports: [{ containerPort: 53, protocol: 'UDP', name: 'dns' }] }] } } },
  });
  return { app, chart, traffic, web, api, db, apiSvc };
}

describe('Traffic (synth-time validation)', () => {
  test('passing expectations let synth write the YAML and the requested reports', () => {
    const s = shop();
    s.traffic.configure({
      reports: [
        ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.MARKDOWN, ReportFormat.MERMAID,
        ReportFormat.DOT, ReportFormat.NETASSERT, ReportFormat.HTML,
      ],
    });
    s.traffic.expect(Target.of(s.web)).canReach(Target.service(s.apiSvc), Port.tcp(80)).cannotReach(Target.of(s.db));
    s.traffic.expect(Target.of(s.db)).isIsolated();
    s.traffic.expect(Target.of(s.apiSvc)).hasEndpoints();
    s.traffic.expect(Target.outside()).cannotReach(Target.workload(s.api), Port.tcp(8080));
    s.app.synth();
    const files = fs.readdirSync(s.app.outdir).sort();
    expect(files).toEqual(['shop.k8s.yaml', 'traffic-graph.dot', 'traffic-graph.mmd', 'traffic-netassert.yaml', 'traffic-report.html', 'traffic-report.json', 'traffic-report.md', 'traffic-report.sarif']);
    const json = JSON.parse(fs.readFileSync(path.join(s.app.outdir, 'traffic-report.json'), 'utf8'));
    expect(json.expectations.map((e: any) => [e.description, e.passed])).toEqual([
      ['Deployment shop/web can reach Service shop/api on TCP 80', true],
      ['Deployment shop/web cannot reach Deployment shop/db', true],
      ['Deployment shop/db is isolated for ingress and egress', true],
      ['Service shop/api has endpoints', true],
      ['outside the cluster (0.0.0.0/0) cannot reach Deployment shop/api on TCP 8080', true],
    ]);
    expect(json.summary.errors).toBe(0);
    const mmd = fs.readFileSync(path.join(s.app.outdir, 'traffic-graph.mmd'), 'utf8');
    expect(mmd).toContain('-->|"TCP 8080"|');
    // The HTML report: the same expectations, with reasons; the context CoreDNS drawn faded; app objects located by construct path.
    const html = fs.readFileSync(path.join(s.app.outdir, 'traffic-report.html'), 'utf8');
    expect(html.match(/<tr data-passed="true">/g)).toHaveLength(5);
    const data = JSON.parse(/<script type="application\/json" id="traffic-data">(.*?)<\/script>/s.exec(html)![1]);
    const node = (id: string) => data.graph.nodes.find((n: { id: string }) => n.id === id);
    expect(node('kube-system/coredns[Deployment]')).toMatchObject({ context: true, location: '<context>#0' });
    expect(node('shop/web[Deployment]')).toMatchObject({ location: expect.stringMatching(/\/web/) });
    expect(node('shop/web[Deployment]').context).toBeUndefined();
  });

  test('a failing expectation fails synth with the engine explanation and the construct path', () => {
    const s = shop();
    s.traffic.expect(Target.of(s.web)).canReach(Target.of(s.db), Port.tcp(5432));
    expect(() => s.app.synth()).toThrow([
      'Validation failed with the following errors:',
      '  [Traffic] expectation failed: Deployment shop/web can reach Deployment shop/db on TCP 5432',
      '    shop/web[Deployment] -> shop/db[Deployment]: denied',
      '      egress: shop/web[Deployment] is isolated for egress by shop/allow-dns, shop/default-deny, shop/web-connections',
      '      egress: no egress rule of the isolating policies matches shop/db[Deployment]',
      '      ingress: shop/db[Deployment] is isolated for ingress by shop/default-deny',
      '      ingress: no ingress rule of the isolating policies matches shop/web[Deployment]',
      '      verdict: denied by egress of shop/web[Deployment] and ingress of shop/db[Deployment]',
    ].join('\n'));
  });

  test('error-level findings fail synth naming the object and construct path; a construct suppression silences them', () => {
    const s = shop();
    new ApiObject(s.chart, 'legacy', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'legacy' }, spec: { ports: [{ port: 80 }, { port: 81 }] } });
    expect(() => s.app.synth()).toThrow(/error {3}TRF-SVC-006 Service shop\/legacy \(shop\/legacy\) spec\.ports\[0\]\.name: port 80\/TCP has no name/);
    TrafficSuppressions.addSuppressions(s.chart.node.findChild('legacy'), [{ id: 'TRF-SVC-006', reason: 'consumed by a tool that reads ports by index' }]);
    s.app.synth();
    const md = s.traffic.report(ReportFormat.MARKDOWN);
    expect(md).toContain('| TRF-SVC-006 | Service shop/legacy | shop/legacy | consumed by a tool that reads ports by index |');
  });

  test('objects from Include and raw ApiObjects are validated too; context objects are not reported on', () => {
    const s = shop();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'include-'));
    const file = path.join(dir, 'lb.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata: {name: public, namespace: shop}\nspec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 443, targetPort: 8080}]}\n');
    new Include(s.chart, 'included', { url: file });
    const ctx = path.join(dir, 'ctx.yaml');
    fs.writeFileSync(ctx, 'apiVersion: v1\nkind: Service\nmetadata: {name: other, namespace: edge}\nspec: {type: LoadBalancer, ports: [{port: 443}]}\n');
    s.traffic.addContextYaml(ctx);
    const json = JSON.parse(s.traffic.report(ReportFormat.JSON));
    const lb = json.findings.filter((f: any) => f.ruleId === 'TRF-SVC-004');
    expect(lb.map((f: any) => [f.object.namespace, f.object.name, f.object.constructPath.startsWith('shop/included/')])).toEqual([['shop', 'public', true]]);
  });

  test('suppressions need a reason', () => {
    const s = shop();
    expect(() => TrafficSuppressions.addSuppressions(s.chart, [{ id: 'TRF-NP-001', reason: '' }])).toThrow('a reason is required');
  });

  test('Traffic.of returns one validator per app', () => {
    const s = shop();
    expect(Traffic.of(s.chart)).toBe(s.traffic);
  });

  test('routesTo follows the Ingress to the Service and checks NetworkPolicy from the controller pods', () => {
    const s = shop();
    new ApiObject(s.chart, 'nginx-class', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
    new ApiObject(s.chart, 'ingress', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop' },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
        rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } }] } }],
      },
    });
    s.traffic.expect(Request.https('shop.example.com/api/items')).routesTo(Target.of(s.apiSvc));
    // The namespace is default-deny: the ingress controller may not reach the api pods yet.
    expect(() => s.app.synth()).toThrow(/expectation failed: GET https:\/\/shop\.example\.com\/api\/items routes to Service shop\/api\n {4}NetworkPolicy blocks the controller from shop\/api\[Deployment\]:/);
    Connections.of(s.api).allowFrom(Peer.podsInNamespace({ 'app.kubernetes.io/name': 'ingress-nginx' }, 'ingress-nginx'), Port.tcp(8080));
    s.app.synth();
    expect(JSON.parse(s.traffic.report(ReportFormat.JSON)).expectations.map((e: any) => [e.description, e.passed])).toEqual([
      ['GET https://shop.example.com/api/items routes to Service shop/api', true],
    ]);
  });

  test('routesTo names where the request went instead', () => {
    const s = shop();
    s.traffic.expect(Request.http('shop.example.com/')).routesTo(Target.of(s.apiSvc));
    expect(() => s.app.synth()).toThrow('expectation failed: GET http://shop.example.com/ routes to Service shop/api\n    no Ingress or Gateway in the model accepts this request');
  });

  test('typed context stubs complete the model like YAML context', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'stub-')) });
    const chart = new Chart(app, 'team', { namespace: 'team', disableResourceNameHashes: true });
    new NamespaceIsolation(chart, 'isolation');
    const traffic = Traffic.of(app);
    traffic.addContextNamespace('kube-system', { tier: 'system' });
    traffic.addContextWorkload({ namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, ports: [{ port: 53, name: 'dns', protocol: Protocol.UDP }] });
    const job = new kplus.Deployment(chart, 'job', { metadata: { name: 'job' }, containers: [{ image: 'busybox', securityContext: { ensureNonRoot: false } }] });
    traffic.expect(Target.of(job)).canReach(Target.workloadNamed('kube-system', 'coredns'), Port.DNS_UDP).cannotReach(Target.outside());
    app.synth();
    const json = JSON.parse(traffic.report(ReportFormat.JSON));
    expect(json.expectations.map((e: any) => e.passed)).toEqual([true, true]);
    expect(json.findings.filter((f: any) => f.ruleId === 'TRF-NP-003')).toEqual([]);
  });

  test('failOnWarnings turns warnings into synth errors; stale suppressions are reported; audit: false runs expectations only', () => {
    const s = shop();
    new ApiObject(s.chart, 'lb', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443 }] } });
    TrafficSuppressions.addSuppressions(s.chart, [{ id: 'TRF-NP-004', reason: 'kept from an older policy set' }]);
    s.app.synth();
    const json = JSON.parse(s.traffic.report(ReportFormat.JSON));
    expect(json.findings.map((f: any) => [f.ruleId, f.level, f.object.constructPath])).toEqual([
      ['TRF-SUP-001', 'warning', 'shop'],
      ['TRF-SVC-004', 'warning', 'shop/lb'],
    ]);
    s.traffic.configure({ failOnWarnings: true });
    expect(() => s.app.synth()).toThrow(/warning TRF-SVC-004 Service shop\/lb \(shop\/lb\) spec\.loadBalancerSourceRanges/);
    s.traffic.configure({ audit: false });
    s.app.synth();
    expect(JSON.parse(s.traffic.report(ReportFormat.JSON)).findings).toEqual([]);
  });
});
