// Intent as tests: the shop declares who may talk to whom, and the synth fails
// if the generated policies, Services and Ingress do not deliver exactly that.
//   internet -> ingress-nginx -> shop/web (Ingress /)  and shop/api (Ingress /api)
//   web -> api -> db;  nothing else; web's calls to api stay in their zone.
// Reports (JSON, SARIF, Markdown, Mermaid graph, netassert tests) are written beside the YAML.
// Usage: ts-node examples/typescript/expectations/main.ts [outdir]
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  Connections, NamespaceIsolation, Peer, Port, ReportFormat, Request, Service, ServiceSelector, ServiceType, Target, Traffic,
  TrafficDistribution, TrafficSuppressions,
} from '../../../src';

const noRoot = { ensureNonRoot: false, readOnlyRootFilesystem: false };

/** The parts of the cluster the app relies on but does not deploy. */
const CONTEXT: Array<Record<string, unknown>> = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
        spec: { containers: [{ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.2' }] },
      },
    },
  },
  { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: { containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1', ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }] }] },
      },
    },
  },
];

export function buildExpectations(outdir: string, validate = true): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  new NamespaceIsolation(chart, 'isolation');

  const deploy = (name: string, image: string, port: number, portName: string) => {
    const d = new kplus.Deployment(chart, name, {
      metadata: { name },
      containers: [{ name, image, ports: [{ number: port, name: portName }], securityContext: noRoot }],
    });
    d.podMetadata.addLabel('app', name);
    return d;
  };
  const web = deploy('web', 'nginx:1.27', 8080, 'http');
  const api = deploy('api', 'ghcr.io/example/shop-api:1.4.2', 8080, 'http');
  const db = deploy('db', 'postgres:16', 5432, 'postgres');
  const webSvc = new Service(chart, 'web-svc', { name: 'web', selector: ServiceSelector.workload(web) });
  webSvc.addPort({ port: 80, name: 'http', targetPortName: 'http' });
  const apiSvc = new Service(chart, 'api-svc', {
    name: 'api',
    selector: ServiceSelector.workload(api),
    trafficDistribution: TrafficDistribution.PREFER_SAME_ZONE,
  });
  apiSvc.addPort({ port: 80, name: 'http', targetPortName: 'http' });
  const dbSvc = new Service(chart, 'db-svc', { name: 'db', selector: ServiceSelector.workload(db) });
  dbSvc.addPort({ port: 5432, name: 'postgres', targetPortName: 'postgres' });

  // A raw Ingress; the spec goes in with a JSON patch so the Python twin can build it the same way.
  const ingress = new ApiObject(chart, 'ingress', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop' } });
  ingress.addJsonPatch(JsonPatch.add('/spec', {
    ingressClassName: 'nginx',
    tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
    rules: [{
      host: 'shop.example.com',
      http: {
        paths: [
          { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
          { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
        ],
      },
    }],
  }));

  const controller = Peer.podsInNamespace({ 'app.kubernetes.io/name': 'ingress-nginx' }, 'ingress-nginx');
  Connections.of(web).allowFrom(controller, Port.named('http'));
  Connections.of(api).allowFrom(controller, Port.named('http'));
  Connections.of(web).allowTo(apiSvc, Port.tcp(80));
  Connections.of(api).allowTo(dbSvc, Port.POSTGRES);

  // A public status page: a LoadBalancer without source ranges is flagged (TRF-SVC-004) unless the reason is recorded.
  const status = new Service(chart, 'status-svc', {
    name: 'status',
    type: ServiceType.LOAD_BALANCER,
    selector: ServiceSelector.workload(web),
  });
  status.addPort({ port: 80, name: 'http', targetPortName: 'http' });
  TrafficSuppressions.addSuppression(status, 'TRF-SVC-004', 'the status page is public by design; the cloud firewall filters abusive clients');

  if (!validate) return app;
  const traffic = Traffic.of(app);
  traffic.configure({ reports: [ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.MARKDOWN, ReportFormat.MERMAID, ReportFormat.NETASSERT] });
  for (const obj of CONTEXT) traffic.addContextObject(obj);

  traffic.expect(web).canReach(apiSvc, Port.tcp(80)).cannotReach(db);
  traffic.expect(api).canReach(dbSvc, Port.named('postgres'));
  traffic.expect(db).isIsolated().cannotReach(Target.outside());
  traffic.expect(Target.outside()).cannotReach(db, Port.POSTGRES);
  traffic.expect(dbSvc).hasEndpoints();
  traffic.expect(Request.https('shop.example.com/api/orders')).routesTo(apiSvc);
  traffic.expect(Request.https('shop.example.com/')).routesTo(webSvc);

  // Where the replicas will run (one per zone): the endpoint expectations ask which endpoints kube-proxy picks.
  traffic.addNode('node-a', { zone: 'zone-a' });
  traffic.addNode('node-b', { zone: 'zone-b' });
  traffic.addPlacement(web, { zones: ['zone-a', 'zone-b'] });
  traffic.addPlacement(api, { zones: ['zone-a', 'zone-b'] });
  traffic.expect(apiSvc).keepsTrafficInZone('zone-a').leavesNoClientWithoutEndpoints(web);

  return app;
}

if (require.main === module) {
  buildExpectations(process.argv[2] ?? 'dist').synth();
}
