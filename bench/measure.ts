/**
 * One benchmark child process: times the requested phases over one generated
 * cluster and prints a JSON line with the samples and the peak RSS. Run as a
 * child so that each size's peak memory is its own.
 *
 * Usage: measure.ts --dir <dir with cluster.yaml> --phases parse,json,build,matrix,explain,list,route --runs 5 [--routes <file>] [--json <cluster.json>]
 */
import * as fs from 'fs';
import * as path from 'path';
import { optionalFunction } from './engine-api';
import { rng } from './generate';
import { buildCluster, Cluster, parseManifests, Workload } from '../src/model';

export interface PhaseResult {
  /** Milliseconds per run; empty when skipped. */
  readonly samples: number[];
  /** CPU milliseconds (user + system) per run: what a loaded machine distorts least. */
  readonly cpu?: number[];
  readonly skipped?: string;
  readonly detail?: string;
  /** Requests per run, for phases that report throughput. */
  readonly requests?: number;
  /** CPU milliseconds (user + system) per run: on a shared machine wall time also counts other processes. */
  readonly cpuSamples?: number[];
  /** Milliseconds of the first run alone (table compilation and JIT warm-up), not among `samples`. */
  readonly firstRun?: number;
}

export interface MeasureResult {
  readonly phases: Record<string, PhaseResult>;
  /** Peak resident set size of this process, in bytes. */
  readonly maxRssBytes: number;
}

