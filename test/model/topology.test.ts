import { buildCluster, parseManifests } from '../../src/model';
import { ManifestError } from '../../src/model/errors';
import { clusterOf } from '../helpers';

const DEPLOY = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {replicas: 3, template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c}]}}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec: {template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: c}]}}}
`;

describe('topology input: Nodes, Pods with nodeName/status, the declared Topology kind', () => {
  test('a v1 Node gives its zone from topology.kubernetes.io/zone', () => {
    const c = clusterOf(`apiVersion: v1
kind: Node
metadata: {name: n1, labels: {topology.kubernetes.io/zone: eu-1a}}`);
    expect(c.nodes.map(n => [n.name, n.zone, n.declared])).toEqual([['n1', 'eu-1a', false]]);
  });

  test('Pods from kubectl get -o yaml join their folded workload with node and readiness', () => {
    const c = clusterOf(`${DEPLOY}---
apiVersion: v1
kind: Pod
metadata: {name: api-7d-x1, namespace: shop, labels: {app: api}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-7d, controller: true, uid: u}]}
spec: {nodeName: n1, containers: [{name: c}]}
status: {phase: Running, podIPs: [{ip: 10.1.0.4}], conditions: [{type: Ready, status: "True"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api-7d-x2, namespace: shop, labels: {app: api}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-7d, controller: true, uid: u}]}
spec: {nodeName: n2, containers: [{name: c}]}
status: {phase: Pending, conditions: [{type: Ready, status: "False"}]}
`);
    const pods = c.pods.filter(p => p.namespace === 'shop');
    expect(pods.map(p => [p.name, p.workload.name, p.nodeName, p.serving, p.hasEndpoint])).toEqual([
      ['api-7d-x1', 'api-7d', 'n1', true, true],
      ['api-7d-x2', 'api-7d', 'n2', false, false],
    ]);
  });

  test('a declared Topology places replicas by node or by zone (round-robin over the zone\'s nodes); DaemonSets run on every node', () => {
    const c = clusterOf(`${DEPLOY}---
apiVersion: traffic.cdk8s.io/v1alpha1
kind: Topology
metadata: {name: t}
spec:
  nodes: [{name: a1, zone: a}, {name: a2, zone: a}, {name: b1, zone: b}]
  workloads: [{namespace: shop, name: api, zones: [a, a, b]}]`);
    expect(c.nodes.map(n => `${n.name}:${n.zone}`)).toEqual(['a1:a', 'a2:a', 'b1:b']);
    expect(c.pods.map(p => `${p.namespace}/${p.name}@${p.nodeName}`)).toEqual([
      'kube-system/agent-a1@a1', 'kube-system/agent-a2@a2', 'kube-system/agent-b1@b1',
      'shop/api-0@a1', 'shop/api-1@a2', 'shop/api-2@b1',
    ]);
  });

  test.each([
    ['an unknown node', 'workloads: [{name: api, namespace: shop, nodes: [zz]}]', /spec\.workloads\[0\]\.nodes\[0\].*node "zz" is not in spec\.nodes/],
    ['a zone without nodes', 'workloads: [{name: api, namespace: shop, zones: [zz]}]', /zones\[0\].*no node of spec\.nodes is in zone "zz"/],
    ['a workload not in the input', 'workloads: [{name: nope, namespace: shop, nodes: [a1]}]', /spec\.workloads\[0\]\.name.*no workload shop\/nope in the input/],
  ])('a Topology with %s is a one-line error naming the field', (_what, workloads, message) => {
    const yaml = `${DEPLOY}---
apiVersion: traffic.cdk8s.io/v1alpha1
kind: Topology
metadata: {name: t}
spec:
  nodes: [{name: a1, zone: a}]
  ${workloads}`;
    let err: unknown;
    try {
      buildCluster(parseManifests(yaml, 'topo.yaml'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/^topo\.yaml#2/);
    expect((err as Error).message).not.toContain('\n');
  });

  test('EndpointSlice hints are read (forZones, forNodes)', () => {
    const c = clusterOf(`apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: s, namespace: shop, labels: {kubernetes.io/service-name: api}}
addressType: IPv4
endpoints: [{addresses: [10.0.0.1], zone: a, nodeName: a1, hints: {forZones: [{name: a}], forNodes: [{name: a1}]}}]`);
    expect(c.endpointSlices[0].endpoints[0]).toMatchObject({ zoneHints: ['a'], nodeHints: ['a1'], zone: 'a', nodeName: 'a1' });
  });
});
