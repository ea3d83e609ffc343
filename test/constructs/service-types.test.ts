import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  IpFamily, IpFamilyPolicy, Protocol, Service, ServiceSelector, ServiceType, SessionAffinity, TrafficDistribution, TrafficPolicy,
} from '../../src';

function synthError(build: (chart: Chart) => void): string {
  const app = new App({ outdir: 'cdk.out.test-never-written' });
  const chart = new Chart(app, 'c', { namespace: 'shop' });
  build(chart);
  try {
    app.synthYaml();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

const sel = ServiceSelector.pods({ app: 'api' });

describe('Service types', () => {
  test('ClusterIP is the default and renders no type', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', { name: 'api', selector: sel, ports: [{ port: 80 }] });
    expect(Testing.synth(chart)[0].spec).toEqual({ selector: { app: 'api' }, ports: [{ port: 80 }] });
  });

  test('NodePort with a fixed node port, external traffic policy Local', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', {
      name: 'api',
      selector: sel,
      type: ServiceType.NODE_PORT,
      externalTrafficPolicy: TrafficPolicy.LOCAL,
      ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
    });
    expect(Testing.synth(chart)[0].spec).toEqual({
      type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
    });
  });

  test('one Service may use one node port for its TCP and UDP ports (the API server allocates the number to that Service)', () => {
    const chart = Testing.chart();
    new Service(chart, 'dns', {
      name: 'dns',
      selector: sel,
      type: ServiceType.NODE_PORT,
      ports: [{ name: 'dns-tcp', port: 53, nodePort: 30053 }, { name: 'dns-udp', port: 53, nodePort: 30053, protocol: Protocol.UDP }],
    });
    expect(Testing.synth(chart)[0].spec.ports.map((p: { nodePort: number }) => p.nodePort)).toEqual([30053, 30053]);
  });

  test('LoadBalancer with source ranges, class and no node ports', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', {
      name: 'api',
      selector: sel,
      type: ServiceType.LOAD_BALANCER,
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      loadBalancerClass: 'example.com/internal',
      allocateLoadBalancerNodePorts: false,
      ports: [{ name: 'https', port: 443, targetPort: 8443, appProtocol: 'https' }],
    });
    expect(Testing.synth(chart)[0].spec).toEqual({
      type: 'LoadBalancer',
      selector: { app: 'api' },
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      loadBalancerClass: 'example.com/internal',
      allocateLoadBalancerNodePorts: false,
      ports: [{ name: 'https', port: 443, targetPort: 8443, appProtocol: 'https' }],
    });
  });

  test('ExternalName is a CNAME: no ports needed', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', { name: 'db', type: ServiceType.EXTERNAL_NAME, externalName: 'db.example.com' });
    expect(Testing.synth(chart)[0].spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com' });
  });

  test('headless for a StatefulSet: clusterIP None, no ports needed, not-ready addresses published', () => {
    const chart = Testing.chart();
    const sts = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres', portNumber: 5432, securityContext: { ensureNonRoot: false } }] });
    new Service(chart, 'svc', { name: 'db', selector: ServiceSelector.workload(sts), headless: true, publishNotReadyAddresses: true });
    expect(Testing.synth(chart).find(o => o.kind === 'Service' && o.metadata.name === 'db').spec).toEqual({
      clusterIP: 'None', publishNotReadyAddresses: true, selector: sts.matchLabels,
    });
  });

  test('session affinity, internal traffic policy, dual stack, external IPs', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', {
      name: 'api',
      selector: sel,
      ports: [{ port: 80 }],
      sessionAffinity: SessionAffinity.CLIENT_IP,
      sessionAffinityTimeoutSeconds: 600,
      internalTrafficPolicy: TrafficPolicy.LOCAL,
      ipFamilies: [IpFamily.IPV6, IpFamily.IPV4],
      ipFamilyPolicy: IpFamilyPolicy.PREFER_DUAL_STACK,
      externalIPs: ['198.51.100.7'],
      externalTrafficPolicy: TrafficPolicy.CLUSTER,
    });
    expect(Testing.synth(chart)[0].spec).toEqual({
      selector: { app: 'api' },
      ports: [{ port: 80 }],
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
      internalTrafficPolicy: 'Local',
      ipFamilies: ['IPv6', 'IPv4'],
      ipFamilyPolicy: 'PreferDualStack',
      externalIPs: ['198.51.100.7'],
      externalTrafficPolicy: 'Cluster',
    });
  });

  test('trafficDistribution, newer than the 1.28 types, is patched in', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', { name: 'api', selector: sel, ports: [{ port: 80 }], trafficDistribution: TrafficDistribution.PREFER_CLOSE });
    expect(Testing.synth(chart)[0].spec.trafficDistribution).toBe('PreferClose');
  });

  test('targetPort by container-port name and UDP/SCTP protocols', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', {
      name: 'dns',
      selector: sel,
      ports: [{ name: 'dns', port: 53, targetPortName: 'dns', protocol: Protocol.UDP }, { name: 'sig', port: 3868, protocol: Protocol.SCTP }],
    });
    expect(Testing.synth(chart)[0].spec.ports).toEqual([
      { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' }, { name: 'sig', port: 3868, protocol: 'SCTP' },
    ]);
  });

  test('snapshot of every type', () => {
    const chart = Testing.chart();
    new Service(chart, 'cip', { name: 'cip', selector: sel, ports: [{ port: 80 }] });
    new Service(chart, 'np', { name: 'np', selector: sel, type: ServiceType.NODE_PORT, ports: [{ port: 80, nodePort: 30001 }] });
    new Service(chart, 'lb', { name: 'lb', selector: sel, type: ServiceType.LOAD_BALANCER, ports: [{ port: 443 }], loadBalancerSourceRanges: ['10.0.0.0/8'] });
    new Service(chart, 'ext', { name: 'ext', type: ServiceType.EXTERNAL_NAME, externalName: 'example.com' });
    new Service(chart, 'hl', { name: 'hl', selector: sel, headless: true });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });
});

