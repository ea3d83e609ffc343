import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Service, ServiceSelector, Target, Traffic, TrafficDistribution, TrafficPolicy } from '../../../src';

/** api (2 replicas) and web (3 replicas) over nodes a1, a2 (zone-a) and b1 (zone-b), declared with Traffic.of(app, { topology }). */
function app(svcProps: { trafficDistribution?: TrafficDistribution; internalTrafficPolicy?: TrafficPolicy }, apiNodes = ['a1', 'b1'], oneAtATime = false) {
  const a = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-topology-')) });
  const chart = new Chart(a, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  const deploy = (name: string, replicas: number) => {
    const d = new kplus.Deployment(chart, name, {
      metadata: { name },
      replicas,
      containers: [{ name, image: 'example', ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } }],
    });
    d.podMetadata.addLabel('app', name);
    return d;
  };
  const api = deploy('api', apiNodes.length);
  const web = deploy('web', 3);
  const svc = new Service(chart, 'api-svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ name: 'http', port: 80, targetPortName: 'http' }], ...svcProps });
  if (oneAtATime) {
    // The same topology declared one node and one placement at a time (Traffic.addNode, addPlacement).
    const t = Traffic.of(a, { audit: false });
    t.addNode('a1', { zone: 'zone-a' });
    t.addNode('a2', { zone: 'zone-a' });
    t.addNode('b1', { zone: 'zone-b' });
    t.addPlacement(api, { nodes: apiNodes });
    t.addPlacement(Target.of(web), { nodes: ['a1', 'a2', 'b1'] });
    return { app: a, traffic: t, svc, web, api };
  }
  const traffic = Traffic.of(a, {
    audit: false,
    topology: {
      nodes: [{ name: 'a1', zone: 'zone-a' }, { name: 'a2', zone: 'zone-a' }, { name: 'b1', zone: 'zone-b' }],
      // One placement names the construct itself, the other its Target: both forms stand for the workload.
      placements: [{ workload: api, nodes: apiNodes }, { workload: Target.of(web), nodes: ['a1', 'a2', 'b1'] }],
    },
  });
  return { app: a, traffic, svc, web, api };
}

function failures(a: App): string {
  try {
    a.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('endpoint-level expectations (kube-proxy endpoint selection)', () => {
  test('keepsTrafficInZone passes with trafficDistribution PreferSameZone (Traffic distribution)', () => {
    const s = app({ trafficDistribution: TrafficDistribution.PREFER_SAME_ZONE });
    s.traffic.expect(Target.of(s.svc)).keepsTrafficInZone('zone-a').keepsTrafficInZone('zone-b');
    expect(failures(s.app)).toBe('');
  });

  test('keepsTrafficInZone fails without a preference, naming the share that leaves the zone', () => {
    const s = app({});
    s.traffic.expect(Target.of(s.svc)).keepsTrafficInZone('zone-a');
    const msg = failures(s.app);
    expect(msg).toContain('expectation failed: Service shop/api keeps traffic from zone zone-a in zone zone-a');
    expect(msg).toContain('from node a1: 50% goes to shop/api-1 (zone zone-b)');
  });

  test('a topology declared one node and one placement at a time gives the same answers as addTopology', () => {
    const failed = app({}, ['a1', 'b1'], true);
    failed.traffic.expect(failed.svc).keepsTrafficInZone('zone-a');
    expect(failures(failed.app)).toContain('from node a1: 50% goes to shop/api-1 (zone zone-b)');
    const held = app({ trafficDistribution: TrafficDistribution.PREFER_SAME_ZONE }, ['a1', 'b1'], true);
    held.traffic.expect(held.svc).keepsTrafficInZone('zone-a').keepsTrafficInZone('zone-b');
    expect(failures(held.app)).toBe('');
  });

  test('hasLocalEndpointForEveryClient fails for client nodes without a backend (Service Internal Traffic Policy)', () => {
    const s = app({ internalTrafficPolicy: TrafficPolicy.LOCAL });
    s.traffic.expect(s.svc).hasLocalEndpointForEveryClient(s.web);
    const msg = failures(s.app);
    expect(msg).toContain('Service shop/api has a local endpoint on every node running Deployment shop/web');
    expect(msg).toContain('node a2: no endpoint on the node');
    expect(msg).not.toContain('node a1:');
  });

  test('leavesNoClientWithoutEndpoints: Local drops a2; Cluster serves every node', () => {
    const local = app({ internalTrafficPolicy: TrafficPolicy.LOCAL });
    local.traffic.expect(Target.of(local.svc)).leavesNoClientWithoutEndpoints();
    expect(failures(local.app)).toMatch(/node a2: internalTrafficPolicy: Local: node a2 has no endpoint, so kube-proxy drops the traffic/);
    const cluster = app({});
    cluster.traffic.expect(Target.of(cluster.svc)).leavesNoClientWithoutEndpoints().hasLocalEndpointForEveryClient(Target.of(cluster.web));
    expect(failures(cluster.app)).toMatch(/node a2: no endpoint on the node/);
    const everywhere = app({ internalTrafficPolicy: TrafficPolicy.LOCAL }, ['a1', 'a2', 'b1']);
    everywhere.traffic.expect(Target.of(everywhere.svc)).leavesNoClientWithoutEndpoints().hasLocalEndpointForEveryClient();
    expect(failures(everywhere.app)).toBe('');
  });

  test('a placement whose workload is neither a construct nor a Target fails synth naming the field', () => {
    const a = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-topology-')) });
    Traffic.of(a, { audit: false, topology: { nodes: [{ name: 'a1' }], placements: [{ workload: 'api', nodes: ['a1'] }] } });
    expect(failures(a)).toContain('Topology placements[0].workload: expected a construct (workload, Service or Namespace) or a Target, got string "api"');
  });

  test('the declared topology is not synthesized into the app', () => {
    const s = app({});
    expect(s.app.synthYaml()).not.toContain('Topology');
  });
});
