import { serviceTraffic, ServiceTraffic, TrafficClient } from '../../../src/engine/services';
import { clusterOf } from '../../helpers';

/** Three nodes in two zones, declared; `api` has replicas on a1 and b1. */
const TOPOLOGY = `
apiVersion: traffic.cdk8s.io/v1alpha1
kind: Topology
metadata: {name: prod}
spec:
  nodes:
  - {name: a1, zone: zone-a}
  - {name: a2, zone: zone-a}
  - {name: b1, zone: zone-b}
  workloads:
  - {namespace: shop, name: api, nodes: [a1, b1]}
  - {namespace: shop, name: web, zones: [zone-a, zone-a]}
`;

function app(serviceSpec: string, extra = ''): string {
  return `${TOPOLOGY}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {replicas: 2, template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {replicas: 2, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop${serviceSpec.includes('topology-mode') ? ', annotations: {service.kubernetes.io/topology-mode: Auto}' : ''}}
spec:
  selector: {app: api}
  ports: [{name: http, port: 80, targetPort: http}]
${serviceSpec.replace(/^# topology-mode\n/, '').split('\n').map(l => `  ${l}`).join('\n')}
${extra}`;
}

function traffic(yaml: string, client: TrafficClient, svc = 'api', port?: number | string): ServiceTraffic {
  const cluster = clusterOf(yaml);
  const s = cluster.services.find(x => x.name === svc)!;
  return serviceTraffic(cluster, s, port, client);
}

const names = (t: ServiceTraffic) => t.endpoints.map(e => `${e.pod ?? e.workload ?? e.address}@${e.node ?? '?'}=${e.share}`);

/** Hand-written EndpointSlice (as `kubectl get endpointslices -o yaml` prints one). */
function slice(endpoints: string, name = 'api-x'): string {
  return `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: ${name}, namespace: shop, labels: {kubernetes.io/service-name: api}}
addressType: IPv4
ports: [{name: http, port: 8080, protocol: TCP}]
endpoints:
${endpoints}`;
}

