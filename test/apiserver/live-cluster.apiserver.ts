// The live-cluster input against a real kube-apiserver (the `test:apiserver` suite; the server of its
// global setup, described by the JSON file in CDK8S_TRAFFIC_APISERVER). Nodes, Pods (with their status
// written through the status subresource; no kubelet or controller runs) and a Service are created for
// real; the CLI reads them as a ServiceAccount bound to exactly the read-only ClusterRole of docs/cli.md,
// and fails with a one-line 403 naming the resource when one permission is missing.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { readOnlyClusterRole } from '../../src/cli/live/resources';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const NS = 'live-traffic';

interface ServerInfo { readonly url: string; readonly token: string; readonly caFile: string; readonly kubeconfig: string; readonly binDir: string }

function server(): ServerInfo {
  const info = process.env.CDK8S_TRAFFIC_APISERVER;
  if (!info) throw new Error('no API server: run this suite with `npm run test:apiserver`');
  return JSON.parse(fs.readFileSync(info, 'utf8')) as ServerInfo;
}

function kubectl(args: string[], stdin?: string): string {
  const s = server();
  const r = spawnSync(path.join(s.binDir, 'kubectl'), ['--kubeconfig', s.kubeconfig, ...args], { input: stdin, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function apply(objects: object[]): void {
  kubectl(['apply', '-f', '-'], objects.map(o => stringify(o)).join('---\n'));
}

/** A kubeconfig for a ServiceAccount bound to `rules` (a token from the TokenRequest API). */
function kubeconfigFor(name: string, rules: unknown): string {
  apply([
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: NS } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace: NS }],
    },
  ]);
  const token = kubectl(['create', 'token', name, '-n', NS]).trim();
  const admin = parse(fs.readFileSync(server().kubeconfig, 'utf8'));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'live-kubeconfig-')), 'config');
  fs.writeFileSync(file, stringify({
    'apiVersion': 'v1',
    'kind': 'Config',
    'clusters': admin.clusters,
    'users': [{ name, user: { token } }],
    'contexts': [{ name, context: { cluster: admin.clusters[0].name, user: name } }],
    'current-context': name,
  }));
  return file;
}

function run(...args: string[]) {
  const c = captureIO();
  const code = runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

beforeAll(() => {
  apply([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    // No controller-manager runs: the namespace's default ServiceAccount, which pods need, is created here.
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: NS } },
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'live-a1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } } },
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'live-b1', labels: { 'topology.kubernetes.io/zone': 'zone-b' } } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace: NS },
      spec: { selector: { app: 'api' }, internalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    },
    ...['live-a1', 'live-b1'].map((node, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `api-${i}`, namespace: NS, labels: { app: 'api' } },
      spec: { nodeName: node, containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', ports: [{ name: 'http', containerPort: 8080 }] }] },
    })),
  ]);
  // What a kubelet would report: the pods run and are ready.
  for (const i of [0, 1]) {
    kubectl(['patch', 'pod', `api-${i}`, '-n', NS, '--subresource=status', '--type=merge', '-p', JSON.stringify({
      status: { phase: 'Running', podIP: `10.244.0.${i + 10}`, podIPs: [{ ip: `10.244.0.${i + 10}` }], conditions: [{ type: 'Ready', status: 'True' }] },
    })]);
  }
});

describe('live cluster input against a real kube-apiserver', () => {
  test('with exactly the read-only ClusterRole: endpoints reads Nodes, Pods and the Service and answers as over a kubectl dump', () => {
    const kc = kubeconfigFor('traffic-reader', readOnlyClusterRole().rules);
    const live = run('endpoints', `${NS}/api`, '--kubeconfig', kc, '--node', 'live-a1', '-o', 'json');
    expect(live.err.split('\n').filter(l => l && !l.startsWith('note: '))).toEqual([]);
    expect(live.code).toBe(0);
    const j = JSON.parse(live.out);
    expect(j.endpoints.map((e: any) => [e.pod, e.node, e.zone, e.share])).toEqual([[`${NS}/api-0`, 'live-a1', 'zone-a', 1]]);

    const dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'live-dump-')), 'dump.yaml');
    fs.writeFileSync(dump, kubectl(['get', 'nodes,pods,services', '-A', '-o', 'yaml']));
    const file = run('endpoints', `${NS}/api`, dump, '--node', 'live-a1', '-o', 'json');
    expect(JSON.parse(file.out)).toEqual(j);
  });

  test('one permission missing: a one-line 403 naming the resource, exit 2, no token in the output', () => {
    const rules = (readOnlyClusterRole().rules as { apiGroups: string[]; resources: string[]; verbs: string[] }[])
      .filter(r => !r.apiGroups.includes('discovery.k8s.io'));
    const kc = kubeconfigFor('traffic-reader-no-slices', rules);
    const r = run('services', '--kubeconfig', kc);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: live cluster: forbidden: the credentials of context "traffic-reader-no-slices" may not list endpointslices\.discovery\.k8s\.io at cluster scope .*\n$/);
    const token = parse(fs.readFileSync(kc, 'utf8')).users[0].user.token as string;
    expect(r.out + r.err).not.toContain(token);
  });
});
