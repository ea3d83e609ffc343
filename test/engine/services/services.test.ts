import { resolveServicePort, serviceDnsRecords, serviceEndpoints, serviceEnvVars, podServiceEnv } from '../../../src/engine/services';
import { clusterOf } from '../../helpers';

const YAML = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}, {containerPort: 9090, name: metrics}]}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api-legacy, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{containerPort: 80, name: web}, {containerPort: 9090, name: metrics, protocol: UDP}]}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: metrics, port: 9090, targetPort: metrics}
  - {name: raw, port: 7000, targetPort: 7001, protocol: UDP}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  replicas: 2
  template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, ports: [{containerPort: 5432, name: pg}]}]}}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: None, selector: {app: db}, ports: [{name: pg, port: 5432, targetPort: pg}]}
---
apiVersion: v1
kind: Service
metadata: {name: legacy-db, namespace: shop}
spec: {clusterIP: 10.96.0.20, ports: [{name: pg, port: 5432}, {port: 5433}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: legacy-db-1, namespace: shop, labels: {kubernetes.io/service-name: legacy-db}}
addressType: IPv4
ports: [{name: pg, port: 15432}]
endpoints:
- {addresses: [192.168.1.10], hostname: primary, conditions: {ready: true}, zone: z1}
- {addresses: [192.168.1.11], conditions: {ready: false}}
---
apiVersion: v1
kind: Service
metadata: {name: ext, namespace: shop}
spec: {type: ExternalName, externalName: db.example.com, ports: [{port: 5432}]}
---
apiVersion: v1
kind: Service
metadata: {name: kubernetes, namespace: default}
spec: {clusterIP: 10.96.0.1, ports: [{name: https, port: 443, targetPort: 6443}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-v6, namespace: shop}
spec: {clusterIP: "fd00::10", selector: {app: web}, ports: [{port: 80}]}
`;

describe('Service engine', () => {
  const cluster = clusterOf(YAML);
  const svc = (name: string) => cluster.services.find(s => s.name === name)!;

  describe('resolveServicePort', () => {
    test('a named targetPort resolves per backend workload', () => {
      const r = resolveServicePort(cluster, svc('api'), 'http')!;
      expect(r.servicePort.port).toBe(80);
      expect(r.targets.map(t => [t.workload.name, t.containerPort ?? null])).toEqual([['api', 8080], ['api-legacy', null]]);
      expect(r.missing).toEqual(['shop/api-legacy[Deployment]']);
      expect(r.targets[1].problem).toBe('no container port named "http"');
    });

    test('a named targetPort must also match the protocol', () => {
      const r = resolveServicePort(cluster, svc('api'), 9090)!;
      expect(r.targets[1].problem).toBe('container port "metrics" is UDP, the Service port is TCP');
      expect(r.missing).toEqual(['shop/api-legacy[Deployment]']);
    });

    test('a numeric targetPort is used as is on every backend', () => {
      const r = resolveServicePort(cluster, svc('api'), 'raw')!;
      expect(r.targets.map(t => [t.containerPort, t.protocol])).toEqual([[7001, 'UDP'], [7001, 'UDP']]);
      expect(r.missing).toEqual([]);
    });

    test('an unknown port is undefined; a missing targetPort defaults to port', () => {
      expect(resolveServicePort(cluster, svc('api'), 'nope')).toBeUndefined();
      expect(svc('legacy-db').ports[1].targetPort).toBe(5433);
    });
  });

  describe('serviceEndpoints', () => {
    test('selector Services: backend workloads with resolved ports (missing named ports left off)', () => {
      const eps = serviceEndpoints(cluster, svc('api'));
      expect(eps.map(e => [e.workload!.name, e.ports.map(p => `${p.name}:${p.port}/${p.protocol}`)])).toEqual([
        ['api', ['http:8080/TCP', 'metrics:9090/TCP', 'raw:7001/UDP']],
        ['api-legacy', ['raw:7001/UDP']],
      ]);
    });

    test('selector-less Services: EndpointSlice addresses, ports matched by name, conditions kept', () => {
      const eps = serviceEndpoints(cluster, svc('legacy-db'));
      expect(eps.map(e => [e.address, e.ready, e.slice, e.ports.map(p => `${p.name}:${p.port}`)])).toEqual([
        ['192.168.1.10', true, 'legacy-db-1', ['pg:15432']],
        ['192.168.1.11', false, 'legacy-db-1', ['pg:15432']],
      ]);
      expect(eps[0].zone).toBe('z1');
    });

    test('ExternalName Services have no endpoints', () => {
      expect(serviceEndpoints(cluster, svc('ext'))).toEqual([]);
    });
  });

  describe('serviceDnsRecords', () => {
    const dns = (name: string) => serviceDnsRecords(svc(name), cluster).map(r => `${r.type} ${r.name} ${r.value}${r.port ? ` ${r.port}` : ''}`);

    test('ClusterIP: A record and SRV per named port', () => {
      expect(dns('api')).toEqual([
        'SRV _http._tcp.api.shop.svc.cluster.local api.shop.svc.cluster.local 80',
        'SRV _metrics._tcp.api.shop.svc.cluster.local api.shop.svc.cluster.local 9090',
        'SRV _raw._udp.api.shop.svc.cluster.local api.shop.svc.cluster.local 7000',
        'A api.shop.svc.cluster.local <cluster IP>',
      ]);
      expect(dns('legacy-db')).toContain('A legacy-db.shop.svc.cluster.local 10.96.0.20');
      expect(dns('web-v6')).toEqual(['AAAA web-v6.shop.svc.cluster.local fd00::10']);
    });

    test('headless StatefulSet: per-pod records <sts>-<i>.<svc> and SRV per pod', () => {
      expect(dns('db')).toEqual([
        'SRV _pg._tcp.db.shop.svc.cluster.local db-0.db.shop.svc.cluster.local 5432',
        'SRV _pg._tcp.db.shop.svc.cluster.local db-1.db.shop.svc.cluster.local 5432',
        'A db-0.db.shop.svc.cluster.local <pod IP of shop/db-0>',
        'A db-1.db.shop.svc.cluster.local <pod IP of shop/db-1>',
        'A db.shop.svc.cluster.local <pod IPs of shop/db[StatefulSet]>',
      ]);
    });

    test('ExternalName: a CNAME; the cluster domain is configurable', () => {
      expect(serviceDnsRecords(svc('ext'), cluster, 'corp.internal')).toEqual([{ type: 'CNAME', name: 'ext.shop.svc.corp.internal', value: 'db.example.com' }]);
    });

    test('hostname + subdomain pods get records under the headless Service they name', () => {
      const c = clusterOf(`
apiVersion: v1
kind: Pod
metadata: {name: busybox-1, namespace: ns, labels: {name: busybox}}
spec: {hostname: busybox-1, subdomain: busybox-subdomain, containers: [{name: c, ports: [{containerPort: 1234, name: foo}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: busybox-subdomain, namespace: ns}
spec: {clusterIP: None, selector: {name: busybox}, ports: [{name: foo, port: 1234}]}
`);
      const names = serviceDnsRecords(c.services[0], c).map(r => `${r.type} ${r.name}`);
      expect(names).toContain('A busybox-1.busybox-subdomain.ns.svc.cluster.local');
    });
  });

  describe('serviceEnvVars', () => {
    test('kubelet variables: SERVICE_HOST/PORT, named ports, Docker links', () => {
      expect(serviceEnvVars(svc('legacy-db'))).toEqual({
        LEGACY_DB_SERVICE_HOST: '10.96.0.20',
        LEGACY_DB_SERVICE_PORT: '5432',
        LEGACY_DB_SERVICE_PORT_PG: '5432',
        LEGACY_DB_PORT: 'tcp://10.96.0.20:5432',
        LEGACY_DB_PORT_5432_TCP: 'tcp://10.96.0.20:5432',
        LEGACY_DB_PORT_5432_TCP_PROTO: 'tcp',
        LEGACY_DB_PORT_5432_TCP_PORT: '5432',
        LEGACY_DB_PORT_5432_TCP_ADDR: '10.96.0.20',
        LEGACY_DB_PORT_5433_TCP: 'tcp://10.96.0.20:5433',
        LEGACY_DB_PORT_5433_TCP_PROTO: 'tcp',
        LEGACY_DB_PORT_5433_TCP_PORT: '5433',
        LEGACY_DB_PORT_5433_TCP_ADDR: '10.96.0.20',
      });
    });

    test('IPv6 cluster IPs are bracketed in link URLs', () => {
      expect(serviceEnvVars(svc('web-v6')).WEB_V6_PORT).toBe('tcp://[fd00::10]:80');
    });

    test('headless and ExternalName Services inject nothing', () => {
      expect(serviceEnvVars(svc('db'))).toEqual({});
      expect(serviceEnvVars(svc('ext'))).toEqual({});
    });

    test('a pod sees its namespace Services plus default/kubernetes', () => {
      const env = podServiceEnv(cluster, 'shop');
      expect(Object.keys(env).filter(k => k.endsWith('_SERVICE_HOST'))).toEqual([
        'API_SERVICE_HOST', 'KUBERNETES_SERVICE_HOST', 'LEGACY_DB_SERVICE_HOST', 'WEB_V6_SERVICE_HOST',
      ]);
      expect(env.KUBERNETES_SERVICE_PORT_HTTPS).toBe('443');
      expect(Object.keys(podServiceEnv(cluster, 'shop', false))).toEqual(Object.keys(serviceEnvVars(svc('kubernetes'))));
    });
  });
});

describe('headless selector-less Services backed by EndpointSlices', () => {
  const c = clusterOf(`
apiVersion: v1
kind: Service
metadata: {name: db, namespace: data}
spec: {clusterIP: None, ports: [{name: pg, port: 5432}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-v4, namespace: data, labels: {kubernetes.io/service-name: db}}
addressType: IPv4
ports: [{name: pg, port: 5432}]
endpoints:
- {addresses: [10.0.0.1], hostname: primary}
- {addresses: [10.0.0.2], conditions: {ready: false}}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-v6, namespace: data, labels: {kubernetes.io/service-name: db}}
addressType: IPv6
ports: [{name: pg, port: 5432}]
endpoints: [{addresses: ["fd00::1"]}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-fqdn, namespace: data, labels: {kubernetes.io/service-name: db}}
addressType: FQDN
ports: [{name: pg, port: 5432}]
endpoints: [{addresses: [db.example.com]}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: other, namespace: data, labels: {kubernetes.io/service-name: other}}
addressType: IPv4
endpoints: [{addresses: [10.9.9.9]}]
`);

  test('A/AAAA per ready address, per-endpoint hostname records, no record for FQDN or not-ready endpoints', () => {
    expect(serviceDnsRecords(c.services[0], c).map(r => `${r.type} ${r.name} ${r.value}${r.port ? ` ${r.port}` : ''}`)).toEqual([
      'SRV _pg._tcp.db.data.svc.cluster.local primary.db.data.svc.cluster.local 5432',
      'A db.data.svc.cluster.local 10.0.0.1',
      'AAAA db.data.svc.cluster.local fd00::1',
      'A primary.db.data.svc.cluster.local 10.0.0.1',
    ]);
  });

  test('endpoints come only from slices labelled with the Service name', () => {
    expect(serviceEndpoints(c, c.services[0]).map(e => `${e.slice}:${e.address}`)).toEqual([
      'db-fqdn:db.example.com', 'db-v4:10.0.0.1', 'db-v4:10.0.0.2', 'db-v6:fd00::1',
    ]);
  });

  test('publishNotReadyAddresses publishes not-ready endpoints', () => {
    const svc = { ...c.services[0], publishNotReadyAddresses: true };
    expect(serviceDnsRecords(svc, c).map(r => r.value)).toContain('10.0.0.2');
  });
});
