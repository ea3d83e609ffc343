import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { readOnlyClusterRole } from '../../../src/cli/live/resources';
import { runCli } from '../../../src/cli/main';
import { captureIO } from '../../helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
let stub: ChildProcess;
let port: number;
let dir: string;
let log: string;

/** A kubeconfig for the stub with a bearer token; the context is named "stub". */
function kubeconfig(token: string, server = `http://127.0.0.1:${port}`): string {
  const file = path.join(dir, `kubeconfig-${token}-${server.replace(/\W/g, '')}`);
  fs.writeFileSync(file, stringify({
    'apiVersion': 'v1',
    'kind': 'Config',
    // A plain-HTTP server needs insecure-skip-tls-verify for @kubernetes/client-node, as for kubectl.
    'clusters': [{ name: 'stub', cluster: { server, 'insecure-skip-tls-verify': true } }],
    'users': [{ name: 'u', user: { token } }],
    'contexts': [{ name: 'stub', context: { cluster: 'stub', user: 'u' } }, { name: 'other', context: { cluster: 'stub', user: 'u' } }],
    'current-context': 'stub',
  }));
  return file;
}

function run(...args: string[]) {
  const c = captureIO();
  const code = runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-cluster-'));
  log = path.join(dir, 'requests.log');
  stub = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'stub-apiserver.ts'), log], {
    cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  port = await new Promise<number>((resolve, reject) => {
    stub.stdout!.once('data', d => resolve(Number(String(d).trim())));
    stub.once('exit', code => reject(new Error(`stub exited ${code}`)));
  });
});

afterAll(() => {
  stub?.kill();
});

describe('live cluster input (--kubeconfig, --context) against a stub API server on 127.0.0.1', () => {
  test('lists every kind with GET requests only, pages through continue tokens, and notes CRDs that are not installed', () => {
    fs.writeFileSync(log, '');
    const r = run('services', '--kubeconfig', kubeconfig('reader'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('shop/api (ClusterIP) ports: http:80->http/TCP\n  -> shop/api-6d[ReplicaSet]\n');
    const requests = fs.readFileSync(log, 'utf8').trim().split('\n');
    expect(requests.every(l => l.startsWith('GET '))).toBe(true);
    expect(requests).toContain('GET /api/v1/pods?limit=500&continue=2');
    expect(r.err).toContain('note: HTTPRoute (gateway.networking.k8s.io) is not served by this API server (CRD not installed): skipped\n');
    expect(r.err).toContain('note: AdminNetworkPolicy (policy.networking.k8s.io) is not served by this API server (CRD not installed): skipped\n');
    expect(r.err.split('\n').filter(l => l && !l.startsWith('note: '))).toEqual([]);
  });

  test('after reading, live input is file input: endpoints answers the same as over a dump of the same objects', () => {
    const live = run('endpoints', 'shop/api', '--kubeconfig', kubeconfig('reader'), '--node', 'a1', '-o', 'json');
    expect(live.code).toBe(0);
    const j = JSON.parse(live.out);
    expect(j.endpoints.map((e: any) => `${e.pod}@${e.node}/${e.zone}`)).toEqual(['shop/api-0@a1/zone-a', 'shop/api-2@a1/zone-a']);
    const dump = path.join(dir, 'dump.yaml');
    const objects = [
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'a1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'b1', labels: { 'topology.kubernetes.io/zone': 'zone-b' } } },
      ...['a1', 'b1', 'a1'].map((node, i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `api-${i}`, namespace: 'shop', labels: { app: 'api' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-6d', controller: true, uid: 'u' }] },
        spec: { nodeName: node, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080, name: 'http' }] }] },
        status: { phase: 'Running', podIP: `10.0.0.${i + 1}`, conditions: [{ type: 'Ready', status: 'True' }] },
      })),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: { selector: { app: 'api' }, internalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }], clusterIP: '10.96.0.10' } },
    ];
    fs.writeFileSync(dump, objects.map(o => stringify(o)).join('---\n'));
    const file = run('endpoints', 'shop/api', dump, '--node', 'a1', '-o', 'json');
    expect(JSON.parse(file.out)).toEqual(j);
  });

  test('--context picks a context of the kubeconfig; an unknown one is a one-line error', () => {
    expect(run('services', '--kubeconfig', kubeconfig('reader'), '--context', 'other').code).toBe(0);
    const r = run('services', '--kubeconfig', kubeconfig('reader'), '--context', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: live cluster: no context "nope" in the kubeconfig\n');
  });

  test('a missing permission is a one-line 403 error naming the resource, without the token', () => {
    const r = run('list', '--kubeconfig', kubeconfig('no-slices'));
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: live cluster: forbidden: the credentials of context "stub" may not list endpointslices.discovery.k8s.io at cluster scope'
      + ' (grant get and list on it; see the read-only ClusterRole in docs/cli.md)\n');
    expect(r.out).toBe('');
  });

  test('bad credentials (401) and an unreachable server are one-line errors that never print the token', () => {
    const bad = run('services', '--kubeconfig', kubeconfig('s3cr3t-token'));
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`error: live cluster: the API server at http://127.0.0.1:${port} rejected the credentials of context "stub" (401 Unauthorized)\n`);
    const down = run('services', '--kubeconfig', kubeconfig('s3cr3t-token', 'http://127.0.0.1:9'));
    expect(down.code).toBe(2);
    expect(down.err).toBe('error: live cluster: cannot reach the API server at http://127.0.0.1:9: ECONNREFUSED\n');
    for (const r of [bad, down]) expect(r.out + r.err).not.toContain('s3cr3t');
  });

  test('no paths and no cluster is a usage error', () => {
    const r = run('services');
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: no input: give files, directories or - for stdin, or --kubeconfig / --context for a running cluster\n');
  });

  test('docs/cli.md ships the read-only ClusterRole the reader needs (get and list on exactly the kinds it lists)', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const block = /<!-- read-only ClusterRole -->\n```yaml\n([\s\S]*?)```/.exec(doc);
    expect(block?.[1]).toBe(stringify(readOnlyClusterRole()));
  });
});

describe('diff against a running cluster', () => {
  test('diff <manifests> --kubeconfig: the cluster is ref1, the manifests ref2; without a cluster, <after> is required', () => {
    const manifests = path.join(dir, 'manifests.yaml');
    fs.writeFileSync(manifests, stringify({
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] },
    }));
    const live = run('diff', manifests, '--kubeconfig', kubeconfig('reader'));
    expect(live.code).toBe(0);
    // The same comparison over a dump of the cluster's objects.
    const dump = path.join(dir, 'cluster-dump.yaml');
    fs.writeFileSync(dump, [
      ...['a1', 'b1', 'a1'].map((node, i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `api-${i}`, namespace: 'shop', labels: { app: 'api' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-6d', controller: true, uid: 'u' }] },
        spec: { nodeName: node, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080, name: 'http' }] }] },
      })),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'shop' } } },
    ].map(o => stringify(o)).join('---\n'));
    const offline = run('diff', dump, manifests);
    expect(live.out).toBe(offline.out);
    expect(live.out).toContain('shop/api-6d[ReplicaSet]');
    const same = run('diff', manifests, manifests);
    expect(same.code).toBe(0);
    const missing = run('diff', manifests);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^error: no input: /);
  });
});
