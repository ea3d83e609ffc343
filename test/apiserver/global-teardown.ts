// Stops the API server global-setup.ts started (kube-apiserver first, then etcd).
import * as fs from 'fs';
import * as path from 'path';
import { ApiServer } from './server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { apiServer?: ApiServer }).apiServer?.stop();
  const info = process.env.CDK8S_TRAFFIC_APISERVER;
  if (info) fs.rmSync(path.dirname(info), { recursive: true, force: true });
}
