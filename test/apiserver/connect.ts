// The running API server of global-setup.ts, as the suites see it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from './client';
import { KubectlResult } from './server';

export interface Connection {
  readonly client: Client;
  readonly kubeconfig: string;
  kubectl(args: string[], stdin?: string): KubectlResult;
}

export function connect(): Connection {
  const info = process.env.CDK8S_TRAFFIC_APISERVER;
  if (!info) throw new Error('no API server: run these suites with `npm run test:apiserver`');
  const s = JSON.parse(fs.readFileSync(info, 'utf8')) as { url: string; token: string; caFile: string; kubeconfig: string; binDir: string };
  return {
    client: new Client(s),
    kubeconfig: s.kubeconfig,
    kubectl: (args, stdin) => {
      const r = spawnSync(path.join(s.binDir, 'kubectl'), ['--kubeconfig', s.kubeconfig, ...args], { input: stdin, encoding: 'utf8' });
      return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
