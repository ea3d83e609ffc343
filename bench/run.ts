/**
 * `npm run bench [-- --quick] [-- --no-netpolicy] [-- --python] [-- --routes-only]`
 *
 * Generates seeded clusters of 100 / 1,000 / 5,000 workloads, measures each in
 * its own child process (timings: median, min and max of several runs; peak
 * RSS), runs np-guard/netpol-analyzer `list` on the same YAML when Go is
 * available, times synthesis with and without the synth-time validator, prints
 * a table and writes bench/results.md.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCluster, generateRoutes, SIZES, toYaml } from './generate';
import type { MeasureResult, PhaseResult } from './measure';
import { buildNetpolicy, compareListings, NETPOL_ANALYZER_VERSION } from './netpolicy';
import { runPythonSynth } from './python';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const RUNS = Number(args[args.indexOf('--runs') + 1]) || (QUICK ? 3 : 5);
const SEED = 1;

interface Stat { median: number; min: number; max: number; n: number }

function stat(samples: number[]): Stat | undefined {
  if (samples.length === 0) return undefined;
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
}

function fmtMs(s: Stat | undefined): string {
  if (!s) return 'n/a';
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  return `${f(s.median)} ms (${f(s.min)}–${f(s.max)}, n=${s.n})`;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/** Runs a TypeScript file of this folder in a fresh Node process and parses its JSON line. */
function child<T>(script: string, childArgs: string[]): T {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '-r', 'ts-node/register/transpile-only', path.join(__dirname, script), ...childArgs], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') },
  });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr.split('\n').slice(0, 5).join(' | ')}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

function log(s: string): void {
  process.stderr.write(`[bench] ${s}\n`);
}

interface SizeResult {
  readonly workloads: number;
  readonly namespaces: number;
  readonly policies: number;
  readonly objects: number;
  readonly yamlBytes: number;
  readonly timing: MeasureResult;
  /** Peak RSS of a process that only parses, builds and computes the matrix once. */
  readonly matrixRss: number;
  netpolicy?: { stat?: Stat; skipped?: string; ours?: Stat; same?: string };
}

/** `--routes-only`: the routing figure alone (prints it, leaves bench/results.md as it is). */
function routesOnly(): void {
  fs.mkdirSync(OUT, { recursive: true });
  const emptyDir = path.join(OUT, 'size-0');
  fs.mkdirSync(emptyDir, { recursive: true });
  fs.writeFileSync(path.join(emptyDir, 'cluster.yaml'), '');
  const route = measureRouting(emptyDir);
  process.stdout.write(`Routing: ${routingLine(route)}.\n`);
}

/** 500 HTTPRoutes over the 1,000-workload cluster's Services, and the generated requests routed through them. */
function measureRouting(emptyDir: string): PhaseResult {
  const routeDir = path.join(OUT, 'routes');
  fs.mkdirSync(routeDir, { recursive: true });
  const base = generateCluster({ ...SIZES[1], seed: SEED });
  const routes = generateRoutes(base, 500, 1000, SEED);
  fs.writeFileSync(path.join(routeDir, 'cluster.yaml'), toYaml([...base.objects, ...routes.objects]));
  fs.writeFileSync(path.join(routeDir, 'requests.json'), JSON.stringify(routes.requests));
  const route = child<MeasureResult>('measure.ts', ['--dir', emptyDir, '--phases', 'route', '--routes', routeDir, '--runs', String(RUNS)]).phases.route;
  log(`routing measured: ${routingLine(route)}`);
  return route;
}

