import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { generateCluster, generateRoutes, rng } from '../../bench/generate';
import { buildExpectations } from '../../examples/typescript/expectations/main';
import { buildGateway } from '../../examples/typescript/gateway/main';
import { buildGuardrails } from '../../examples/typescript/guardrails/main';
import { buildShop } from '../../examples/typescript/shop/main';
import { buildZeroTrust } from '../../examples/typescript/zero-trust/main';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

/** Every file under `dir`, relative path to content. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const full = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
      out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  }
  return out;
}

describe('synthesis is deterministic', () => {
  const examples: Record<string, (outdir: string) => { synth(): void }> = {
    'shop': buildShop, 'gateway': buildGateway, 'guardrails': buildGuardrails, 'zero-trust': buildZeroTrust, 'expectations': d => buildExpectations(d),
  };
  test.each(Object.keys(examples))('the %s example synthesizes byte-identical YAML twice', name => {
    const [a, b] = [1, 2].map(() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `det-${name}-`));
      examples[name](dir).synth();
      return readTree(dir);
    });
    expect(Object.keys(a).length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});

/** The same objects, in a seeded random document order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function writeYaml(objects: readonly unknown[], name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'det-'));
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, objects.map(o => stringify(o)).join('---\n'));
  return file;
}

/** Source locations (`file#3`, `"document": 3`) legitimately follow the document order; everything else must not. */
function withoutLocations(text: string, files: readonly string[]): string {
  let t = text;
  for (const f of files) t = t.split(f).join('<input>');
  return t.replace(/#\d+/g, '#N').replace(/"document": \d+/g, '"document": N').replace(/"startLine": \d+/g, '"startLine": N');
}

describe('output does not depend on document order', () => {
  const cluster = generateCluster({ workloads: 16, namespaces: 4, seed: 3 });
  const routes = generateRoutes(cluster, 6, 0, 3);
  // One ignored object: --verbose lists them in document order, which a shuffle changes on purpose.
  const ignored = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: cluster.workloads[0].namespace } }];
  const w0 = cluster.workloads.find(x => x.tier === 'backend')!;
  // Nodes, zones and where two workloads run, for `endpoints` (a declared Topology).
  const topology = {
    apiVersion: 'traffic.cdk8s.io/v1alpha1',
    kind: 'Topology',
    metadata: { name: 'zones' },
    spec: {
      nodes: [{ name: 'n1', zone: 'z1' }, { name: 'n2', zone: 'z2' }, { name: 'n3', zone: 'z1' }],
      workloads: [{ namespace: w0.namespace, name: w0.name, zones: ['z1', 'z2', 'z1'] }],
    },
  };
  const objects = [...cluster.objects, ...routes.objects, ...ignored, topology];
  // `diff` needs a second version: the same cluster without a few policies.
  const after = objects.filter((o, i) => !(o.kind === 'NetworkPolicy' && i % 5 === 0));
  const w = cluster.workloads.find(x => x.tier === 'backend')!;
  const f = cluster.workloads.find(x => x.tier === 'frontend' && x.namespace === w.namespace) ?? cluster.workloads[0];
  const host = (routes.objects.find(o => o.kind === 'HTTPRoute')!.spec as { hostnames: string[] }).hostnames[0];

  const commands: Record<string, (file: string, afterFile: string) => string[]> = {
    'list txt': file => ['list', file],
    'list json': file => ['list', file, '-o', 'json'],
    'list csv': file => ['list', file, '-o', 'csv'],
    'list md': file => ['list', file, '-o', 'md'],
    'list dot': file => ['list', file, '-o', 'dot'],
    'explain': file => ['explain', file, '--from', `${f.namespace}/${f.name}`, '--to', `${w.namespace}/${w.name}`, '--port', 'http'],
    'explain json': file => ['explain', file, '--from', `${f.namespace}/${f.name}`, '--to', `${w.namespace}/${w.name}`, '--port', '9000', '--json'],
    'route': file => ['route', `http://${host}/api/v1/items`, file],
    'route json': file => ['route', `http://${host}/healthz`, file, '--json'],
    'services': file => ['services', file],
    'services json': file => ['services', file, '--json'],
    'validate text': file => ['validate', file],
    'validate json': file => ['validate', file, '--format', 'json'],
    'validate sarif': file => ['validate', file, '--format', 'sarif'],
    'validate md': file => ['validate', file, '--format', 'md'],
    'validate mermaid': file => ['validate', file, '--format', 'mermaid'],
    'validate dot': file => ['validate', file, '--format', 'dot'],
    'validate html': file => ['validate', file, '--format', 'html'],
    'diff': (file, afterFile) => ['diff', file, afterFile],
    'endpoints': file => ['endpoints', `${w.namespace}/${w.name}`, file, '--node', 'n1'],
    'endpoints json': file => ['endpoints', `${w.namespace}/${w.name}`, file, '--external', '-o', 'json'],
    'verbose': file => ['services', file, '--verbose'],
  };

  const base = writeYaml(objects, 'cluster');
  const baseAfter = writeYaml(after, 'after');
  const orders = [11, 12].map(seed => ({ file: writeYaml(shuffled(objects, seed), 'cluster'), after: writeYaml(shuffled(after, seed + 100), 'after') }));

  test.each(Object.keys(commands))('%s: the same bytes for three document orders', name => {
    const run = (file: string, afterFile: string) => {
      const c = captureIO();
      const code = runCli(commands[name](file, afterFile), c.io);
      return { code, out: withoutLocations(c.out(), [file, afterFile]), err: withoutLocations(c.err(), [file, afterFile]) };
    };
    const first = run(base, baseAfter);
    expect(first.code).not.toBe(2);
    expect(first.out.length).toBeGreaterThan(0);
    for (const o of orders) expect(run(o.file, o.after)).toEqual(first);
  });
});
