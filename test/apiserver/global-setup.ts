// Starts one API server for every suite of `npm run test:apiserver` and installs the pinned
// CRDs; the suites find it through CDK8S_TRAFFIC_APISERVER (a JSON file of its coordinates).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from './client';
import { installCrds, pinnedCrdFiles } from './crds';
import { ApiServer, startApiServer } from './server';

export default async function globalSetup(): Promise<void> {
  const server = await startApiServer();
  (globalThis as { apiServer?: ApiServer }).apiServer = server;
  const client = new Client(server);
  try {
    const crds = await installCrds(client, pinnedCrdFiles());
    const version = (await client.get('/version')).body.gitVersion;
    process.stdout.write(`\nkube-apiserver ${version} at ${server.url}, ${crds.length} CRDs installed\n`);
  } finally {
    client.close();
  }
  const info = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-traffic-apiserver-info-')), 'server.json');
  const { url, token, caFile, kubeconfig, binDir } = server;
  fs.writeFileSync(info, JSON.stringify({ url, token, caFile, kubeconfig, binDir }));
  process.env.CDK8S_TRAFFIC_APISERVER = info;
}
