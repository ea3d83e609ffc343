// Zero trust across namespaces: every namespace denies by default, and each
// allowed connection is declared once, on the Services clients actually call.
//   internet -> storefront/web -> backend/api -> data/redis (StatefulSet), data/postgres (outside the cluster)
//   backend/worker -> data/redis, data/postgres;  monitoring/prometheus -> backend/api metrics
//   backend/api -> payment provider (203.0.113.0/24, HTTPS)
// Usage: ts-node examples/typescript/zero-trust/main.ts [outdir]
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  Connections, EndpointSlices, NamespaceIsolation, Peer, Port, Service, ServiceSelector, ServiceType,
} from '../../../src';

const noRoot = { ensureNonRoot: false, readOnlyRootFilesystem: false };

/** One chart per namespace, default-deny in and out (DNS to kube-system kept). */
function namespaceChart(app: App, namespaces: Chart, name: string): Chart {
  new kplus.Namespace(namespaces, name, { metadata: { name } });
  const chart = new Chart(app, name, { namespace: name, disableResourceNameHashes: true });
  new NamespaceIsolation(chart, 'isolation');
  return chart;
}

/**
 * A workload given as a raw ApiObject, as one from another tool would be. The
 * spec is added with a JSON patch so the Python twin can build it the same way.
 */
function rawWorkload(
  chart: Chart, kind: string, name: string, image: string,
  ports?: Array<Record<string, unknown>>, extraSpec?: Record<string, unknown>,
): ApiObject {
  const container: Record<string, unknown> = { name, image };
  if (ports) container.ports = ports;
  const spec: Record<string, unknown> = { ...(extraSpec ?? {}) };
  spec.selector = { matchLabels: { app: name } };
  spec.template = { metadata: { labels: { app: name } }, spec: { containers: [container] } };
  const obj = new ApiObject(chart, name, { apiVersion: 'apps/v1', kind, metadata: { name } });
  obj.addJsonPatch(JsonPatch.add('/spec', spec));
  return obj;
}

export function buildZeroTrust(outdir: string): App {
  const app = new App({ outdir });
  // Namespaces are cluster-scoped: they live in a chart without a namespace.
  const namespaces = new Chart(app, 'namespaces', { disableResourceNameHashes: true });
  const storefront = namespaceChart(app, namespaces, 'storefront');
  const backend = namespaceChart(app, namespaces, 'backend');
  const data = namespaceChart(app, namespaces, 'data');
  const monitoring = namespaceChart(app, namespaces, 'monitoring');

  // data: Redis as a StatefulSet behind a headless Service, Postgres outside the cluster.
  const redis = rawWorkload(data, 'StatefulSet', 'redis', 'redis:7.2', [{ containerPort: 6379, name: 'redis' }], { serviceName: 'redis-headless', replicas: 3 });
  const redisSvc = new Service(data, 'redis-svc', {
    name: 'redis-headless',
    selector: ServiceSelector.workload(redis),
    headless: true,
    publishNotReadyAddresses: true,
  });
  redisSvc.addPort({ port: 6379, name: 'redis', targetPortName: 'redis' });
  const postgres = new Service(data, 'postgres-svc', { name: 'postgres' });
  postgres.addPort({ port: 5432, name: 'postgres', targetPort: 5432 });
  const postgresEndpoints = new EndpointSlices(data, 'postgres-endpoints', { service: postgres });
  postgresEndpoints.addEndpoint({ addresses: ['10.20.0.10'], ready: true, zone: 'eu-west-1a' });
  postgresEndpoints.addEndpoint({ addresses: ['10.20.0.11'], ready: true, zone: 'eu-west-1b' });

  // backend: the API (cdk8s-plus-28) and a worker given as a raw ApiObject.
  const api = new kplus.Deployment(backend, 'api', {
    metadata: { name: 'api' },
    replicas: 2,
    containers: [{
      name: 'api',
      image: 'ghcr.io/example/api:2.3.0',
      ports: [{ number: 8080, name: 'http' }, { number: 9090, name: 'metrics' }],
      securityContext: noRoot,
    }],
  });
  const apiSvc = new Service(backend, 'api-svc', {
    name: 'api',
    selector: ServiceSelector.workload(api),
  });
  apiSvc.addPort({ port: 80, name: 'http', targetPortName: 'http' });
  apiSvc.addPort({ port: 9090, name: 'metrics', targetPortName: 'metrics' });
  const payments = new Service(backend, 'payments-svc', {
    name: 'payments',
    type: ServiceType.EXTERNAL_NAME,
    externalName: 'api.payments.example.com',
  });
  postgres.bindEnvironment(api.containers[0]);
  api.containers[0].env.addVariable('REDIS_URL', kplus.EnvValue.fromValue(redisSvc.url('redis', 'redis')));
  api.containers[0].env.addVariable('PAYMENTS_HOST', kplus.EnvValue.fromValue(payments.dnsName()));
  const worker = rawWorkload(backend, 'Deployment', 'worker', 'ghcr.io/example/worker:2.3.0', undefined, { replicas: 1 });

  // storefront: the web tier, the only thing reachable from the internet.
  const web = new kplus.Deployment(storefront, 'web', {
    metadata: { name: 'web' },
    replicas: 3,
    containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ number: 8443, name: 'https' }], securityContext: noRoot }],
  });
  const webSvc = new Service(storefront, 'web-svc', {
    name: 'web',
    type: ServiceType.LOAD_BALANCER,
    selector: ServiceSelector.workload(web),
    loadBalancerSourceRanges: ['0.0.0.0/0'],
  });
  webSvc.addPort({ port: 443, name: 'https', targetPortName: 'https' });
  apiSvc.bindEnvironment(web.containers[0]);

  // monitoring: Prometheus scrapes the API's metrics port.
  const prometheus = rawWorkload(monitoring, 'Deployment', 'prometheus', 'prom/prometheus:v2.53.0', [{ containerPort: 9090, name: 'web' }]);

  // The connections, and nothing else.
  webSvc.connections.allowFrom(Peer.anyIpv4(), Port.HTTPS);
  Connections.of(web).allowTo(apiSvc, Port.named('http'));
  Connections.of(api).allowTo(redisSvc, Port.REDIS);
  Connections.of(api).allowTo(postgres, Port.POSTGRES);
  Connections.of(api).allowTo(Peer.ipBlock('203.0.113.0/24'), Port.HTTPS);
  Connections.of(worker).allowTo(redisSvc, Port.REDIS);
  Connections.of(worker).allowTo(postgres, Port.POSTGRES);
  Connections.of(prometheus).allowTo(apiSvc, Port.named('metrics'));
  Connections.of(redis).allowInternally(Port.REDIS);
  return app;
}

if (require.main === module) {
  buildZeroTrust(process.argv[2] ?? 'dist').synth();
}
