import { ENTRY_YAML } from './fixtures';
import { buildZeroTrust } from '../../../examples/typescript/zero-trust/main';
import { buildCluster, parseManifests } from '../../../src/model';
import { aggregateByNamespace } from '../../../src/validate/graph/aggregate';
import { buildTrafficGraph } from '../../../src/validate/graph/build';
import { AGGREGATE_ABOVE_WORKLOADS, TrafficGraph } from '../../../src/validate/graph/types';
import { synth } from '../../examples/synth';
import { clusterOf } from '../../helpers';

const edgeLines = (g: TrafficGraph) => g.edges.map(e => `${e.from} -> ${e.to} [${e.kind}${e.entryPath ? ', way in' : ''}] ${e.label}`);

function zeroTrust(): TrafficGraph {
  const { files } = synth(buildZeroTrust, 'zero-trust-graph-');
  const objects = Object.entries(files).flatMap(([f, text]) => parseManifests(text, f));
  return buildTrafficGraph(buildCluster(objects));
}

// docs/design.md §2 (connectivity through a Service = connectivity to its endpoints; ipBlock pieces) and
// docs/validation.md "Reports: the traffic graph".
describe('traffic graph of the zero-trust example', () => {
  const g = zeroTrust();

  test('nodes: workloads, the Services that carry traffic, and address ranges merged where their connections are the same', () => {
    expect(g.nodes.map(n => `${n.kind} ${n.id}`)).toEqual([
      'service Service backend/api',
      'service Service data/postgres',
      'service Service data/redis-headless',
      'service Service storefront/web',
      'workload backend/api[Deployment]',
      'workload backend/worker[Deployment]',
      'workload data/redis[StatefulSet]',
      // was 0.0.0.0-255.255.255.255[External]
      'external external 0.0.0.0/0',
      // was 10.20.0.10-10.20.0.10[External] and 10.20.0.11-10.20.0.11[External]: same clients, same port
      'external external 10.20.0.10/31',
      'external external 203.0.113.0/24',
      'workload monitoring/prometheus[Deployment]',
      'workload storefront/web[Deployment]',
    ]);
    // The ExternalName Service proxies nothing: no node.
    expect(g.nodes.some(n => n.id === 'Service backend/payments')).toBe(false);
    expect(g.namespaces).toEqual(['backend', 'data', 'monitoring', 'storefront']);
    expect(g.counts).toEqual({ objects: 28, workloads: 5, namespaces: 4, services: 5, networkPolicies: 13, connections: 10 });
    expect(g.aggregated).toBe(false);
  });

  test('edges: the connectivity matrix on pod ports, Service endpoints, and the way in through the LoadBalancer Service', () => {
    expect(edgeLines(g)).toEqual([
      'Service backend/api -> backend/api[Deployment] [endpoints] TCP 80→8080, TCP 9090',
      'Service data/postgres -> external 10.20.0.10/31 [endpoints] TCP 5432',
      'Service data/redis-headless -> data/redis[StatefulSet] [endpoints] TCP 6379',
      'Service storefront/web -> storefront/web[Deployment] [endpoints, way in] TCP 443→8443',
      'backend/api[Deployment] -> data/redis[StatefulSet] [connection] TCP 6379',
      'backend/api[Deployment] -> external 10.20.0.10/31 [connection] TCP 5432',
      'backend/api[Deployment] -> external 203.0.113.0/24 [connection] TCP 443',
      'backend/worker[Deployment] -> data/redis[StatefulSet] [connection] TCP 6379',
      'backend/worker[Deployment] -> external 10.20.0.10/31 [connection] TCP 5432',
      'external 0.0.0.0/0 -> Service storefront/web [entry, way in] TCP 443',
      'external 0.0.0.0/0 -> storefront/web[Deployment] [connection] TCP 8443',
      'monitoring/prometheus[Deployment] -> backend/api[Deployment] [connection] TCP 9090',
      'storefront/web[Deployment] -> backend/api[Deployment] [connection] TCP 8080',
    ]);
  });

  test('every connection carries the engine explanation of one of its ports (explain, docs/cli.md)', () => {
    const e = g.edges.find(x => x.from === 'storefront/web[Deployment]' && x.to === 'backend/api[Deployment]')!;
    expect(e.why?.explained).toBe('TCP 8080');
    expect(e.why?.reasons[e.why.reasons.length - 1]).toBe('verdict: allowed: TCP 8080 from storefront/web[Deployment] to backend/api[Deployment]');
    expect(g.edges.filter(x => x.kind === 'connection').every(x => x.why && x.why.reasons.length > 0)).toBe(true);
    expect(g.edges.filter(x => x.kind !== 'connection').every(x => x.why === undefined)).toBe(true);
  });

  test('the same input gives the same graph', () => {
    expect(JSON.stringify(zeroTrust())).toBe(JSON.stringify(g));
  });
});

