/**
 * The YAML reader's candidates, measured on one input in one process, in
 * turns (A, B, C, A, B, C, ...) so that a change of machine load falls on all
 * of them: the table of bench/profile.md, "The parser decision".
 *
 *   node --expose-gc -r ts-node/register/transpile-only bench/reader-candidates.ts [--workloads 5000] [--runs 5] [--js-yaml <dir>]
 *
 * The input is the generated cluster of that size (seed 1, as bench/run.ts
 * makes it). `--js-yaml` adds a row for another js-yaml (a directory holding
 * its package, e.g. a newer major installed apart). Each row gives the median
 * wall time and CPU time (process.cpuUsage: user + system of every thread,
 * workers included) and the throughput both give.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { Worker } from 'worker_threads';
import * as jsyaml from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { generateCluster, SIZES, toYaml } from './generate';
import { parseManifests } from '../src/model';
import { splitDocuments } from '../src/model/yaml-documents';
import { parseYamlDocument } from '../src/model/yaml-parse';
import { readSubset } from '../src/model/yaml-subset';

interface Candidate {
  readonly name: string;
  /** Fewer runs for the slow ones. */
  readonly runs?: number;
  readonly run: () => Promise<unknown> | unknown;
}

interface Row { readonly name: string; readonly wall: number[]; readonly cpu: number[] }

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[Math.floor(s.length / 2)] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Two workers each read half of the documents with js-yaml and post the values back: the
 * structured clone, the workers' start and their CPU time are all counted.
 */
function workerHalves(text: string): Promise<unknown[]> {
  const docs = splitDocuments(text)!;
  const mid = docs[Math.floor(docs.length / 2)];
  const cut = text.indexOf(mid.text);
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const jsyaml = require(workerData.jsyaml);
    parentPort.postMessage(jsyaml.loadAll(workerData.text, null, { schema: jsyaml.CORE_SCHEMA, json: true }));`;
  const half = (part: string) => new Promise<unknown[]>((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { text: part, jsyaml: require.resolve('js-yaml') } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  return Promise.all([half(text.slice(0, cut)), half(text.slice(cut))]).then(([a, b]) => [...a, ...b]);
}

async function main(): Promise<void> {
  const workloads = Number(arg('workloads', '5000'));
  const runs = Number(arg('runs', '5'));
  const size = SIZES.find(s => s.workloads === workloads) ?? { workloads, namespaces: Math.max(20, workloads / 25) };
  const gen = generateCluster({ ...size, seed: 1 });
  const text = toYaml(gen.objects);
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: gen.objects });
  const mb = Buffer.byteLength(text) / 1e6;
  const docs = splitDocuments(text)!;
  const parsed = parseManifests(text, 'cluster.yaml').map(o => o.object);

  const candidates: Candidate[] = [
    { name: '`yaml` parseAllDocuments + toJS', runs: Math.min(runs, 2), run: () => parseAllDocuments(text).map(d => d.toJS()) },
    { name: 'js-yaml 4 loadAll, CORE schema (no checks)', run: () => jsyaml.loadAll(text, null, { schema: jsyaml.CORE_SCHEMA, json: true }) },
    { name: 'js-yaml 4 per document, as parseYamlDocument without the subset reader (no checks)', run: () => docs.map(d => jsyaml.load(d.text, { schema: jsyaml.CORE_SCHEMA, json: true })) },
    { name: 'subset reader per document (no checks)', run: () => docs.map(d => readSubset(d.text, 1000)) },
    { name: 'parseYamlDocument per document (subset reader, js-yaml fallback)', run: () => docs.map(d => parseYamlDocument(d.text, 1000)) },
    { name: '`parseManifests` (split, subset reader, every check)', run: () => parseManifests(text, 'cluster.yaml') },
    { name: 'worker_threads: js-yaml loadAll of each half on 2 threads, values posted back', run: () => workerHalves(text) },
    { name: 'structured clone of the parsed objects alone (v8.serialize + deserialize)', run: () => v8.deserialize(v8.serialize(parsed)) },
    { name: 'JSON.parse of the same objects', run: () => JSON.parse(json) },
  ];
  const other = arg('js-yaml', '');
  if (other) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const alt = require(path.resolve(other, 'node_modules', 'js-yaml')) as typeof jsyaml;
    const version = (JSON.parse(fs.readFileSync(path.resolve(other, 'node_modules', 'js-yaml', 'package.json'), 'utf8')) as { version: string }).version;
    candidates.splice(2, 0, { name: `js-yaml ${version} loadAll, CORE schema (no checks)`, run: () => alt.loadAll(text, null, { schema: alt.CORE_SCHEMA, json: true }) });
  }

  const rows: Row[] = candidates.map(c => ({ name: c.name, wall: [], cpu: [] }));
  const gc = (global as { gc?: () => void }).gc;
  // One unmeasured turn: module loading and the first compilation are not the reader's steady cost.
  for (const c of candidates) await c.run();
  for (let turn = 0; turn < runs; turn++) {
    for (let i = 0; i < candidates.length; i++) {
      if (turn >= (candidates[i].runs ?? runs)) continue;
      gc?.();
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      await candidates[i].run();
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const c = process.cpuUsage(c0);
      rows[i].wall.push(wall);
      rows[i].cpu.push((c.user + c.system) / 1000);
    }
  }

  const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  process.stdout.write(`${gen.objects.length} objects, ${mb.toFixed(1)} MB of YAML, ${(json.length / 1e6).toFixed(1)} MB of JSON; median of ${runs} turns (the first two rows: ${Math.min(runs, 2)} for \`yaml\`)\n\n`);
  process.stdout.write('| candidate | wall | CPU time | MB/s (wall) | MB/s (CPU) |\n|---|---:|---:|---:|---:|\n');
  for (const r of rows) {
    const w = median(r.wall);
    const c = median(r.cpu);
    process.stdout.write(`| ${r.name} | ${f(w)} ms | ${f(c)} ms | ${(mb / w * 1000).toFixed(1)} | ${(mb / c * 1000).toFixed(1)} |\n`);
  }
  if (!gc) process.stdout.write('\n(run with node --expose-gc for a collection before each measurement)\n');
}

void main();