function main(): void {
  if (args.includes('--routes-only')) return routesOnly();
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const sizes = QUICK ? SIZES.filter(s => s.workloads <= 1000) : SIZES;
  const results: SizeResult[] = [];

  // A baseline child (empty cluster) tells how much of the peak RSS is Node + ts-node itself.
  const emptyDir = path.join(OUT, 'size-0');
  fs.mkdirSync(emptyDir, { recursive: true });
  fs.writeFileSync(path.join(emptyDir, 'cluster.yaml'), '');
  const baselineRss = child<MeasureResult>('measure.ts', ['--dir', emptyDir, '--phases', '', '--runs', '1']).maxRssBytes;

  for (const size of sizes) {
    const gen = generateCluster({ ...size, seed: SEED });
    const dir = path.join(OUT, `size-${size.workloads}`);
    fs.mkdirSync(dir, { recursive: true });
    const yaml = toYaml(gen.objects);
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), yaml);
    log(`${size.workloads} workloads: ${gen.objects.length} objects, ${gen.policyCount} policies, ${(yaml.length / 1e6).toFixed(1)} MB`);
    // The largest size runs once, in one child: its peak RSS is then that of parse, build, matrix and explains.
    const big = size.workloads >= 5000;
    const matrixRss = big ? 0 : child<MeasureResult>('measure.ts', ['--dir', dir, '--phases', 'matrix', '--runs', '1']).maxRssBytes;
    const phases = big ? 'parse,build,matrix,explain' : 'parse,build,matrix,explain,list';
    const timing = child<MeasureResult>('measure.ts', ['--dir', dir, '--phases', phases, '--runs', String(big ? 1 : RUNS)]);
    const yamlBytes = Buffer.byteLength(yaml);
    results.push({ ...size, policies: gen.policyCount, objects: gen.objects.length, yamlBytes, timing, matrixRss: matrixRss || timing.maxRssBytes });
    log(`${size.workloads} workloads measured`);
  }

  // Routing: requests over 500 HTTPRoutes on the 1,000-workload cluster's Services.
  const route = measureRouting(emptyDir);

  // netpol-analyzer side by side, at the sizes where it finishes in reasonable time.
  let npVersion = '';
  if (!args.includes('--no-netpolicy')) {
    const bin = buildNetpolicy(OUT, log);
    for (const r of results) {
      if (r.workloads > 1000) { r.netpolicy = { skipped: 'not run above 1,000 workloads (minutes per run)' }; continue; }
      if (typeof bin !== 'string' || bin.startsWith('skip:')) { r.netpolicy = { skipped: String(bin).replace(/^skip: /, '') }; continue; }
      npVersion = NETPOL_ANALYZER_VERSION;
      const dir = path.join(OUT, `size-${r.workloads}`);
      const samples: number[] = [];
      const npRuns = r.workloads >= 1000 ? (QUICK ? 1 : 2) : 3;
      let output = '';
      for (let i = 0; i < npRuns; i++) {
        const t0 = process.hrtime.bigint();
        output = execFileSync(bin, ['list', '--dirpath', dir, '-q'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      fs.writeFileSync(path.join(dir, 'netpolicy.txt'), output);
      const oursFile = path.join(dir, 'ours.txt');
      const ours = fs.existsSync(oursFile) ? fs.readFileSync(oursFile, 'utf8') : undefined;
      r.netpolicy = {
        stat: stat(samples),
        ours: stat(r.timing.phases.list?.samples ?? []),
        same: ours === undefined ? `not compared: ${r.timing.phases.list?.skipped ?? 'no list output'}` : compareListings(ours, output, path.join(dir, 'list-diff.txt')),
      };
      log(`netpol-analyzer at ${r.workloads}: ${fmtMs(r.netpolicy.stat)}`);
    }
  } else {
    for (const r of results) r.netpolicy = { skipped: '--no-netpolicy' };
  }

  // Synthesis with and without the validator, TypeScript then Python.
  const synth = child<{ objects: number; plain: number[]; validated: number[]; plainCpu?: number[]; validatedCpu?: number[]; skipped?: string }>('synth.ts', ['--out', path.join(OUT, 'synth-ts'), '--runs', String(RUNS)]);
  const py = args.includes('--python') ? runPythonSynth(ROOT, OUT, RUNS, log) : { skipped: 'pass --python (needs `npx projen compile && npx projen package:python` first)' };

  const md = report({ results, route, synth, py, baselineRss, npVersion, seconds: (Date.now() - started) / 1000 });
  fs.writeFileSync(path.join(__dirname, 'results.md'), md);
  process.stdout.write(md);
}

interface ReportInput {
  results: SizeResult[];
  route?: PhaseResult;
  synth: { objects: number; plain: number[]; validated: number[]; plainCpu?: number[]; validatedCpu?: number[]; skipped?: string };
  py: { plain?: number[]; validated?: number[]; skipped?: string };
  baselineRss: number;
  npVersion: string;
  seconds: number;
}

function phase(r: SizeResult, name: string): Stat | undefined {
  return stat(r.timing.phases[name]?.samples ?? []);
}

function phaseCell(r: SizeResult, name: string): string {
  const p = r.timing.phases[name];
  if (!p) return '–';
  if (p.skipped) return `skipped: ${p.skipped}`;
  return fmtMs(stat(p.samples));
}

/** Requests per second of a warm router over 500 HTTPRoutes, by wall time and by CPU time of the measuring process. */
function routingLine(r: PhaseResult | undefined): string {
  if (!r || r.skipped) return `skipped: ${r?.skipped ?? 'not run'}`;
  const wall = stat(r.samples);
  const cpu = stat(r.cpuSamples ?? []);
  const perSecond = (ms: number | undefined) => (ms && r.requests ? Math.round((r.requests / ms) * 1000).toLocaleString('en-US') : 'n/a');
  return `${(r.requests ?? 0).toLocaleString('en-US')} requests over 500 HTTPRoutes (one Gateway, 4 rules each) per run: ${fmtMs(wall)}, `
    + `**${perSecond(wall?.median)} requests/s** (best run ${perSecond(wall?.min)}/s; ${perSecond(cpu?.median)} requests/s of CPU time); `
    + `the first 1,000 requests, which compile the routing tables, took ${r.firstRun?.toFixed(0) ?? 'n/a'} ms`;
}

function report(inp: ReportInput): string {
  const L: string[] = [];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  L.push('# Benchmark results', '');
  L.push(`Generated by \`npm run bench${QUICK ? ' -- --quick' : ''}\` (bench/run.ts) on ${os.cpus().length} × ${cpu}, Node ${process.version}, ${os.platform()}.`);
  L.push(`Seed ${SEED}; timings are the median of ${RUNS} runs in one child process per size (min–max in brackets; the 5,000-workload size runs once); the whole run took ${inp.seconds.toFixed(0)} s. The machine was shared with other jobs (load average ${os.loadavg()[0].toFixed(1)} at the end), so absolute figures are pessimistic.`);
  L.push(`Peak RSS is \`process.resourceUsage().maxRSS\` of a child that parses, builds and computes the matrix once; an empty child (Node + ts-node) peaks at ${mib(inp.baselineRss)}.`, '');

  L.push('## Engine', '');
  L.push('| workloads | namespaces | policies | objects | YAML | parse | build model | full matrix | 1,000 explains | peak RSS (matrix) |');
  L.push('|---:|---:|---:|---:|---:|---|---|---|---|---:|');
  for (const r of inp.results) {
    L.push(`| ${r.workloads} | ${r.namespaces} | ${r.policies} | ${r.objects} | ${(r.yamlBytes / 1e6).toFixed(1)} MB | ${phaseCell(r, 'parse')} | ${phaseCell(r, 'build')} | ${phaseCell(r, 'matrix')} | ${phaseCell(r, 'explain')} | ${mib(r.matrixRss)} |`);
  }
  const details = inp.results.map(r => `${r.workloads}: ${Object.entries(r.timing.phases).map(([k, v]) => `${k} ${v.detail ?? ''}`.trim()).join('; ')}`);
  L.push('', `Outputs: ${details.join(' — ')}.`, '');
  L.push(`Routing: ${routingLine(inp.route)}.`, '');

  L.push('## Side by side with np-guard/netpol-analyzer `list`', '');
  L.push(`netpol-analyzer ${inp.npVersion || '(not run)'} is built from the Go module proxy into bench/out/ and timed as a process (\`netpolicy list --dirpath <dir> -q\`, which includes reading and parsing); ours is \`runCli(['list', dir])\` in process (read, parse, build, matrix, format).`, '');
  L.push('| workloads | netpol-analyzer | ours (`list`) | ratio | same connections |');
  L.push('|---:|---|---|---:|---|');
  for (const r of inp.results) {
    const np = r.netpolicy;
    if (!np || np.skipped) { L.push(`| ${r.workloads} | skipped: ${np?.skipped ?? ''} | ${phaseCell(r, 'list')} | – | – |`); continue; }
    const ratio = np.stat && np.ours ? `${(np.stat.median / np.ours.median).toFixed(1)}×` : '–';
    L.push(`| ${r.workloads} | ${fmtMs(np.stat)} | ${phaseCell(r, 'list')} | ${ratio} | ${np.same} |`);
  }
  L.push('');

  L.push('## Synthesis', '');
  const sp = stat(inp.synth.plain);
  const sv = stat(inp.synth.validated);
  L.push(`\`app.synth()\` of a ${inp.synth.objects}-object app (bench/synth-app.ts): without validator ${fmtMs(sp)}; with \`Traffic.of(app)\` ${inp.synth.skipped ? `skipped: ${inp.synth.skipped}` : fmtMs(sv)}${sp && sv ? ` (+${(((sv.median / sp.median) - 1) * 100).toFixed(0)}%)` : ''}.`);
  const cp = stat(inp.synth.plainCpu ?? []);
  const cv = stat(inp.synth.validatedCpu ?? []);
  if (cp && cv) L.push(`CPU time of the same synths (user + system, less sensitive to machine load): without ${fmtMs(cp)}; with ${fmtMs(cv)} (+${(((cv.median / cp.median) - 1) * 100).toFixed(0)}%).`);
  const pp = stat(inp.py.plain ?? []);
  const pv = stat(inp.py.validated ?? []);
  L.push(`Python (bench/synth_app.py, same app through jsii): ${inp.py.skipped ? `skipped: ${inp.py.skipped}` : `without validator ${fmtMs(pp)}${pp && sp ? ` (${(pp.median / sp.median).toFixed(1)}× TypeScript)` : ''}; with ${fmtMs(pv)}${pv && sv ? ` (${(pv.median / sv.median).toFixed(1)}× TypeScript)` : ''}`}.`, '');

  L.push('## Targets', '');
  const big = inp.results.find(r => r.workloads === 5000);
  const mid = inp.results.find(r => r.workloads === 1000);
  const m5 = big && phase(big, 'matrix');
  L.push(`- 5,000 workloads / 5,000 policies full matrix under 2 s: ${!big ? 'not measured (--quick)' : !m5 ? 'not measured (matrix skipped)' : `${m5.median < 2000 ? 'met' : 'NOT met'} (${fmtMs(m5)})`}`);
  L.push(`- … and under 1 GiB: ${!big ? 'not measured (--quick)' : `${big.matrixRss < 1024 ** 3 ? 'met' : 'NOT met'} (${mib(big.matrixRss)} peak RSS, including ${mib(inp.baselineRss)} of Node + ts-node)`}`);
  const np = mid?.netpolicy;
  L.push(`- ≥ 10× faster than netpol-analyzer at 1,000 workloads, including parse: ${np?.stat && np.ours ? `${np.stat.median / np.ours.median >= 10 ? 'met' : 'NOT met'} (${(np.stat.median / np.ours.median).toFixed(1)}×)` : `not measured (${np?.skipped ?? mid?.timing.phases.list?.skipped ?? 'no data'})`}`);
  L.push(`- Validation adds ≤ 25% to synth: ${sp && sv ? `${sv.median <= sp.median * 1.25 ? 'met' : 'NOT met'} (+${(((sv.median / sp.median) - 1) * 100).toFixed(0)}%)` : `not measured (${inp.synth.skipped ?? 'no data'})`}`);
  const within = inp.results.map(r => {
    const p = phase(r, 'parse');
    const e = phase(r, 'build') && phase(r, 'matrix') ? phase(r, 'build')!.median + phase(r, 'matrix')!.median : undefined;
    return p && e !== undefined ? `${r.workloads}: ${(e / p.median).toFixed(2)}×` : `${r.workloads}: n/a`;
  });
  const worst = inp.results.map(r => {
    const p = phase(r, 'parse'); const b = phase(r, 'build'); const m = phase(r, 'matrix');
    return p && b && m ? (b.median + m.median) / p.median : Infinity;
  });
  L.push(`- Engine time (build + matrix) within 3× of parse time: ${worst.some(w => !isFinite(w)) ? 'not measured for every size' : worst.every(w => w <= 3) ? 'met' : 'NOT met'} (${within.join(', ')})`, '');

  const notes = path.join(__dirname, 'profile.md');
  if (fs.existsSync(notes)) L.push(fs.readFileSync(notes, 'utf8').trim(), '');
  return L.join('\n');
}

main();