// Gateway API v1 (listeners, parentRefs, backendRefs) and Ingress rules: the way in, drawn.
describe('traffic graph of Gateways, routes and Ingresses', () => {
  const g = buildTrafficGraph(clusterOf(ENTRY_YAML));

  test('external -> Gateway -> HTTPRoute -> Service -> pods and external -> Ingress -> Service -> pods are marked as the way in', () => {
    const wayIn = edgeLines(g).filter(l => l.includes('way in'));
    expect(wayIn).toEqual([
      'Gateway shop/edge -> HTTPRoute shop/web [route, way in] https :443',
      'HTTPRoute shop/web -> Service shop/web [route, way in] port 80',
      'Ingress shop/api -> Service shop/api [route, way in] api.example.com/v1',
      'Service shop/api -> shop/api[Deployment] [endpoints, way in] TCP 80→9000',
      'Service shop/web -> shop/web[Deployment] [endpoints, way in] TCP 80→8080',
      'external 0.0.0.0/0 -> Gateway shop/edge [entry, way in] HTTPS 443',
      'external 0.0.0.0/0 -> Ingress shop/api [entry, way in] TCP 80',
    ]);
    expect(g.nodes.find(n => n.id === 'Gateway shop/edge')?.detail).toBe('Gateway https :443');
    expect(g.nodes.find(n => n.id === 'HTTPRoute shop/web')?.detail).toBe('HTTPRoute shop.example.com');
  });

  test('address ranges: adjacent blocks with the same verdict merge, blocks with other verdicts stay apart', () => {
    expect(g.nodes.filter(n => n.kind === 'external').map(n => n.label)).toEqual([
      '0.0.0.0/0',
      '0.0.0.0/0 except 10.1.0.0/23, 10.2.0.0/16',
      // 10.1.0.0/24 and 10.1.1.0/24 of one rule (TCP 5432): one node
      '10.1.0.0/23',
      // another rule, another port
      '10.2.0.0/16',
    ]);
    expect(edgeLines(g).filter(l => l.startsWith('shop/api[Deployment] -> external'))).toEqual([
      'shop/api[Deployment] -> external 10.1.0.0/23 [connection] TCP 5432',
      'shop/api[Deployment] -> external 10.2.0.0/16 [connection] TCP 6379',
    ]);
  });

  // docs/design.md §2 "End to end": the NetworkPolicy check from the controller's pods to the backend pods.
  test("the way in carries NetworkPolicy's verdict from the controller's pods (Envoy Gateway) to the backend pods", () => {
    const envoy = `${ENTRY_YAML}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: envoy}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-ingress, namespace: shop}
spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress], ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]}
`;
    const closed = buildTrafficGraph(clusterOf(envoy)).edges.find(e => e.from === 'Service shop/web' && e.to === 'shop/web[Deployment]')!;
    expect(closed.entryChecks?.map(c => [c.via, c.allowed])).toEqual([['Gateway shop/edge', false]]);
    expect(closed.entryChecks?.[0].reasons).toContain('verdict: denied by ingress of shop/web[Deployment]');
    const open = envoy.replace('[{podSelector: {matchLabels: {app: api}}}]', '[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: envoy-gateway-system}}}]');
    expect(buildTrafficGraph(clusterOf(open)).edges.find(e => e.from === 'Service shop/web' && e.to === 'shop/web[Deployment]')!
      .entryChecks?.map(c => [c.via, c.allowed])).toEqual([['Gateway shop/edge', true]]);
    // The Ingress's class is not in the input: its controller's pods are unknown, nothing is decided.
    const ingress = buildTrafficGraph(clusterOf(envoy)).edges.find(e => e.from === 'Service shop/api')!;
    expect(ingress.entryChecks?.map(c => [c.via, c.allowed])).toEqual([['Ingress shop/api', undefined]]);
  });

  test('a route with no listener is drawn, detached, and its backend is not on the way in', () => {
    const detached = buildTrafficGraph(clusterOf(ENTRY_YAML.replace('parentRefs: [{name: edge}]', 'parentRefs: [{name: other}]')));
    expect(detached.nodes.find(n => n.id === 'HTTPRoute shop/web')?.detail).toBe('HTTPRoute shop.example.com (not attached)');
    expect(edgeLines(detached)).toContain('HTTPRoute shop/web -> Service shop/web [route] port 80');
  });

  test('context objects are marked (drawn faded), located where the caller says', () => {
    const c = buildTrafficGraph(clusterOf(ENTRY_YAML), { isContext: s => s.index === 1, locationOf: s => `doc ${s.index}` });
    expect(c.nodes.filter(n => n.context).map(n => n.id)).toEqual(['shop/web[Deployment]']);
    expect(c.nodes.find(n => n.id === 'shop/api[Deployment]')?.location).toBe('doc 2');
  });
});

