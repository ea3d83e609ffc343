import { NAMESPACE_NAME_LABEL } from '../../src/model';
import { clusterOf } from '../helpers';

const SHOP = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: a}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: main
        ports: [{containerPort: 8080, name: http}, {containerPort: 9090, protocol: UDP}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: other}
spec:
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: report}}
        spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: lone, labels: {app: lone}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
`;

describe('buildCluster', () => {
  const cluster = clusterOf(SHOP);

  test('declared namespaces carry the implied kubernetes.io/metadata.name label', () => {
    expect(cluster.namespaces.get('shop')!.labels).toEqual({ team: 'a', [NAMESPACE_NAME_LABEL]: 'shop' });
  });

  test('referenced but undeclared namespaces exist with only the implied label', () => {
    expect(cluster.namespaces.get('other')).toEqual({ name: 'other', labels: { [NAMESPACE_NAME_LABEL]: 'other' }, declared: false });
    expect(cluster.namespaces.get('default')!.declared).toBe(false);
  });

  test('workloads reduce to pod template labels and named container ports', () => {
    const api = cluster.workloads.find(w => w.name === 'api')!;
    expect(api.labels).toEqual({ app: 'api' });
    expect(api.ports).toEqual([
      { container: 'main', name: 'http', containerPort: 8080, protocol: 'TCP' },
      { container: 'main', name: undefined, containerPort: 9090, protocol: 'UDP' },
    ]);
    expect(cluster.workloads.find(w => w.name === 'report')!.labels).toEqual({ app: 'report' });
  });

  test('objects without a namespace go to default', () => {
    expect(cluster.workloads.find(w => w.name === 'lone')!.namespace).toBe('default');
  });

  test('workloads are sorted by namespace then name', () => {
    expect(cluster.workloads.map(w => `${w.namespace}/${w.name}`)).toEqual(['default/lone', 'other/report', 'shop/api']);
  });

  test('kinds the engine does not read are kept as ignored', () => {
    expect(cluster.ignored.map(i => `${i.kind}/${i.name}`)).toEqual(['ConfigMap/cfg']);
  });

  test('invalid containerPort names the file, document, object and field', () => {
    expect(() => clusterOf(`apiVersion: v1
