// The CRDs the API-server suites install, read from the pinned upstream releases
// (conformance/pins/*/go.mod, checksum-verified by their go.sum), never from a copy.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Client, KubeObject } from './client';

const PINS = path.resolve(__dirname, '..', '..', 'conformance', 'pins');

/** Where `go mod download` unpacked `module` as pinned by the go.mod in `pins/<folder>`. */
export function moduleDir(folder: string, module: string): string {
  const r = spawnSync('go', ['mod', 'download', '-json', module], {
    cwd: path.join(PINS, folder),
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=mod' },
  });
  if (r.status !== 0) throw new Error(`go mod download ${module} (conformance/pins/${folder}): ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout).Dir as string;
}

/** CRD files: Gateway API v1.6.1 experimental channel (it serves every route kind), ClusterNetworkPolicy v1alpha2, ANP/BANP v1alpha1. */
export function pinnedCrdFiles(): string[] {
  const gw = path.join(moduleDir('main', 'sigs.k8s.io/gateway-api'), 'config', 'crd', 'experimental');
  const npv2 = path.join(moduleDir('main', 'sigs.k8s.io/network-policy-api'), 'config', 'crd', 'experimental');
  const npv1 = path.join(moduleDir('network-policy-api-v1alpha1', 'sigs.k8s.io/network-policy-api'), 'config', 'crd', 'experimental');
  return [gw, npv2, npv1].flatMap(d => fs.readdirSync(d).sort().filter(f => f.endsWith('.yaml')).map(f => path.join(d, f)));
}

/** Creates every CustomResourceDefinition of `files` and waits until each is Established. */
export async function installCrds(client: Client, files: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const f of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(f, 'utf8'))) {
      const o = doc.toJS() as KubeObject | null;
      if (o?.kind !== 'CustomResourceDefinition') continue;
      const v = await client.create(o);
      if (!v.accepted && v.status !== 409) throw new Error(`${path.basename(f)}: CRD ${o.metadata?.name} rejected: ${v.message}`);
      names.push(o.metadata!.name!);
    }
  }
  const deadline = Date.now() + 60_000;
  for (const name of names) {
    for (;;) {
      const r = await client.get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`);
      const established = (r.body?.status?.conditions ?? []).some((c: any) => c.type === 'Established' && c.status === 'True');
      if (established) break;
      if (Date.now() > deadline) throw new Error(`CRD ${name} not Established after 60 s`);
      await new Promise(res => setTimeout(res, 200));
    }
  }
  client.resetDiscovery();
  return names.sort();
}
