import { parse } from 'yaml';
import { cli, synth } from './synth';
import { buildServices } from '../../examples/typescript/services/main';

// The services example: every Service type, topology fields and discovery, read back by the engine.

const { dir, files } = synth(buildServices, 'services-');
const services = () => JSON.parse(cli('services', '--json', dir).out) as Array<Record<string, any>>;
const byName = (name: string) => services().find(s => s.service === `shop/${name}`)!;

describe('services example', () => {
  test('synthesizes deterministic YAML', () => {
    expect(synth(buildServices).files).toEqual(files);
    expect(Object.keys(files)).toEqual(['services.k8s.yaml']);
  });

  test('each Service selects the workloads it should (services)', () => {
    const r = cli('services', dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      'shop/analytics (ClusterIP) ports: http:80->9000/TCP, statsd:8125->8125/UDP',
      '  -> 10.30.0.10 (EndpointSlice analytics-1)',
      '  -> 10.30.0.11 (EndpointSlice analytics-1)',
      'shop/log-agent (ClusterIP) ports: forward:24224->forward/TCP',
      '  -> shop/log-agent[DaemonSet]',
      'shop/orders-db (ExternalName) ports: none',
      '  -> CNAME orders.db.example.com',
      'shop/redis (Headless) ports: redis:6379->redis/TCP',
      '  -> shop/redis[StatefulSet]',
      'shop/web (ClusterIP) ports: http:80->http/TCP',
      '  -> shop/web[Deployment]',
      'shop/web-nodeport (NodePort) ports: http:80->http/TCP',
      '  -> shop/web[Deployment]',
      'shop/web-public (LoadBalancer) ports: https:443->http/TCP',
      '  -> shop/web[Deployment]',
      '',
    ].join('\n'));
  });

  test('topology, affinity and dual-stack fields reach the YAML', () => {
    const docs = files['services.k8s.yaml'].split(/^---$/m).map(d => parse(d));
    const spec = (name: string) => docs.find(d => d.kind === 'Service' && d.metadata.name === name).spec;
    expect(spec('web')).toMatchObject({
      ipFamilyPolicy: 'PreferDualStack',
      trafficDistribution: 'PreferSameZone',
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
    });
    // Explicit [IPv4, IPv6] would be rejected by a single-stack cluster; PreferDualStack alone adapts.
    expect(spec('web').ipFamilies).toBeUndefined();
    expect(spec('web-nodeport')).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ nodePort: 30080 }] });
    expect(spec('web-public')).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['203.0.113.0/24'] });
    expect(spec('log-agent')).toMatchObject({ internalTrafficPolicy: 'Local' });
    expect(spec('redis')).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(spec('orders-db')).toEqual({ type: 'ExternalName', externalName: 'orders.db.example.com' });
    const slice = docs.find(d => d.kind === 'EndpointSlice');
    expect(slice.metadata.labels['kubernetes.io/service-name']).toBe('analytics');
    expect(slice.endpoints.map((e: any) => [e.addresses[0], e.zone])).toEqual([['10.30.0.10', 'eu-west-1a'], ['10.30.0.11', 'eu-west-1b']]);
  });

  test('DNS: headless per-replica names and SRV targets, ExternalName CNAME, a selector-less Service answers with its cluster IP', () => {
    expect(byName('orders-db').dns).toEqual([{ type: 'CNAME', name: 'orders-db.shop.svc.cluster.local', value: 'orders.db.example.com' }]);
    expect(byName('orders-db').endpoints).toEqual([]);
    // Headless: no virtual IP; each StatefulSet replica gets a name and an SRV target.
    expect(byName('redis').dns.map((r: any) => `${r.type} ${r.name} ${r.value}`)).toEqual([
      'SRV _redis._tcp.redis.shop.svc.cluster.local redis-0.redis.shop.svc.cluster.local',
      'SRV _redis._tcp.redis.shop.svc.cluster.local redis-1.redis.shop.svc.cluster.local',
      'SRV _redis._tcp.redis.shop.svc.cluster.local redis-2.redis.shop.svc.cluster.local',
      'A redis-0.redis.shop.svc.cluster.local <pod IP of shop/redis-0>',
      'A redis-1.redis.shop.svc.cluster.local <pod IP of shop/redis-1>',
      'A redis-2.redis.shop.svc.cluster.local <pod IP of shop/redis-2>',
      'A redis.shop.svc.cluster.local <pod IPs of shop/redis[StatefulSet]>',
    ]);
    expect(byName('analytics').endpoints.map((e: any) => [e.address, e.ports])).toEqual([
      ['10.30.0.10', ['http:9000/TCP', 'statsd:8125/UDP']],
      ['10.30.0.11', ['http:9000/TCP', 'statsd:8125/UDP']],
    ]);
    expect(byName('analytics').env.ANALYTICS_SERVICE_PORT_STATSD).toBe('8125');
  });

  test('clients get names from the constructs, not addresses', () => {
    const env = Object.fromEntries([...files['services.k8s.yaml'].matchAll(/- name: ([A-Z_]+)\n\s+value: (.*)/g)].map(m => [m[1], m[2]]));
    expect(env).toEqual({
      REDIS_PRIMARY: 'redis-0.redis.shop.svc.cluster.local',
      ORDERS_DB_HOST: 'orders-db.shop.svc.cluster.local',
      ANALYTICS_URL: 'http://analytics.shop.svc.cluster.local:80',
      LOG_FORWARD: 'log-agent.shop.svc.cluster.local:24224',
      WEB_URL: 'http://web.shop.svc.cluster.local:80',
    });
  });

  // The web Service asks for PreferDualStack without explicit families and PreferSameZone, so neither
  // TRF-SVC-012 (explicit dual-stack families) nor TRF-SVC-013 (PreferClose) fires.
  test('audit: the load balancer has source ranges; the missing default deny and the NodePort with Local remain', () => {
    const r = cli('validate', '--format', 'json', dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.findings.map((f: any) => [f.ruleId, f.level, f.object.kind, f.object.name])).toEqual([
      ['TRF-NP-001', 'warning', 'Namespace', 'shop'],
      ['TRF-SVC-009', 'warning', 'Service', 'web-nodeport'],
    ]);
  });
});