describe('Service validation (Kubernetes API rules, named by construct path and field)', () => {
  test.each([
    ['node port outside 30000-32767', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, type: ServiceType.NODE_PORT, ports: [{ port: 80, nodePort: 8080 }] }),
      'c/s: spec.ports[0].nodePort: 8080 is outside the node port range 30000-32767'],
    ['node port on a ClusterIP Service', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80, nodePort: 30080 }] }),
      'c/s: spec.ports[0].nodePort: may not be used when type is ClusterIP'],
    ['multi-port without names', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80 }, { port: 443, name: 'https' }] }),
      'c/s: spec.ports[0].name: required when a Service has more than one port'],
    ['duplicate port names', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80, name: 'web' }, { port: 443, name: 'web' }] }),
      'c/s: spec.ports[1].name: duplicate port name "web" (also spec.ports[0])'],
    ['duplicate port and protocol', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] }),
      'c/s: spec.ports[1]: duplicate port 80/TCP'],
    ['no ports on a ClusterIP Service', (c: Chart) => new Service(c, 's', { name: 's', selector: sel }),
      'c/s: spec.ports: required field is missing (only headless and ExternalName Services may have no ports)'],
    ['ExternalName without a name', (c: Chart) => new Service(c, 's', { name: 's', type: ServiceType.EXTERNAL_NAME }),
      'c/s: spec.externalName: required field is missing for type ExternalName'],
    ['ExternalName that is not a DNS name', (c: Chart) => new Service(c, 's', { name: 's', type: ServiceType.EXTERNAL_NAME, externalName: 'Not_A_Name' }),
      'c/s: spec.externalName: "Not_A_Name" is not a valid DNS-1123 subdomain'],
    ['affinity timeout above a day', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80 }], sessionAffinity: SessionAffinity.CLIENT_IP, sessionAffinityTimeoutSeconds: 86401 }),
      'c/s: spec.sessionAffinityConfig.clientIP.timeoutSeconds: must be between 1 and 86400, inclusive (got 86401)'],
    ['externalTrafficPolicy on ClusterIP', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80 }], externalTrafficPolicy: TrafficPolicy.LOCAL }),
      'c/s: spec.externalTrafficPolicy: may only be set for externally-accessible Services (NodePort, LoadBalancer, or externalIPs)'],
    ['loadBalancerSourceRanges on NodePort', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, type: ServiceType.NODE_PORT, ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/8'] }),
      'c/s: spec.loadBalancerSourceRanges: may only be used when type is LoadBalancer'],
    ['bad source range', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, type: ServiceType.LOAD_BALANCER, ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/33'] }),
      'c/s: spec.loadBalancerSourceRanges[0]: "10.0.0.0/33" is not a valid CIDR'],
    ['allocateLoadBalancerNodePorts on ClusterIP', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80 }], allocateLoadBalancerNodePorts: false }),
      'c/s: spec.allocateLoadBalancerNodePorts: may only be used when type is LoadBalancer'],
    ['headless NodePort', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, type: ServiceType.NODE_PORT, headless: true, ports: [{ port: 80 }] }),
      'c/s: spec.clusterIP: may not be "None" for type NodePort'],
    ['SingleStack with two families', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80 }], ipFamilyPolicy: IpFamilyPolicy.SINGLE_STACK, ipFamilies: [IpFamily.IPV4, IpFamily.IPV6] }),
      'c/s: spec.ipFamilies: must have one entry when ipFamilyPolicy is SingleStack'],
    ['bad external IP', (c: Chart) => new Service(c, 's', { name: 's', selector: sel, ports: [{ port: 80 }], externalIPs: ['300.1.1.1'] }),
      'c/s: spec.externalIPs[0]: "300.1.1.1" is not a valid IP address'],
    ['the same node port in two Services of the app', (c: Chart) => {
      new Service(c, 'a', { name: 'a', selector: sel, type: ServiceType.NODE_PORT, ports: [{ port: 80, nodePort: 30080 }] });
      new Service(c, 'b', { name: 'b', selector: sel, type: ServiceType.NODE_PORT, ports: [{ port: 81, nodePort: 30080, protocol: Protocol.UDP }] });
    }, 'c/a: spec.ports: nodePort 30080 is also used by c/b/Resource'],
    ['the same node port and protocol twice in one Service', (c: Chart) => {
      new Service(c, 'a', { name: 'a', selector: sel, type: ServiceType.NODE_PORT, ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] });
    }, 'c/a: spec.ports[1].nodePort: duplicate node port 30080/TCP'],
    ['one node port for two port numbers of one Service', (c: Chart) => new Service(c, 's', {
      name: 's', selector: sel, type: ServiceType.NODE_PORT, ports: [{ name: 'dns', port: 53, nodePort: 30053, protocol: Protocol.UDP }, { name: 'web', port: 80, nodePort: 30053 }],
    }), 'c/s: spec.ports[1].nodePort: 30053 is also used by spec.ports[0], whose port number differs'],
  ])('%s', (_name, build, message) => {
    expect(synthError(build as (c: Chart) => void)).toContain(message);
  });

  test('one Service may use a node port for its TCP and its UDP port (kube-apiserver v1.37 accepts it)', () => {
    expect(synthError(c => new Service(c, 'dns', {
      name: 'dns',
      selector: sel,
      type: ServiceType.NODE_PORT,
      ports: [{ name: 'tcp', port: 53, nodePort: 30053 }, { name: 'udp', port: 53, nodePort: 30053, protocol: Protocol.UDP }],
    }))).toBe('');
  });

  test('construct-time errors', () => {
    const chart = Testing.chart();
    expect(() => new Service(chart, 'ip', { type: ServiceType.EXTERNAL_NAME, externalName: '10.0.0.1' }))
      .toThrow('test/ip: externalName: "10.0.0.1" is an IP address; ExternalName needs a DNS name');
    expect(() => new Service(chart, 'aff', { ports: [{ port: 80 }], sessionAffinityTimeoutSeconds: 10 }))
      .toThrow('test/aff: sessionAffinityTimeoutSeconds needs sessionAffinity CLIENT_IP');
    expect(() => new Service(chart, 'hl', { headless: true, clusterIP: '10.96.0.10' })).toThrow('test/hl: headless and clusterIP are mutually exclusive');
  });
});

