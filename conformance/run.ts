/**
 * `npm run conformance`: fetches the pinned upstream releases (conformance/pins/*:
 * go.mod + go.sum) through the Go module proxy, checksum-verified by go.sum, and
 * runs the agreement suites (conformance/test/) against the folders Go unpacked
 * them into. Arguments are passed to jest.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { CORPORA, Corpus } from './test/corpora';

const PINS = path.join(__dirname, 'pins');

/** Which pins folder requires which module, and the variable its folder is passed in. */
const MODULES: ReadonlyArray<{ readonly pins: string; readonly module: string; readonly corpus: Corpus }> = [
  { pins: 'main', module: 'github.com/np-guard/netpol-analyzer', corpus: 'netpolAnalyzer' },
  { pins: 'main', module: 'sigs.k8s.io/gateway-api', corpus: 'gatewayApi' },
  { pins: 'main', module: 'sigs.k8s.io/gateway-api/conformance', corpus: 'gatewayApiConformance' },
  { pins: 'main', module: 'sigs.k8s.io/network-policy-api', corpus: 'networkPolicyApi' },
  // One go.mod cannot require two versions of a module: v0.1.7 has a pins folder of its own.
  { pins: 'network-policy-api-v1alpha1', module: 'sigs.k8s.io/network-policy-api', corpus: 'networkPolicyApiV1alpha1' },
];

function fail(message: string): never {
  process.stderr.write(`conformance: ${message}\n`);
  process.exit(1);
}

interface Download { readonly Path: string; readonly Version?: string; readonly Dir?: string; readonly Error?: string }

/** `go mod download -json <module>` in a pins folder; -mod=readonly so that go.mod and go.sum are never rewritten. */
function download(pins: string, module: string): string {
  const r = spawnSync('go', ['mod', 'download', '-json', module], {
    cwd: path.join(PINS, pins),
    env: { ...process.env, GOFLAGS: '-mod=readonly' },
    encoding: 'utf8',
  });
  if (r.error) fail(`needs Go 1.24 or later on PATH to fetch the pinned upstream releases (${(r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'go: command not found' : r.error.message})`);
  let info: Download | undefined;
  try {
    info = JSON.parse(r.stdout) as Download;
  } catch {
    info = undefined;
  }
  if (r.status !== 0 || !info?.Dir) {
    const why = info?.Error ?? (r.stderr.trim().split('\n').pop() || `exit ${r.status}`);
    fail(`go mod download ${module} in conformance/pins/${pins} failed: ${why}`);
  }
  return info.Dir;
}

const env: NodeJS.ProcessEnv = { ...process.env };
for (const m of MODULES) env[CORPORA[m.corpus]] = download(m.pins, m.module);

const jest = require.resolve('jest/bin/jest');
const r = spawnSync(process.execPath, [jest, '--ci', '--config', path.join(__dirname, 'jest.config.json'), ...process.argv.slice(2)], { env, stdio: 'inherit' });
process.exit(r.status ?? 1);
