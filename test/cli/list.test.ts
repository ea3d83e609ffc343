import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const SHOP = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}}}
---
apiVersion: v1
kind: Pod
metadata:
  name: db-7f9c-x
  namespace: shop
  labels: {app: db}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: db-7f9c, uid: u, controller: true}]
spec: {containers: [{name: c}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: http}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-deny, namespace: shop}
spec: {podSelector: {matchLabels: {app: db}}, policyTypes: [Ingress, Egress]}
`;

function list(args: string[]): { code: number; out: string; err: string } {
  const c = captureIO(SHOP);
  const code = runCli(['list', '-', ...args], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('cdk8s-traffic list', () => {
  test('txt: every allowed pair, pods named after their controller, named ports resolved', () => {
    const r = list([]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections',
      'shop/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/api[Deployment] => shop/web[Deployment] : All Connections',
      'shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
      '',
    ].join('\n'));
  });

  test('--focus-workload keeps connections with the workload on either side (name or ns/name)', () => {
    const byName = list(['--focus-workload', 'api']).out;
    expect(byName).toBe(list(['--focus-workload', 'shop/api']).out);
    expect(byName.trimEnd().split('\n')).toEqual([
      'shop/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/api[Deployment] => shop/web[Deployment] : All Connections',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
    ]);
  });

  test('--focus-direction and --focus-workload-peer narrow further', () => {
    expect(list(['--focus-workload', 'api', '--focus-direction', 'ingress']).out).toBe('shop/web[Deployment] => shop/api[Deployment] : TCP 8080\n');
    expect(list(['--focus-workload', 'api', '--focus-workload-peer', 'web', '--focus-direction', 'egress']).out)
      .toBe('shop/api[Deployment] => shop/web[Deployment] : All Connections\n');
  });

  test('--focus-conn lists the pairs that allow one port', () => {
    expect(list(['--focus-conn', 'tcp-8080', '--focus-workload', 'api', '--focus-direction', 'ingress']).out)
      .toBe('Permitted connections on TCP 8080:\nshop/web[Deployment] => shop/api[Deployment]\n');
    const bad = list(['--focus-conn', 'http-80']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/expected <protocol>-<port>/);
  });

  test('-o json|csv|md|dot', () => {
    expect(JSON.parse(list(['-o', 'json']).out)).toHaveLength(5);
    expect(list(['-o', 'csv']).out.split('\n')[0]).toBe('src,dst,conn');
    expect(list(['-o', 'md']).out.split('\n')[1]).toBe('|-----|-----|------|');
    const dot = list(['-o', 'dot']).out;
    // The isolated ReplicaSet still appears as a node.
    expect(dot).toContain('"shop/db-7f9c[ReplicaSet]" [label="db-7f9c[ReplicaSet]" color="blue" fontcolor="blue"]');
    expect(dot.endsWith('}\n')).toBe(true);
    expect(list(['-o', 'yaml']).code).toBe(2);
  });
});

describe('cdk8s-traffic list: focus on workloads that do not exist', () => {
  test('warns per missing workload; the report is empty when none exists', () => {
    const r = list(['--focus-workload', 'nope,shop/nada']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe([
      'warning: Workload nope does not exist in the input resources.',
      'warning: Workload shop/nada does not exist in the input resources.',
      'warning: Connectivity map report will be empty.',
      '',
    ].join('\n'));
  });

  test('a missing workload next to an existing one only warns', () => {
    const r = list(['--focus-workload', 'nope', '--focus-workload', 'api', '--focus-direction', 'ingress']);
    expect(r.out).toBe('shop/web[Deployment] => shop/api[Deployment] : TCP 8080\n');
    expect(r.err).toBe('warning: Workload nope does not exist in the input resources.\n');
  });

  test('focusing on the ingress controller without Ingress or Route objects', () => {
    expect(list(['--focus-workload', 'ingress-controller']).err).toContain('since Ingress/Route resources were not found');
  });
});

test('list warns when pods folded into one workload carry different labels', () => {
  const c = captureIO(`
apiVersion: v1
kind: Pod
metadata: {name: a, labels: {app: x}, ownerReferences: [{kind: ReplicaSet, name: rs, uid: u, controller: true}]}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, labels: {app: z}, ownerReferences: [{kind: ReplicaSet, name: rs, uid: u, controller: true}]}
spec: {containers: [{name: c}]}
`);
  expect(runCli(['list', '-'], c.io)).toBe(0);
  expect(c.err()).toBe('warning: pods of default/rs[ReplicaSet] differ on labels app; the labels of the first pod are used\n');
});