describe('Service discovery', () => {
  test('DNS name, SRV names per named port, URL', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    const svc = new Service(chart, 'svc', { name: 'api', selector: sel, ports: [{ name: 'http', port: 80 }, { name: 'dns', port: 53, protocol: Protocol.UDP }] });
    expect(svc.dnsName()).toBe('api.shop.svc.cluster.local');
    expect(svc.dnsName('corp.internal')).toBe('api.shop.svc.corp.internal');
    expect(svc.srvName('dns')).toBe('_dns._udp.api.shop.svc.cluster.local');
    expect(svc.srvNames()).toEqual(['_http._tcp.api.shop.svc.cluster.local', '_dns._udp.api.shop.svc.cluster.local']);
    expect(svc.url()).toBe('http://api.shop.svc.cluster.local:80');
    expect(svc.url('http', 'grpc')).toBe('grpc://api.shop.svc.cluster.local:80');
    expect(() => svc.srvName('nope')).toThrow('Service shop/api has no port named "nope" (named ports: http, dns)');
  });

  test('per-pod DNS names of a headless Service', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'data' });
    const svc = new Service(chart, 'svc', { name: 'redis', selector: sel, headless: true, ports: [{ name: 'redis', port: 6379 }] });
    expect(svc.podDnsName('redis-0')).toBe('redis-0.redis.data.svc.cluster.local');
    const plain = new Service(chart, 'plain', { name: 'plain', selector: sel, ports: [{ port: 80 }] });
    expect(() => plain.podDnsName('x')).toThrow('Service data/plain is not headless');
  });

  test('DNS records from the engine: a headless Service lists its StatefulSet pods', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'data' });
    const sts = new ApiObject(chart, 'redis', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'redis' },
      spec: {
        serviceName: 'redis',
        replicas: 2,
        selector: { matchLabels: { app: 'redis' } },
        template: { metadata: { labels: { app: 'redis' } }, spec: { containers: [{ name: 'redis', image: 'redis', ports: [{ containerPort: 6379, name: 'redis' }] }] } },
      },
    });
    const svc = new Service(chart, 'svc', { name: 'redis', selector: ServiceSelector.workload(sts), headless: true, ports: [{ name: 'redis', port: 6379, targetPortName: 'redis' }] });
    const names = svc.dnsRecords().map(r => `${r.type} ${r.name}`);
    expect(names).toContain('A redis-0.redis.data.svc.cluster.local');
    expect(names).toContain('A redis-1.redis.data.svc.cluster.local');
    expect(names).toContain('SRV _redis._tcp.redis.data.svc.cluster.local');
    const ext = new Service(chart, 'ext', { name: 'ext', type: ServiceType.EXTERNAL_NAME, externalName: 'db.example.com' });
    expect(ext.dnsRecords()).toEqual([{ type: 'CNAME', name: 'ext.data.svc.cluster.local', value: 'db.example.com' }]);
  });

  test('environment variables kubelet injects, with a fixed cluster IP', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    const svc = new Service(chart, 'svc', { name: 'redis-primary', selector: sel, clusterIP: '10.0.0.11', ports: [{ name: 'redis', port: 6379 }, { name: 'sentinel', port: 26379 }] });
    expect(svc.environmentVariables()).toEqual({
      REDIS_PRIMARY_SERVICE_HOST: '10.0.0.11',
      REDIS_PRIMARY_SERVICE_PORT: '6379',
      REDIS_PRIMARY_SERVICE_PORT_REDIS: '6379',
      REDIS_PRIMARY_SERVICE_PORT_SENTINEL: '26379',
      REDIS_PRIMARY_PORT: 'tcp://10.0.0.11:6379',
      REDIS_PRIMARY_PORT_6379_TCP: 'tcp://10.0.0.11:6379',
      REDIS_PRIMARY_PORT_6379_TCP_PROTO: 'tcp',
      REDIS_PRIMARY_PORT_6379_TCP_PORT: '6379',
      REDIS_PRIMARY_PORT_6379_TCP_ADDR: '10.0.0.11',
      REDIS_PRIMARY_PORT_26379_TCP: 'tcp://10.0.0.11:26379',
      REDIS_PRIMARY_PORT_26379_TCP_PROTO: 'tcp',
      REDIS_PRIMARY_PORT_26379_TCP_PORT: '26379',
      REDIS_PRIMARY_PORT_26379_TCP_ADDR: '10.0.0.11',
    });
  });

  test('without a fixed IP the DNS name stands in; headless and ExternalName get none; a container can be wired', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    const svc = new Service(chart, 'svc', { name: 'api', selector: sel, ports: [{ port: 80 }] });
    expect(svc.environmentVariables().API_SERVICE_HOST).toBe('api.shop.svc.cluster.local');
    expect(new Service(chart, 'hl', { name: 'hl', selector: sel, headless: true, ports: [{ port: 80 }] }).environmentVariables()).toEqual({});
    expect(new Service(chart, 'ext', { name: 'ext', type: ServiceType.EXTERNAL_NAME, externalName: 'example.com' }).environmentVariables()).toEqual({});
    const dep = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web', securityContext: { ensureNonRoot: false } }] });
    svc.bindEnvironment(dep.containers[0]);
    const env = Testing.synth(chart).find(o => o.kind === 'Deployment').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'API_SERVICE_PORT', value: '80' });
    expect(env).toContainEqual({ name: 'API_PORT', value: 'tcp://api.shop.svc.cluster.local:80' });
  });
});