describe('Virtual IPs and Service Proxies: endpoint selection by kube-proxy', () => {
  test('Virtual IPs and Service Proxies: a ClusterIP Service spreads new connections evenly over its ready endpoints', () => {
    const t = traffic(app(''), { pod: 'shop/web-0' });
    expect(names(t)).toEqual(['shop/api-0@a1=0.5', 'shop/api-1@b1=0.5']);
    expect(t.endpoints.map(e => e.zone)).toEqual(['zone-a', 'zone-b']);
    expect(t.dropped).toBe(false);
    expect(t.node).toBe('a1');
  });

  test('Virtual IPs and Service Proxies: without placement a workload stands for its replicas', () => {
    const yaml = app('').replace(/- \{namespace: shop, name: api.*\n/, '');
    const t = traffic(yaml, { node: 'a1' });
    expect(names(t)).toEqual(['shop/api[Deployment]@?=1']);
  });

  test('Virtual IPs and Service Proxies: session affinity ClientIP pins a client address for sessionAffinityConfig timeoutSeconds (default 10800)', () => {
    const t = traffic(app('sessionAffinity: ClientIP\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 600}}'), { node: 'a1' });
    expect(t.reasons.join('\n')).toMatch(/sessionAffinity ClientIP: .* for 600s/);
    const d = traffic(app('sessionAffinity: ClientIP'), { node: 'a1' });
    expect(d.reasons.join('\n')).toMatch(/for 10800s/);
  });

  test('Virtual IPs and Service Proxies (headless Services): no proxying, DNS lists the ready endpoints', () => {
    const t = traffic(app('clusterIP: None'), { node: 'a1' });
    expect(names(t)).toEqual(['shop/api-0@a1=0.5', 'shop/api-1@b1=0.5']);
    expect(t.reasons.join('\n')).toMatch(/headless Service: no virtual IP/);
  });
});

describe('EndpointSlices: conditions (ready, serving, terminating)', () => {
  test('EndpointSlices conditions: only ready endpoints receive traffic while any is ready', () => {
    const t = traffic(app('', slice(`
- {addresses: [10.0.0.1], nodeName: a1, zone: zone-a, conditions: {ready: true}}
- {addresses: [10.0.0.2], nodeName: b1, zone: zone-b, conditions: {ready: false, serving: false}}
- {addresses: [10.0.0.3], nodeName: a2, zone: zone-a, conditions: {ready: false, serving: true, terminating: true}}`)), { node: 'a1' });
    expect(names(t)).toEqual(['10.0.0.1@a1=1']);
  });

  test('EndpointSlices conditions: serving-but-terminating endpoints are used when no endpoint is ready', () => {
    const t = traffic(app('', slice(`
- {addresses: [10.0.0.2], nodeName: b1, conditions: {ready: false, serving: false}}
- {addresses: [10.0.0.3], nodeName: a2, conditions: {ready: false, serving: true, terminating: true}}`)), { node: 'a1' });
    expect(names(t)).toEqual(['10.0.0.3@a2=1']);
    expect(t.reasons.join('\n')).toMatch(/serving-but-terminating/);
  });

  test('EndpointSlices conditions: Pod status decides ready/serving/terminating when no slice is in the input', () => {
    const pods = ['a1', 'b1'].map((n, i) => `---
apiVersion: v1
kind: Pod
metadata: {name: api-${i}, namespace: shop, labels: {app: api}${i === 1 ? ', deletionTimestamp: "2026-01-01T00:00:00Z"' : ''}, ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api, controller: true, uid: u}]}
spec: {nodeName: ${n}, containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}
status: {phase: Running, podIP: 10.0.0.${i + 1}, conditions: [{type: Ready, status: "${i === 0 ? 'False' : 'True'}"}]}`).join('\n');
    const t = traffic(app('', pods), { node: 'a1' });
    // api-0 not ready; api-1 serving but terminating: the fallback applies.
    expect(names(t)).toEqual(['shop/api-1@b1=1']);
    expect(t.endpoints[0].terminating).toBe(true);
  });

  test('EndpointSlices conditions: no endpoint at all: connections are rejected', () => {
    const t = traffic(app('', slice('- {addresses: [10.0.0.2], conditions: {ready: false, serving: false}}')), { node: 'a1' });
    expect(t.dropped).toBe(true);
  });
});

describe('Service Internal Traffic Policy', () => {
  test('Service Internal Traffic Policy: Local sends a client only to endpoints on its own node', () => {
    const t = traffic(app('internalTrafficPolicy: Local'), { pod: 'shop/web-0' });
    expect(names(t)).toEqual(['shop/api-0@a1=1']);
  });

  test('Service Internal Traffic Policy: Local drops traffic from a node without an endpoint', () => {
    const t = traffic(app('internalTrafficPolicy: Local'), { node: 'a2' });
    expect(t.dropped).toBe(true);
    expect(t.endpoints).toEqual([]);
    expect(t.reasons.join('\n')).toMatch(/node a2 has no endpoint, so kube-proxy drops the traffic/);
  });

  test('Service Internal Traffic Policy: Local with an unknown client node is undetermined, not guessed', () => {
    const t = traffic(app('internalTrafficPolicy: Local'), {});
    expect(t.undetermined).toBe(true);
  });
});

describe('External traffic policy (Virtual IPs and Service Proxies; Create an External Load Balancer: preserving the client source IP)', () => {
  test('externalTrafficPolicy Local: external traffic stays on the node it arrives at, source IP kept', () => {
    const t = traffic(app('type: LoadBalancer\nexternalTrafficPolicy: Local'), { external: true, node: 'b1' });
    expect(names(t)).toEqual(['shop/api-1@b1=1']);
    expect(t.sourceIpPreserved).toBe(true);
  });

  test('externalTrafficPolicy Local: a node without an endpoint fails healthCheckNodePort and drops traffic', () => {
    const t = traffic(app('type: LoadBalancer\nexternalTrafficPolicy: Local\nhealthCheckNodePort: 32000'), { external: true, node: 'a2' });
    expect(t.dropped).toBe(true);
    expect(t.reasons.join('\n')).toMatch(/healthCheckNodePort 32000 fails/);
  });

  test('externalTrafficPolicy Local: without a node, the load balancer spreads over nodes with an endpoint', () => {
    const t = traffic(app('type: LoadBalancer\nexternalTrafficPolicy: Local'), { external: true });
    expect(names(t)).toEqual(['shop/api-0@a1=0.5', 'shop/api-1@b1=0.5']);
    expect(t.reasons.join('\n')).toMatch(/nodes without an endpoint drop what reaches them: a2/);
  });

  test('externalTrafficPolicy Cluster: any node forwards to every endpoint and NATs the source', () => {
    const t = traffic(app('type: NodePort'), { external: true, node: 'a2' });
    expect(names(t)).toEqual(['shop/api-0@a1=0.5', 'shop/api-1@b1=0.5']);
    expect(t.sourceIpPreserved).toBe(false);
  });

  test('Virtual IPs and Service Proxies: a ClusterIP Service is not reachable from outside, unless it has externalIPs', () => {
    expect(traffic(app(''), { external: true, node: 'a1' }).dropped).toBe(true);
    const t = traffic(app('externalIPs: [203.0.113.7]'), { external: true, node: 'a1' });
    expect(t.dropped).toBe(false);
    expect(t.reasons.join('\n')).toMatch(/externalIPs 203.0.113.7/);
  });

  test('Create an External Load Balancer (loadBalancerSourceRanges): clients outside the ranges are dropped', () => {
    const spec = 'type: LoadBalancer\nloadBalancerSourceRanges: [198.51.100.0/24]';
    expect(traffic(app(spec), { external: true, node: 'a1', sourceIp: '203.0.113.9' }).dropped).toBe(true);
    expect(traffic(app(spec), { external: true, node: 'a1', sourceIp: '198.51.100.20' }).dropped).toBe(false);
  });
});

describe('Traffic distribution', () => {
  test('Traffic distribution: PreferSameZone keeps traffic in the client\'s zone', () => {
    const t = traffic(app('trafficDistribution: PreferSameZone'), { node: 'a2' });
    expect(names(t)).toEqual(['shop/api-0@a1=1']);
    expect(t.zone).toBe('zone-a');
  });

  test('Traffic distribution: PreferSameZone falls back to the whole cluster when the client\'s zone has no endpoint', () => {
    const yaml = app('trafficDistribution: PreferSameZone').replace(
      '- {name: b1, zone: zone-b}', '- {name: b1, zone: zone-b}\n  - {name: c1, zone: zone-c}');
    const t = traffic(yaml, { node: 'c1' });
    expect(names(t)).toEqual(['shop/api-0@a1=0.5', 'shop/api-1@b1=0.5']);
    expect(t.reasons.join('\n')).toMatch(/no endpoint is hinted for zone zone-c/);
  });

  test('Traffic distribution: PreferClose behaves as PreferSameZone and is named deprecated (since 1.37)', () => {
    const t = traffic(app('trafficDistribution: PreferClose'), { node: 'b1' });
    expect(names(t)).toEqual(['shop/api-1@b1=1']);
    expect(t.reasons.join('\n')).toMatch(/PreferClose \(deprecated/);
  });

  test('Traffic distribution: without known zones (no placement) the preference cannot apply, and the answer says so', () => {
    const yaml = app('trafficDistribution: PreferSameZone').replace(/- \{namespace: shop, name: api.*\n/, '');
    const t = traffic(yaml, { node: 'a1' });
    expect(names(t)).toEqual(['shop/api[Deployment]@?=1']);
    expect(t.reasons.join('\n')).toMatch(/no hints: the endpoints' zones and nodes are unknown/);
  });

  test('Traffic distribution: PreferSameNode prefers the client\'s node, then its zone', () => {
    const onNode = traffic(app('trafficDistribution: PreferSameNode'), { node: 'b1' });
    expect(names(onNode)).toEqual(['shop/api-1@b1=1']);
    const sameZone = traffic(app('trafficDistribution: PreferSameNode'), { node: 'a2' });
    expect(names(sameZone)).toEqual(['shop/api-0@a1=1']);
  });
});

describe('Topology Aware Routing', () => {
  test('Topology Aware Routing (Safeguards): hints are used only when every endpoint has them', () => {
    const t = traffic(app('', slice(`
- {addresses: [10.0.0.1], nodeName: a1, zone: zone-a, hints: {forZones: [{name: zone-a}]}}
- {addresses: [10.0.0.2], nodeName: b1, zone: zone-b}`)), { node: 'a1' });
    expect(names(t)).toEqual(['10.0.0.1@a1=0.5', '10.0.0.2@b1=0.5']);
    expect(t.reasons.join('\n')).toMatch(/not every ready endpoint has one/);
  });

  test('Topology Aware Routing: kube-proxy filters endpoints by the zone hints of the EndpointSlice', () => {
    const t = traffic(app('', slice(`
- {addresses: [10.0.0.1], nodeName: a1, zone: zone-a, hints: {forZones: [{name: zone-a}]}}
- {addresses: [10.0.0.2], nodeName: b1, zone: zone-b, hints: {forZones: [{name: zone-a}]}}
- {addresses: [10.0.0.3], nodeName: b1, zone: zone-b, hints: {forZones: [{name: zone-b}]}}`)), { node: 'a2' });
    expect(names(t)).toEqual(['10.0.0.1@a1=0.5', '10.0.0.2@b1=0.5']);
  });

  test('Topology Aware Routing (Safeguards): topology-mode Auto with fewer endpoints than zones sets no hints', () => {
    const yaml = app('# topology-mode\n').replace('nodes: [a1, b1]', 'nodes: [a1]').replace('replicas: 2, template: {metadata: {labels: {app: api}}', 'replicas: 1, template: {metadata: {labels: {app: api}}');
    const t = traffic(yaml, { node: 'b1' });
    expect(names(t)).toEqual(['shop/api-0@a1=1']);
    expect(t.reasons.join('\n')).toMatch(/topology-mode Auto: no hints \(1 ready endpoints for 2 zones\)/);
  });
});

describe('IPv4/IPv6 dual-stack', () => {
  test('IPv4/IPv6 dual-stack: a SingleStack Service has one family; a client of the other family gets no address', () => {
    const t = traffic(app('ipFamilies: [IPv6]\nipFamilyPolicy: SingleStack'), { node: 'a1', family: 'IPv4' });
    expect(t.dropped).toBe(true);
    expect(t.reasons.join('\n')).toMatch(/no IPv4 address: the Service has IPv6 only/);
  });

  test('IPv4/IPv6 dual-stack: an explicit second family is named as rejected by a single-stack API server', () => {
    const t = traffic(app('ipFamilies: [IPv4, IPv6]\nipFamilyPolicy: PreferDualStack'), { node: 'a1', family: 'IPv6' });
    expect(t.dropped).toBe(false);
    expect(t.reasons.join('\n')).toMatch(/single-stack API server rejects the second family/);
  });
});
