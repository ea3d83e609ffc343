// A throwaway Kubernetes control plane on 127.0.0.1: etcd and kube-apiserver built by
// scripts/apiserver/build.sh, token auth over https with the server's self-signed serving
// certificate. Shared by the API-server suites and by tests of the live-cluster input.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export interface KubectlResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ApiServer {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  /** Bearer token of a member of `system:masters`. */
  readonly token: string;
  /** PEM bundle that verifies the serving certificate. */
  readonly caFile: string;
  /** Path of a kubeconfig file whose current context is this server. */
  readonly kubeconfig: string;
  /** Folder holding kube-apiserver, kubectl and etcd. */
  readonly binDir: string;
  kubectl(args: string[], stdin?: string): KubectlResult;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder of the binaries; default: the one scripts/apiserver/build.sh prints (it builds them when missing). */
  readonly binDir?: string;
  /** Service ClusterIP range; a single IPv4 range makes a single-stack IPv4 cluster. */
  readonly serviceClusterIpRange?: string;
  /** How long to wait for /readyz, in milliseconds. */
  readonly readyTimeoutMs?: number;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** The binaries' folder: build.sh's last line (it reuses a complete build and exits 3 without Go). */
export function apiServerBinaries(): string {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'apiserver', 'build.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/apiserver/build.sh exited ${r.status}`);
  return r.stdout.trim().split('\n').pop()!;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startApiServer(options: StartOptions = {}): Promise<ApiServer> {
  const binDir = options.binDir ?? apiServerBinaries();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-traffic-apiserver-'));
  const [etcdClient, etcdPeer, securePort] = [await freePort(), await freePort(), await freePort()];
  const logs = { etcd: path.join(work, 'etcd.log'), apiserver: path.join(work, 'kube-apiserver.log') };

  const etcd = launch(path.join(binDir, 'etcd'), [
    `--data-dir=${path.join(work, 'etcd')}`,
    `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
    `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
    `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
    `--initial-cluster=default=http://127.0.0.1:${etcdPeer}`,
    // A throwaway store: durability buys nothing and fsync is slow on a busy disk.
    '--unsafe-no-fsync',
  ], logs.etcd);

  // Service-account tokens are signed with this key; kube-apiserver refuses to start without one.
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const saKey = path.join(work, 'sa.key');
  const saPub = path.join(work, 'sa.pub');
  fs.writeFileSync(saKey, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  fs.writeFileSync(saPub, publicKey.export({ type: 'spki', format: 'pem' }));
  const token = crypto.randomBytes(24).toString('hex');
  const tokens = path.join(work, 'tokens.csv');
  fs.writeFileSync(tokens, `${token},admin,admin,"system:masters"\n`);
  const certDir = path.join(work, 'certs');

  const apiserver = launch(path.join(binDir, 'kube-apiserver'), [
    `--etcd-servers=http://127.0.0.1:${etcdClient}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${securePort}`,
    // No --tls-cert-file: the server writes a self-signed CA and serving certificate here.
    `--cert-dir=${certDir}`,
    `--token-auth-file=${tokens}`,
    '--authorization-mode=RBAC',
    `--service-account-key-file=${saPub}`,
    `--service-account-signing-key-file=${saKey}`,
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-cluster-ip-range=${options.serviceClusterIpRange ?? '10.96.0.0/16'}`,
    // The default reconciler writes the `kubernetes` Service's endpoints for the advertised
    // address and rejects a loopback one; nothing here needs those endpoints.
    '--endpoint-reconciler-type=none',
  ], logs.apiserver);

  const url = `https://127.0.0.1:${securePort}`;
  const caFile = path.join(certDir, 'apiserver.crt');
  const stop = async () => {
    // etcd must outlive the apiserver, or the apiserver's shutdown hangs on its storage.
    await terminate(apiserver);
    await terminate(etcd);
    fs.rmSync(work, { recursive: true, force: true });
  };
  try {
    await waitReady(url, token, caFile, options.readyTimeoutMs ?? 180_000, [etcd, apiserver], logs);
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }

  const kubeconfig = path.join(work, 'kubeconfig');
  fs.writeFileSync(kubeconfig, JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'local', cluster: { 'server': url, 'certificate-authority-data': fs.readFileSync(caFile).toString('base64') } }],
    users: [{ name: 'admin', user: { token } }],
    contexts: [{ name: 'local', context: { cluster: 'local', user: 'admin' } }],
    ['current-context']: 'local',
  }, null, 2));

  const kubectl = (args: string[], stdin?: string): KubectlResult => {
    const r = spawnSync(path.join(binDir, 'kubectl'), ['--kubeconfig', kubeconfig, ...args], { input: stdin, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  return { url, token, caFile, kubeconfig, binDir, kubectl, stop };
}

function launch(bin: string, args: string[], log: string): ChildProcess {
  const fd = fs.openSync(log, 'a');
  const child = spawn(bin, args, { stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function waitReady(
  url: string, token: string, caFile: string, timeoutMs: number, children: ChildProcess[], logs: Record<string, string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const dead = children.find(c => c.exitCode !== null);
    if (dead) break;
    if (fs.existsSync(caFile)) {
      last = await get(`${url}/readyz`, token, caFile).catch((e: Error) => e.message);
      if (last === 'ok') return;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  const tail = (f: string) => fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').slice(-15).join('\n') : '';
  const why = last.split('\n')[0];
  throw new Error(`kube-apiserver at ${url} did not become ready (${why})\n--- etcd ---\n${tail(logs.etcd)}\n--- kube-apiserver ---\n${tail(logs.apiserver)}`);
}

function get(url: string, token: string, caFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https.get(url, { ca: fs.readFileSync(caFile), headers: { authorization: `Bearer ${token}` } }, res => {
      let body = '';
      res.on('data', d => body += d);
      res.on('end', () => resolve(res.statusCode === 200 ? body : `${res.statusCode}: ${body}`));
    }).on('error', reject);
  });
}

/** Run as a script: start a server, print its kubeconfig path, keep it up until Ctrl-C. */
if (require.main === module) {
  void startApiServer().then(s => {
    process.stdout.write(`${s.url}\nKUBECONFIG=${s.kubeconfig}\n`);
    process.on('SIGINT', () => void s.stop().then(() => process.exit(0)));
  });
}
