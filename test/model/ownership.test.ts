import { clusterOf } from '../helpers';

const pod = (name: string, owner?: { kind: string; name: string; controller?: boolean }, labels = '{app: web}', ports = '[]') => `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels: ${labels}
${owner ? `  ownerReferences: [{apiVersion: v1, kind: ${owner.kind}, name: ${owner.name}, uid: x, controller: ${owner.controller ?? true}}]` : ''}
spec: {containers: [{name: c, ports: ${ports}}]}
`;

const peers = (yaml: string) => clusterOf(yaml).workloads.map(w => `${w.namespace}/${w.name}[${w.kind}]`);

describe('workload ownership folding', () => {
  test('a standalone Pod is its own workload', () => {
    expect(peers(pod('lone'))).toEqual(['shop/lone[Pod]']);
  });

  test('pods whose controller is not in the input are named after the controller (netpol-analyzer naming)', () => {
    const yaml = [pod('web-5d4f-a', { kind: 'ReplicaSet', name: 'web-5d4f' }, '{app: web}', '[{containerPort: 80, name: http}]'),
      pod('web-5d4f-b', { kind: 'ReplicaSet', name: 'web-5d4f' }, '{app: web}', '[{containerPort: 81}]')].join('---\n');
    const c = clusterOf(yaml);
    expect(c.workloads).toHaveLength(1);
    const w = c.workloads[0];
    expect(`${w.name}[${w.kind}]`).toBe('web-5d4f[ReplicaSet]');
    expect(w.members).toEqual(['Pod/web-5d4f-a', 'Pod/web-5d4f-b']);
    expect(w.replicas).toBe(2);
    expect(w.ports.map(p => p.containerPort)).toEqual([80, 81]);
  });

  test('DaemonSet and Job controllers name their pods too', () => {
    const yaml = [pod('agent-x1', { kind: 'DaemonSet', name: 'agent' }), pod('batch-x1', { kind: 'Job', name: 'batch' })].join('---\n');
    expect(peers(yaml)).toEqual(['shop/agent[DaemonSet]', 'shop/batch[Job]']);
  });

  test('owners that are not controllers, Nodes (static pods) and non-workload kinds do not rename a pod', () => {
    const yaml = [
      pod('a', { kind: 'ReplicaSet', name: 'rs', controller: false }),
      pod('kube-apiserver-n1', { kind: 'Node', name: 'n1' }),
      pod('vm-x', { kind: 'VirtualMachineInstance', name: 'vm' }),
    ].join('---\n');
    expect(peers(yaml)).toEqual(['shop/a[Pod]', 'shop/kube-apiserver-n1[Pod]', 'shop/vm-x[Pod]']);
  });

  test('Pod -> ReplicaSet -> Deployment in the input fold into the Deployment, keeping its template', () => {
    const yaml = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-5d4f
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u, controller: true}]
spec: {template: {metadata: {labels: {app: web, pod-template-hash: 5d4f}}, spec: {containers: [{name: c}]}}}
---
${pod('web-5d4f-a', { kind: 'ReplicaSet', name: 'web-5d4f' }, '{app: web, pod-template-hash: 5d4f}')}`;
    const c = clusterOf(yaml);
    expect(c.workloads.map(w => `${w.name}[${w.kind}]`)).toEqual(['web[Deployment]']);
    expect(c.workloads[0].labels).toEqual({ app: 'web' });
    expect(c.workloads[0].ports.map(p => p.name)).toEqual(['http']);
    expect(c.workloads[0].members).toEqual(['Pod/web-5d4f-a', 'ReplicaSet/web-5d4f']);
  });

  test('Pod -> Job -> CronJob in the input fold into the CronJob', () => {
    const yaml = `
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
spec: {jobTemplate: {spec: {template: {metadata: {labels: {app: report}}, spec: {containers: [{name: c}]}}}}}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: report-28001
  namespace: shop
  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: report, uid: u, controller: true}]
spec: {template: {metadata: {labels: {app: report}}, spec: {containers: [{name: c}]}}}
---
${pod('report-28001-abc', { kind: 'Job', name: 'report-28001' }, '{app: report}')}`;
    expect(peers(yaml)).toEqual(['shop/report[CronJob]']);
  });

  test('a controller in another namespace is not followed (ownerReferences are namespace-local)', () => {
    const yaml = `
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs, namespace: other}
spec: {template: {metadata: {labels: {app: x}}, spec: {containers: [{name: c}]}}}
---
${pod('p', { kind: 'ReplicaSet', name: 'rs' })}`;
    expect(peers(yaml)).toEqual(['other/rs[ReplicaSet]', 'shop/rs[ReplicaSet]']);
  });
});

describe('lenient owner references', () => {
  test('a controller reference without kind names the pods after the owner, kind Pod (netpol-analyzer behaviour)', () => {
    const yaml = [pod('pod-1', { kind: '""', name: 'internal-security' }, '{app: a}'), pod('pod-2', { kind: '""', name: 'internal-security' }, '{app: b}')].join('---\n');
    const c = clusterOf(yaml);
    expect(c.workloads.map(w => `${w.name}[${w.kind}]`)).toEqual(['internal-security[Pod]']);
    expect(c.workloads[0].labels).toEqual({ app: 'a' });
  });
});

describe('label gaps between pods of one owner', () => {
  test('keys the pods disagree on are recorded; agreeing pods record none', () => {
    const gap = clusterOf([pod('a', { kind: 'ReplicaSet', name: 'rs' }, '{app: web, tier: x, v: "1"}'),
      pod('b', { kind: 'ReplicaSet', name: 'rs' }, '{app: web, tier: y}')].join('---\n'));
    expect(gap.workloads[0].labelGap).toEqual(['tier', 'v']);
    expect(gap.workloads[0].labels).toEqual({ app: 'web', tier: 'x', v: '1' });
    const same = clusterOf([pod('a', { kind: 'ReplicaSet', name: 'rs' }), pod('b', { kind: 'ReplicaSet', name: 'rs' })].join('---\n'));
    expect(same.workloads[0].labelGap).toBeUndefined();
  });
});