describe('namespace aggregation', () => {
  function manyWorkloads(n: number): string {
    const docs: string[] = [];
    for (let i = 0; i < n; i++) {
      const ns = `team-${i % 3}`;
      docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w${i}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: w${i}}}\n  template:\n    metadata: {labels: {app: w${i}}}\n    spec: {containers: [{name: c, image: x}]}`);
    }
    docs.push('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: team-0}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}');
    docs.push('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: team-1}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}');
    return docs.join('\n---\n');
  }

  test(`above ${AGGREGATE_ABOVE_WORKLOADS} workloads the graph is aggregated and connections carry no explanation`, () => {
    const small = buildTrafficGraph(clusterOf(manyWorkloads(AGGREGATE_ABOVE_WORKLOADS)));
    const large = buildTrafficGraph(clusterOf(manyWorkloads(AGGREGATE_ABOVE_WORKLOADS + 1)));
    expect([small.aggregated, small.explained]).toEqual([false, true]);
    expect([large.aggregated, large.explained]).toEqual([true, false]);
    expect(large.edges.some(e => e.why)).toBe(false);
  });

  test('the graph carries the node each namespace folds into, aggregated or not: what every picture draws for it', () => {
    const g = buildTrafficGraph(clusterOf(manyWorkloads(9)));
    expect(g.aggregated).toBe(false);
    expect(g.namespaceNodes.map(n => [n.id, n.kind, n.namespace, n.detail])).toEqual([
      ['namespace team-0', 'namespace', 'team-0', '3 workloads, 0 other'],
      ['namespace team-1', 'namespace', 'team-1', '3 workloads, 0 other'],
      ['namespace team-2', 'namespace', 'team-2', '3 workloads, 0 other, 6 edges inside'],
    ]);
    expect(aggregateByNamespace(g).nodes.filter(n => n.kind === 'namespace')).toEqual(g.namespaceNodes);
  });

  test('one node per namespace; edges between namespaces merged per kind and counted; edges inside counted on the node', () => {
    const a = aggregateByNamespace(buildTrafficGraph(clusterOf(manyWorkloads(9))));
    expect(a.nodes.map(n => `${n.id}: ${n.detail}`)).toEqual([
      'external 0.0.0.0/0: addresses',
      'namespace team-0: 3 workloads, 0 other',
      'namespace team-1: 3 workloads, 0 other',
      // team-2 is not isolated: its 3 workloads reach each other (6 edges)
      'namespace team-2: 3 workloads, 0 other, 6 edges inside',
    ]);
    expect(a.edges.map(e => `${e.from} -> ${e.to} ${e.label}`)).toEqual([
      'external 0.0.0.0/0 -> namespace team-2 3× connection',
      'namespace team-2 -> external 0.0.0.0/0 3× connection',
    ]);
  });
});