type Matrix = (c: Cluster) => unknown[];
type PodOf = (w: Workload) => unknown;
type Explain = (c: Cluster, src: unknown, dst: unknown, port: number | string, protocol: string) => { allowed: boolean };
type RunCli = (argv: string[], io: { stdout: (t: string) => void; stderr: (t: string) => void; readStdin: () => string }) => number;

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function gc(): void {
  (global as { gc?: () => void }).gc?.();
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (n: string, d: string) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
  const dir = opt('dir', '.');
  const phases = opt('phases', 'parse,build,matrix,explain').split(',');
  const runs = Number(opt('runs', '5'));
  const routesFile = opt('routes', '');
  const file = path.join(dir, 'cluster.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const out: Record<string, PhaseResult> = {};

  const repeat = (name: string, n: number, fn: () => string | void) => {
    const samples: number[] = [];
    const cpu: number[] = [];
    let detail: string | undefined;
    for (let i = 0; i < n; i++) {
      gc();
      const c0 = process.cpuUsage();
      samples.push(time(() => { detail = fn() ?? undefined; }));
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    out[name] = { samples, cpu, detail };
  };

  let objects = parseManifests(text, file);
  let cluster = buildCluster(objects);
  if (phases.includes('parse')) repeat('parse', runs, () => { objects = parseManifests(text, file); return `${objects.length} objects`; });
  // The same objects as one JSON List: the reader's JSON path (JSON.parse plus the checks of every object).
  const jsonFile = opt('json', '');
  if (phases.includes('json') && jsonFile) {
    const json = fs.readFileSync(jsonFile, 'utf8');
    repeat('json', runs, () => `${parseManifests(json, jsonFile).length} objects`);
  }
  if (phases.includes('build')) repeat('build', runs, () => { cluster = buildCluster(objects); return `${cluster.workloads.length} workloads`; });

  const matrix = optionalFunction<Matrix>('engine/connectivity', 'connectivityMatrix') ?? optionalFunction<Matrix>('engine/connectivity/matrix', 'connectivityMatrix');
  if (phases.includes('matrix')) {
    if (!matrix) out.matrix = { samples: [], skipped: 'connectivityMatrix (src/engine/connectivity) not found' };
    else repeat('matrix', runs, () => `${matrix(cluster).length} entries`);
  }

  if (phases.includes('explain')) {
    const podOf = optionalFunction<PodOf>('engine/netpol/endpoint', 'podOf');
    const explain = optionalFunction<Explain>('engine/explain', 'explainConnection');
    if (!podOf || !explain) {
      out.explain = { samples: [], skipped: 'explainConnection/podOf (src/engine/netpol) not found' };
    } else {
      const rand = rng(42);
      const ws = cluster.workloads;
      const queries = Array.from({ length: 1000 }, () => {
        const dst = ws[Math.floor(rand() * ws.length)];
        const first = dst.ports[0];
        const port: number | string = first ? (rand() < 0.5 ? first.containerPort : first.name ?? first.containerPort) : 80;
        return { src: podOf(ws[Math.floor(rand() * ws.length)]), dst: podOf(dst), port };
      });
      repeat('explain', runs, () => `${queries.filter(q => explain(cluster, q.src, q.dst, q.port, 'TCP').allowed).length}/1000 allowed`);
    }
  }

  if (phases.includes('list')) {
    const runCli = optionalFunction<RunCli>('cli/main', 'runCli');
    let listed = '';
    let code = 0;
    let stderr = '';
    const io = { stdout: (t: string) => { listed += t; }, stderr: (t: string) => { stderr += t; }, readStdin: () => '' };
    if (!runCli) {
      out.list = { samples: [], skipped: 'runCli not found' };
    } else {
      repeat('list', runs, () => { listed = ''; stderr = ''; code = runCli(['list', dir], io); return `exit ${code}`; });
      if (code !== 0) out.list = { samples: [], skipped: `list exited ${code}: ${stderr.split('\n')[0]}` };
      else fs.writeFileSync(path.join(dir, 'ours.txt'), listed);
    }
  }

  if (phases.includes('route') && routesFile) {
    out.route = measureRoutes(routesFile, runs);
  }

  process.stdout.write(JSON.stringify({ phases: out, maxRssBytes: process.resourceUsage().maxRSS * 1024 } satisfies MeasureResult) + '\n');
}

/**
 * The generated requests routed over the generated Gateway and HTTPRoutes. The
 * first pass (which compiles the routing tables) is timed on its own, one run
 * is left unmeasured for the JIT to settle; each
 * measured run then routes every request `ROUTE_PASSES` times, so that a run is
 * long enough to time and its requests per second are those of a warm proxy.
 */
const ROUTE_PASSES = 10;

function measureRoutes(routesDir: string, runs: number): PhaseResult {
  type Req = { method?: string; headers?: Record<string, string> };
  const parse = optionalFunction<(url: string, opts: Req) => unknown>('engine/l7/request', 'parseRequest');
  const route = optionalFunction<(c: Cluster, req: unknown) => { route?: unknown }[]>('engine/l7/gateway/route-request', 'routeThroughGateways');
  if (!parse || !route) return { samples: [], skipped: 'request routing (src/engine/l7) not found' };
  const file = path.join(routesDir, 'cluster.yaml');
  const cluster = buildCluster(parseManifests(fs.readFileSync(file, 'utf8'), file));
  const requests = JSON.parse(fs.readFileSync(path.join(routesDir, 'requests.json'), 'utf8')) as { url: string; method: string; headers: Record<string, string> }[];
  const parsed = requests.map(r => parse(r.url, { method: r.method, headers: r.headers }));
  let answered = 0;
  const firstRun = time(() => { for (const r of parsed) answered += route(cluster, r).length; });
  // One unmeasured run lets the JIT settle, as a proxy that has served traffic for a while.
  for (let k = 0; k < ROUTE_PASSES; k++) for (const r of parsed) route(cluster, r);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    answered = 0;
    const cpu0 = process.cpuUsage();
    samples.push(time(() => { for (let k = 0; k < ROUTE_PASSES; k++) for (const r of parsed) answered += route(cluster, r).length; }));
    const cpu = process.cpuUsage(cpu0);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  return { samples, cpuSamples, firstRun, requests: parsed.length * ROUTE_PASSES, detail: `${parsed.length * ROUTE_PASSES} requests per run, ${answered} Gateway answers` };
}

main();
