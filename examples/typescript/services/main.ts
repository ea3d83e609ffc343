// Every kind of Service, and how clients find them, in one namespace:
//   web            ClusterIP, dual-stack where the cluster is, trafficDistribution PreferSameZone, ClientIP session affinity
//   web-nodeport   NodePort 30080 with externalTrafficPolicy Local (client IP kept)
//   web-public     LoadBalancer limited to one client range, externalTrafficPolicy Local
//   log-agent      ClusterIP with internalTrafficPolicy Local: each pod talks to the agent on its node
//   redis          headless, the serviceName of a 3-replica StatefulSet (redis-0.redis..., SRV records)
//   orders-db      ExternalName: a CNAME to a managed database outside the cluster
//   analytics      no selector: EndpointSlices list the pods of another cluster by address
// Usage: ts-node examples/typescript/services/main.ts [outdir]
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  EndpointSlices, IpFamilyPolicy, Protocol, Service, ServiceSelector, ServiceType, SessionAffinity, TrafficDistribution,
  TrafficPolicy,
} from '../../../src';

const noRoot = { ensureNonRoot: false, readOnlyRootFilesystem: false };

export function buildServices(outdir: string): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'services', { namespace: 'shop', disableResourceNameHashes: true });

  // The web tier, published three ways.
  const web = new kplus.Deployment(chart, 'web', {
    metadata: { name: 'web' },
    replicas: 3,
    containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ number: 8080, name: 'http' }], securityContext: noRoot }],
  });
  web.podMetadata.addLabel('app', 'web');
  const webSvc = new Service(chart, 'web-svc', {
    name: 'web',
    selector: ServiceSelector.workload(web),
    // No explicit ipFamilies: [IPv4, IPv6] is rejected by a single-stack IPv4 cluster ("IPv6: not configured");
    // PreferDualStack alone gets both families where the cluster has them, IPv4 elsewhere.
    ipFamilyPolicy: IpFamilyPolicy.PREFER_DUAL_STACK,
    trafficDistribution: TrafficDistribution.PREFER_SAME_ZONE,
    sessionAffinity: SessionAffinity.CLIENT_IP,
    sessionAffinityTimeoutSeconds: 600,
  });
  webSvc.addPort({ port: 80, name: 'http', targetPortName: 'http', appProtocol: 'http' });
  const webNodePort = new Service(chart, 'web-nodeport-svc', {
    name: 'web-nodeport',
    type: ServiceType.NODE_PORT,
    selector: ServiceSelector.workload(web),
    externalTrafficPolicy: TrafficPolicy.LOCAL,
  });
  webNodePort.addPort({ port: 80, name: 'http', targetPortName: 'http', nodePort: 30080 });
  const webPublic = new Service(chart, 'web-public-svc', {
    name: 'web-public',
    type: ServiceType.LOAD_BALANCER,
    selector: ServiceSelector.workload(web),
    loadBalancerSourceRanges: ['203.0.113.0/24'],
    externalTrafficPolicy: TrafficPolicy.LOCAL,
  });
  webPublic.addPort({ port: 443, name: 'https', targetPortName: 'http' });

  // A node-local agent: internalTrafficPolicy Local keeps each client on its own node.
  const agent = new kplus.DaemonSet(chart, 'log-agent', {
    metadata: { name: 'log-agent' },
    containers: [{ name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', ports: [{ number: 24224, name: 'forward' }], securityContext: noRoot }],
  });
  agent.podMetadata.addLabel('app', 'log-agent');
  const agentSvc = new Service(chart, 'log-agent-svc', {
    name: 'log-agent',
    selector: ServiceSelector.workload(agent),
    internalTrafficPolicy: TrafficPolicy.LOCAL,
  });
  agentSvc.addPort({ port: 24224, name: 'forward', targetPortName: 'forward' });

  // Redis as a StatefulSet: its headless Service gives every replica a stable name.
  const redis = new ApiObject(chart, 'redis', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'redis' } });
  redis.addJsonPatch(JsonPatch.add('/spec', {
    serviceName: 'redis',
    replicas: 3,
    selector: { matchLabels: { app: 'redis' } },
    template: {
      metadata: { labels: { app: 'redis' } },
      spec: { containers: [{ name: 'redis', image: 'redis:7.2', ports: [{ containerPort: 6379, name: 'redis' }] }] },
    },
  }));
  const redisSvc = new Service(chart, 'redis-svc', {
    name: 'redis',
    headless: true,
    publishNotReadyAddresses: true,
    selector: ServiceSelector.workload(redis),
  });
  redisSvc.addPort({ port: 6379, name: 'redis', targetPortName: 'redis' });

  // A managed database outside the cluster, reached by a stable in-cluster name.
  const ordersDb = new Service(chart, 'orders-db-svc', {
    name: 'orders-db',
    type: ServiceType.EXTERNAL_NAME,
    externalName: 'orders.db.example.com',
  });

  // Analytics runs in another cluster: a selector-less Service and its EndpointSlices.
  const analytics = new Service(chart, 'analytics-svc', { name: 'analytics' });
  analytics.addPort({ port: 80, name: 'http', targetPort: 9000 });
  analytics.addPort({ port: 8125, name: 'statsd', targetPort: 8125, protocol: Protocol.UDP });
  const analyticsEndpoints = new EndpointSlices(chart, 'analytics-endpoints', { service: analytics });
  analyticsEndpoints.addEndpoint({ addresses: ['10.30.0.10'], ready: true, zone: 'eu-west-1a' });
  analyticsEndpoints.addEndpoint({ addresses: ['10.30.0.11'], ready: true, zone: 'eu-west-1b' });

  // Discovery: clients get the names, not the addresses.
  const api = new kplus.Deployment(chart, 'api', {
    metadata: { name: 'api' },
    containers: [{ name: 'api', image: 'ghcr.io/example/shop-api:1.4.2', ports: [{ number: 8080, name: 'http' }], securityContext: noRoot }],
  });
  api.podMetadata.addLabel('app', 'api');
  const env = api.containers[0].env;
  env.addVariable('REDIS_PRIMARY', kplus.EnvValue.fromValue(redisSvc.podDnsName('redis-0')));
  env.addVariable('ORDERS_DB_HOST', kplus.EnvValue.fromValue(ordersDb.dnsName()));
  env.addVariable('ANALYTICS_URL', kplus.EnvValue.fromValue(analytics.url('http')));
  env.addVariable('LOG_FORWARD', kplus.EnvValue.fromValue(`${agentSvc.dnsName()}:24224`));
  env.addVariable('WEB_URL', kplus.EnvValue.fromValue(webSvc.url('http')));
  return app;
}

if (require.main === module) {
  buildServices(process.argv[2] ?? 'dist').synth();
}