kind: Pod
metadata: {name: p, namespace: x}
spec: {containers: [{name: c, ports: [{containerPort: 70000}]}]}
`, 'p.yaml')).toThrow('p.yaml#0 Pod x/p: spec.containers[0].ports[0].containerPort: must be between 1 and 65535, inclusive (got 70000)');
  });

  // ValidateObjectMeta applies to every kind, read by the engine or not (found by test:apiserver).
  test('metadata labels and namespace must be valid for every kind', () => {
    expect(() => clusterOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {team: "a b"}}\n', 'm.yaml'))
      .toThrow('m.yaml#0 ConfigMap c: metadata.labels.team: "a b" is not a valid label value');
    expect(() => clusterOf('apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: Shop}\nspec: {ports: [{port: 80}]}\n', 'm.yaml'))
      .toThrow('metadata.namespace: "Shop" is not a valid namespace name');
  });

  // The same rules, at their edges: what ValidateObjectMeta lets through and what it names.
  test.each([
    ['{name: c, labels: {team: null}}', 'accepted'],
    ['{name: c, labels: null, namespace: null}', 'accepted'],
    ['{name: c, namespace: ""}', 'accepted'],
    ['{name: c, labels: {"example.com/team": "", a.b_c: x-1}}', 'accepted'],
    ['{name: c, labels: {team: 2}}', 'metadata.labels.team: expected a string value, got number 2'],
    ['{name: c, labels: [team]}', 'metadata.labels: expected a mapping, got a list'],
    ['{name: c, labels: {"-team": a}}', 'metadata.labels.-team: "-team" is not a valid label key'],
    ['{name: c, labels: {"Example.com/team": a}}', 'metadata.labels.Example.com/team: "Example.com/team" is not a valid label key'],
    ['{name: c, labels: {team: "a-"}}', 'metadata.labels.team: "a-" is not a valid label value'],
    ['{name: c, namespace: "-shop"}', 'metadata.namespace: "-shop" is not a valid namespace name'],
  ])('metadata %s: %s', (metadata, error) => {
    const read = () => clusterOf(`apiVersion: v1\nkind: ConfigMap\nmetadata: ${metadata}\n`, 'm.yaml');
    if (error === 'accepted') expect(read).not.toThrow();
    else expect(read).toThrow(error);
  });

  test('a Service targetPort of 0 means the port itself (the API server defaults it)', () => {
    const c = clusterOf('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, targetPort: 0}]}\n');
    expect(c.services[0].ports[0].targetPort).toBe(80);
  });

  test('CIDRs of NetworkPolicy and tier policies refuse leading zeros, as the API server\'s strict parser does', () => {
    const anp = (net: string) => `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n  egress: [{action: Deny, to: [{networks: ["${net}"]}]}]\n`;
    expect(() => clusterOf(anp('010.0.0.0/8'))).toThrow('"010.0.0.0/8" is not a valid CIDR (IPv4 octets must not have leading zeros)');
    expect(() => clusterOf(anp('10.0.0.0/08'))).toThrow('"10.0.0.0/08" is not a valid CIDR (the prefix length must not have leading zeros)');
    expect(() => clusterOf(anp('10.0.0.0/8'))).not.toThrow();
  });

  // Service validation of Kubernetes 1.37 (found by test:apiserver with other seeds).
  test('NetworkPolicy ipBlocks and Service loadBalancerSourceRanges are network addresses; tier networks need not be', () => {
    const np = (cidr: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: "${cidr}"}}]}]}\n`;
    expect(() => clusterOf(np('10.0.0.1/8'))).toThrow('"10.0.0.1/8" is not a valid CIDR (bits are set beyond the prefix length: the network is 10.0.0.0/8)');
    expect(() => clusterOf(np('2001:db8::1/32'))).toThrow('the network is 2001:db8::/32');
    expect(() => clusterOf(np('10.0.0.0/8'))).not.toThrow();
    const lb = (range: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: LoadBalancer, loadBalancerSourceRanges: ["${range}"], ports: [{port: 80}]}\n`;
    expect(() => clusterOf(lb('010.0.0.0/8'))).toThrow('IPv4 octets must not have leading zeros');
    expect(() => clusterOf(lb('203.0.113.0/24'))).not.toThrow();
  });

  test('a nodePort is refused on ClusterIP Services only; loadBalancerClass is a label-style name; externalIPs reach a host', () => {
    const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: ${spec}\n`;
    expect(() => clusterOf(svc('{externalIPs: ["10.30.0"], ports: [{port: 80}]}'))).toThrow('"10.30.0" is not a valid IP address');
    expect(() => clusterOf(svc('{externalIPs: ["169.254.1.1"], ports: [{port: 80}]}'))).toThrow('"169.254.1.1" may not be in the link-local range');
    expect(() => clusterOf(svc('{type: ExternalName, externalName: db.example.com, ports: [{port: 80, nodePort: 80}]}'))).not.toThrow();
    expect(() => clusterOf(svc('{type: ExternalName, externalName: db.example.com, ports: [{port: 80, nodePort: 30080}]}'))).not.toThrow();
    expect(() => clusterOf(svc('{ports: [{port: 80, nodePort: 30080}]}'))).toThrow('nodePort: may not be used when type is ClusterIP');
    expect(() => clusterOf(svc('{type: LoadBalancer, loadBalancerClass: Example.com/lb, ports: [{port: 80}]}'))).toThrow('is not a valid load balancer class');
  });

  // docs/design.md section 2 (ipBlock with except): a repeated ipBlock is one block to the engine;
  // each copy is still checked where it is written, so an invalid one is refused at its own path.
  test('identical ipBlocks are read once and shared; an invalid copy is refused at its own object and field', () => {
    const np = (name: string, block: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}}\n`
      + `spec: {podSelector: {}, ingress: [{from: [{ipBlock: ${block}}]}]}\n---\n`;
    const open = '{cidr: 0.0.0.0/0, except: [169.254.0.0/16]}';
    const c = clusterOf(np('a', open) + np('b', open) + np('c', '{cidr: 0.0.0.0/0}'));
    const blocks = c.networkPolicies.map(p => p.ingress[0].peers[0].ipBlock!);
    expect(blocks.map(b => [b.cidr, ...b.except].join(' '))).toEqual(['0.0.0.0/0 169.254.0.0/16', '0.0.0.0/0 169.254.0.0/16', '0.0.0.0/0']);
    expect(blocks[0]).toBe(blocks[1]);
    expect(blocks[2]).not.toBe(blocks[0]);
    expect(() => clusterOf(np('a', open) + np('b', '{cidr: 0.0.0.0/0, except: [169.254.0.1/16]}'), 'p.yaml'))
      .toThrow('p.yaml#1 NetworkPolicy default/b: spec.ingress[0].from[0].ipBlock.except[0]: "169.254.0.1/16" is not a valid CIDR');
  });

  test('duplicate objects are an error naming both documents', () => {
    expect(() => clusterOf('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n', 'd.yaml'))
      .toThrow('d.yaml#1 Namespace a: duplicate object: also defined at d.yaml#0');
  });
});
