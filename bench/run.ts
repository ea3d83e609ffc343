/**
 * `npm run bench [-- --quick] [-- --no-netpolicy] [-- --no-large] [-- --python] [-- --routes-only] [-- --synth-only]`
 *
 * Generates seeded clusters of 100 / 1,000 / 5,000 / 50,000 workloads, measures
 * the reader and the engine in a child process per size (median, min and max of
 * several runs; peak RSS), `list` as a whole process against a JSON.parse-only
 * process, np-guard/netpol-analyzer `list` on the same YAML when Go is
 * available (once per input, cached), synthesis with and without the
 * synth-time validator; prints every target with its figure and whether it is
 * met, writes bench/results.md and the scaling chart docs/img/bench-scaling.svg.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderScalingChart } from './chart';
import { generateCluster, generateRoutes, SIZES, toYaml } from './generate';
import type { MeasureResult, PhaseResult } from './measure';
import { buildNetpolicy, compareListings, NETPOL_ANALYZER_VERSION, runNetpolicyCached } from './netpolicy';
import { compileCli, jsonProcess, listProcess, ProcessRun } from './process';
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
  readonly jsonBytes: number;
  /** In-process phases (not measured for the 50,000-workload size). */
  readonly timing?: MeasureResult;
  /** Peak RSS of a process that only parses, builds and computes the matrix once. */
  readonly matrixRss?: number;
  /** `cdk8s-traffic list <dir>` as a process, and the JSON.parse-only process. */
  readonly list: { stat: Stat; cpu?: Stat; rss?: number; lines: number; output: string };
  readonly json: Stat;
  readonly jsonCpu?: Stat;
  netpolicy?: { ms?: number; rss?: number; measuredAt?: string; skipped?: string; same?: string };
}

/** The 50,000-workload cluster of the scale target. */
const LARGE = { workloads: 50_000, namespaces: 2_000, policies: 50_000 };

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

/** `--synth-only`: the synthesis figures alone (prints them, leaves bench/results.md as it is). */
function synthOnly(): void {
  fs.mkdirSync(OUT, { recursive: true });
  const synth = child<SynthResult>('synth.ts', ['--out', path.join(OUT, 'synth-ts'), '--runs', String(RUNS), '--groups', '1000']);
  const lines = synthLines(synth);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function main(): void {
  if (args.includes('--routes-only')) return routesOnly();
  if (args.includes('--synth-only')) return synthOnly();
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const sizes = QUICK ? SIZES.filter(s => s.workloads <= 1000) : [...SIZES, ...(args.includes('--no-large') ? [] : [LARGE])];
  const results: SizeResult[] = [];
  log('compiling the CLI (tsc) into bench/out/lib');
  const bin = compileCli(ROOT, OUT);

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
    // The JSON copy lives outside the listed directory (both tools read every .json there).
    const jsonFile = path.join(OUT, `size-${size.workloads}.json`);
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: gen.objects });
    fs.writeFileSync(jsonFile, json);
    log(`${size.workloads} workloads: ${gen.objects.length} objects, ${gen.policyCount} policies, ${(yaml.length / 1e6).toFixed(1)} MB`);
    const large = size.workloads > 5000;
    const big = size.workloads >= 5000;
    let timing: MeasureResult | undefined;
    let matrixRss: number | undefined;
    if (!large) {
      // The 5,000-workload size runs once, in one child: its peak RSS is then that of parse, build, matrix and explains.
      matrixRss = big ? undefined : child<MeasureResult>('measure.ts', ['--dir', dir, '--phases', 'matrix', '--runs', '1']).maxRssBytes;
      timing = child<MeasureResult>('measure.ts', ['--dir', dir, '--json', jsonFile, '--phases', 'parse,json,build,matrix,explain', '--runs', String(RUNS)]);
      matrixRss = matrixRss ?? timing.maxRssBytes;
    }
    const listRuns: ProcessRun[] = [];
    for (let i = 0; i < (large ? 1 : RUNS); i++) listRuns.push(listProcess(bin, dir));
    const last = listRuns[listRuns.length - 1];
    if (last.status !== 0) throw new Error(`list exited ${last.status} at ${size.workloads} workloads`);
    fs.writeFileSync(path.join(OUT, `ours-${size.workloads}.txt`), last.stdout);
    const jsonRuns = Array.from({ length: RUNS }, () => jsonProcess(jsonFile));
    results.push({
      ...size,
      policies: gen.policyCount,
      objects: gen.objects.length,
      yamlBytes: Buffer.byteLength(yaml),
      jsonBytes: Buffer.byteLength(json),
      timing,
      matrixRss,
      list: {
        stat: stat(listRuns.map(r => r.ms))!,
        cpu: stat(listRuns.flatMap(r => (r.cpuMs === undefined ? [] : [r.cpuMs]))),
        rss: Math.max(...listRuns.map(r => r.maxRssBytes ?? 0)) || undefined,
        lines: last.stdout.split('\n').filter(Boolean).length,
        output: last.stdout,
      },
      json: stat(jsonRuns.map(r => r.ms))!,
      jsonCpu: stat(jsonRuns.flatMap(r => (r.cpuMs === undefined ? [] : [r.cpuMs]))),
    });
    log(`${size.workloads} workloads measured: list ${fmtMs(results[results.length - 1].list.stat)}`);
  }

  // Routing: requests over 500 HTTPRoutes on the 1,000-workload cluster's Services.
  const route = measureRouting(emptyDir);

  // netpol-analyzer side by side, once per size up to 5,000 workloads (minutes there), cached by input.
  let npVersion = '';
  if (!args.includes('--no-netpolicy')) {
    const np = buildNetpolicy(OUT, log);
    for (const r of results) {
      if (r.workloads > 5000) { r.netpolicy = { skipped: 'not run above 5,000 workloads (hours)' }; continue; }
      if (np.startsWith('skip:')) { r.netpolicy = { skipped: np.replace(/^skip: /, '') }; continue; }
      npVersion = NETPOL_ANALYZER_VERSION;
      log(`netpol-analyzer at ${r.workloads} workloads (cached after the first run)`);
      const run = runNetpolicyCached(np, path.join(OUT, `size-${r.workloads}`), path.join(OUT, 'netpolicy-cache'));
      r.netpolicy = {
        ms: run.ms,
        rss: run.maxRssBytes,
        measuredAt: run.measuredAt,
        same: compareListings(r.list.output, run.output, path.join(OUT, `list-diff-${r.workloads}.txt`)),
      };
    }
  } else {
    for (const r of results) r.netpolicy = { skipped: '--no-netpolicy' };
  }

  // Synthesis with and without the validator: 1,000 groups (3,000 objects), then the Python app.
  const synth = child<SynthResult>('synth.ts', ['--out', path.join(OUT, 'synth-ts'), '--runs', String(RUNS), '--groups', '1000']);
  const py = args.includes('--python') ? runPythonSynth(ROOT, OUT, RUNS, log) : { skipped: 'pass --python (needs `npx projen compile && npx projen package:python` first)' };

  const chart = renderScalingChart([
    {
      title: 'list: time (whole process)',
      unit: 'ms',
      series: [
        { name: 'cdk8s-traffic', color: '#1f77b4', points: results.map(r => [r.workloads, r.list.stat.median] as const) },
        { name: `netpol-analyzer ${NETPOL_ANALYZER_VERSION}`, color: '#d62728', points: results.filter(r => r.netpolicy?.ms).map(r => [r.workloads, r.netpolicy!.ms!] as const) },
      ],
    },
    {
      title: 'list: peak memory (RSS)',
      unit: 'MiB',
      series: [
        { name: 'cdk8s-traffic', color: '#1f77b4', points: results.filter(r => r.list.rss).map(r => [r.workloads, r.list.rss! / 2 ** 20] as const) },
        { name: `netpol-analyzer ${NETPOL_ANALYZER_VERSION}`, color: '#d62728', points: results.filter(r => r.netpolicy?.rss).map(r => [r.workloads, r.netpolicy!.rss! / 2 ** 20] as const) },
      ],
    },
  ]);
  fs.writeFileSync(path.join(ROOT, 'docs', 'img', 'bench-scaling.svg'), chart);

  const md = report({ results, route, synth, py, baselineRss, npVersion, seconds: (Date.now() - started) / 1000 });
  fs.writeFileSync(path.join(__dirname, 'results.md'), md);
  process.stdout.write(md);
}

interface SynthResult { objects: number; plain: number[]; validated: number[]; plainCpu?: number[]; validatedCpu?: number[]; skipped?: string }

/** Wall-time overhead of the validator (median with / median without, less one). */
function synthOverhead(synth: SynthResult): number | undefined {
  const sp = stat(synth.plain);
  const sv = stat(synth.validated);
  return sp && sv ? (sv.median / sp.median) - 1 : undefined;
}

/** The synthesis paragraph of the report: wall time, then CPU time, of both variants. */
function synthLines(synth: SynthResult): string[] {
  const L: string[] = [];
  const sp = stat(synth.plain);
  const sv = stat(synth.validated);
  const over = synthOverhead(synth);
  L.push(`\`app.synth()\` of a ${synth.objects}-object app (bench/synth-app.ts, 1,000 groups of Deployment, Service and NetworkPolicy; the two variants alternate in one process): without validator ${fmtMs(sp)}; with \`Traffic.of(app)\` ${synth.skipped ? `skipped: ${synth.skipped}` : fmtMs(sv)}${over !== undefined ? ` (${over >= 0 ? '+' : ''}${(over * 100).toFixed(0)}%)` : ''}.`);
  const cp = stat(synth.plainCpu ?? []);
  const cv = stat(synth.validatedCpu ?? []);
  if (cp && cv) L.push(`CPU time of the same synths (user + system, less sensitive to machine load): without ${fmtMs(cp)}; with ${fmtMs(cv)} (+${(((cv.median / cp.median) - 1) * 100).toFixed(0)}%).`);
  return L;
}

interface ReportInput {
  results: SizeResult[];
  route?: PhaseResult;
  synth: SynthResult;
  py: { plain?: number[]; validated?: number[]; skipped?: string };
  baselineRss: number;
  npVersion: string;
  seconds: number;
}

function phase(r: SizeResult, name: string): Stat | undefined {
  return stat(r.timing?.phases[name]?.samples ?? []);
}

function phaseCell(r: SizeResult, name: string): string {
  const p = r.timing?.phases[name];
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

/** `12×`, `1.5×`, `0.3×`. */
function times(x: number): string {
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;
}

function cpuStat(r: SizeResult, name: string): Stat | undefined {
  return stat(r.timing?.phases[name]?.cpu ?? []);
}

function mbps(bytes: number, s: Stat | undefined): number | undefined {
  return s ? bytes / 1e6 / (s.median / 1000) : undefined;
}

/** `met (figure)` / `NOT met (figure)` / `not measured (why)`. */
function target(ok: boolean | undefined, figure: string, why = 'not measured'): string {
  return ok === undefined ? `not measured (${why})` : `${ok ? 'met' : 'NOT met'} (${figure})`;
}

function report(inp: ReportInput): string {
  const L: string[] = [];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  L.push('# Benchmark results', '');
  L.push(`Generated by \`npm run bench${QUICK ? ' -- --quick' : ''}\` (bench/run.ts) on ${os.cpus().length} × ${cpu}, Node ${process.version}, ${os.platform()}.`);
  L.push(`Seed ${SEED}; timings are the median of ${RUNS} runs (min–max in brackets; the 50,000-workload \`list\` and netpol-analyzer run once per size); the whole run took ${inp.seconds.toFixed(0)} s. Load average at the end: ${os.loadavg()[0].toFixed(1)} (the machine is shared; absolute times are pessimistic, the ratios hold across machines).`);
  L.push(`In-process peak RSS is \`process.resourceUsage().maxRSS\` of a child that parses, builds and computes the matrix once (an empty child, Node + ts-node, peaks at ${mib(inp.baselineRss)}); process figures are GNU time's maximum RSS.`, '');

  const r5 = inp.results.find(r => r.workloads === 5000);
  const rL = inp.results.find(r => r.workloads === LARGE.workloads);
  const r1 = inp.results.find(r => r.workloads === 1000);
  const yamlRate = r5 && mbps(r5.yamlBytes, phase(r5, 'parse'));
  const jsonRate = r5 && mbps(r5.jsonBytes, phase(r5, 'json'));
  const yamlCpuRate = r5 && mbps(r5.yamlBytes, cpuStat(r5, 'parse'));
  const jsonCpuRate = r5 && mbps(r5.jsonBytes, cpuStat(r5, 'json'));
  L.push('## Reader', '');
  L.push('`parseManifests` (src/model/manifest.ts) over the 5,000-workload cluster, in process: YAML through the js-yaml fast path (documents split at their markers, each parsed alone; `yaml` only for documents whose aliases would expand past the limit or that js-yaml rejects), JSON through `JSON.parse`. Both include the checks of every object (kind, apiVersion, metadata, nesting depth, alias expansion).', '');
  L.push('| input | bytes | parse (wall) | throughput (wall) | parse (CPU time) | throughput (CPU time) |');
  L.push('|---|---:|---|---:|---|---:|');
  if (r5) {
    L.push(`| YAML (${r5.objects} objects) | ${(r5.yamlBytes / 1e6).toFixed(1)} MB | ${phaseCell(r5, 'parse')} | ${yamlRate?.toFixed(1) ?? '–'} MB/s | ${fmtMs(cpuStat(r5, 'parse'))} | ${yamlCpuRate?.toFixed(1) ?? '–'} MB/s |`);
    L.push(`| JSON (same objects, one List) | ${(r5.jsonBytes / 1e6).toFixed(1)} MB | ${phaseCell(r5, 'json')} | ${jsonRate?.toFixed(1) ?? '–'} MB/s | ${fmtMs(cpuStat(r5, 'json'))} | ${jsonCpuRate?.toFixed(1) ?? '–'} MB/s |`);
  }
  L.push('', 'CPU time (process.cpuUsage) counts only the cycles the reader got, so it shows what a quiet machine would give; the targets below are judged on wall time, as measured.', '');

  L.push('## Engine (in process)', '');
  L.push('| workloads | namespaces | policies | objects | YAML | parse | build model | full matrix | 1,000 explains | peak RSS (matrix) |');
  L.push('|---:|---:|---:|---:|---:|---|---|---|---|---:|');
  for (const r of inp.results.filter(x => x.timing)) {
    L.push(`| ${r.workloads} | ${r.namespaces} | ${r.policies} | ${r.objects} | ${(r.yamlBytes / 1e6).toFixed(1)} MB | ${phaseCell(r, 'parse')} | ${phaseCell(r, 'build')} | ${phaseCell(r, 'matrix')} | ${phaseCell(r, 'explain')} | ${r.matrixRss ? mib(r.matrixRss) : '–'} |`);
  }
  L.push('');
  L.push(`Routing: ${routingLine(inp.route)}.`, '');

  L.push('## `list` as a process', '');
  L.push('`node lib/cli/bin.js list <dir>` from the compiled JavaScript (bench/out/lib, built by tsc), timed from spawn to exit; the baseline is a process that only reads the same objects as one JSON file and `JSON.parse`s them (`node -e`).', '');
  L.push('| workloads | namespaces | policies | objects | YAML | `list` | its CPU time | peak RSS | JSON.parse process | its CPU time | ratio (wall) | ratio (CPU) | lines |');
  L.push('|---:|---:|---:|---:|---:|---|---|---:|---|---|---:|---:|---:|');
  for (const r of inp.results) {
    const cpuRatio = r.list.cpu && r.jsonCpu ? times(r.list.cpu.median / r.jsonCpu.median) : '–';
    L.push(`| ${r.workloads} | ${r.namespaces} | ${r.policies} | ${r.objects} | ${(r.yamlBytes / 1e6).toFixed(1)} MB | ${fmtMs(r.list.stat)} | ${fmtMs(r.list.cpu)} | ${r.list.rss ? mib(r.list.rss) : '–'} | ${fmtMs(r.json)} | ${fmtMs(r.jsonCpu)} | ${times(r.list.stat.median / r.json.median)} | ${cpuRatio} | ${r.list.lines} |`);
  }
  L.push('');

  L.push('## Side by side with np-guard/netpol-analyzer `list`', '');
  L.push(`netpol-analyzer ${inp.npVersion || '(not run)'} is built from the Go module proxy into bench/out/ and timed as a process (\`netpolicy list --dirpath <dir> -q\`) once per size; the run is cached by the SHA-256 of the input (at 5,000 workloads it takes minutes), with the time it was measured. Ours is the \`list\` process above.`, '');
  L.push('| workloads | netpol-analyzer | its peak RSS | ours (`list`) | our peak RSS | ratio | same connections |');
  L.push('|---:|---|---:|---|---:|---:|---|');
  for (const r of inp.results) {
    const np = r.netpolicy;
    if (!np || np.skipped) { L.push(`| ${r.workloads} | skipped: ${np?.skipped ?? ''} | – | ${fmtMs(r.list.stat)} | ${r.list.rss ? mib(r.list.rss) : '–'} | – | – |`); continue; }
    L.push(`| ${r.workloads} | ${np.ms!.toFixed(0)} ms (n=1, ${np.measuredAt?.slice(0, 16).replace('T', ' ')} UTC) | ${np.rss ? mib(np.rss) : '–'} | ${fmtMs(r.list.stat)} | ${r.list.rss ? mib(r.list.rss) : '–'} | ${times(np.ms! / r.list.stat.median)} | ${np.same} |`);
  }
  L.push('', '![list time and peak memory against workloads, ours and netpol-analyzer\'s, log scales](../docs/img/bench-scaling.svg)', '');

  L.push('## Synthesis', '');
  L.push(...synthLines(inp.synth));
  const over = synthOverhead(inp.synth);
  const pp = stat(inp.py.plain ?? []);
  const pv = stat(inp.py.validated ?? []);
  L.push(`Python (bench/synth_app.py): ${inp.py.skipped ? `skipped: ${inp.py.skipped}` : `without validator ${fmtMs(pp)}; with ${fmtMs(pv)}`}.`, '');

  L.push('## Targets', '');
  const np5 = r5?.netpolicy;
  const ratio5 = r5 ? r5.list.stat.median / r5.json.median : undefined;
  L.push(`- Read throughput ≥ 25 MB/s for YAML: ${target(yamlRate === undefined ? undefined : yamlRate >= 25, `${yamlRate?.toFixed(1)} MB/s wall, ${yamlCpuRate?.toFixed(1)} MB/s of CPU time`, '--quick')}`);
  L.push(`- Read throughput ≥ 100 MB/s for JSON: ${target(jsonRate === undefined ? undefined : jsonRate >= 100, `${jsonRate?.toFixed(1)} MB/s wall, ${jsonCpuRate?.toFixed(1)} MB/s of CPU time`, '--quick')}`);
  L.push(`- \`list\` on the 5,000-workload cluster ≤ 1.0 s as a whole process: ${target(r5 ? r5.list.stat.median <= 1000 : undefined, `${fmtMs(r5?.list.stat)}; CPU time ${fmtMs(r5?.list.cpu)}`, '--quick')}`);
  const cpuRatio5 = r5?.list.cpu && r5.jsonCpu ? r5.list.cpu.median / r5.jsonCpu.median : undefined;
  L.push(`- … and ≤ 8× a process that only reads and JSON.parses the same objects: ${target(ratio5 === undefined ? undefined : ratio5 <= 8, `${ratio5?.toFixed(1)}× wall: ${fmtMs(r5?.list.stat)} / ${fmtMs(r5?.json)}; ${cpuRatio5?.toFixed(1) ?? '–'}× in CPU time`, '--quick')}`);
  L.push(`- 50,000 workloads / 2,000 namespaces / 50,000 policies: \`list\` ≤ 10 s: ${target(rL ? rL.list.stat.median <= 10_000 : undefined, `${fmtMs(rL?.list.stat)}; CPU time ${fmtMs(rL?.list.cpu)}`, '--quick or --no-large')}`);
  L.push(`- … and ≤ 2 GiB peak: ${target(rL?.list.rss === undefined ? undefined : rL.list.rss <= 2 * 1024 ** 3, rL?.list.rss ? `${mib(rL.list.rss)} peak RSS` : '', '--quick, --no-large or no /usr/bin/time')}`);
  L.push(`- ≥ 100× faster than netpol-analyzer v1.4.4 at 5,000 workloads: ${target(np5?.ms ? np5.ms / r5!.list.stat.median >= 100 : undefined, `${np5?.ms ? (np5.ms / r5!.list.stat.median).toFixed(0) : ''}×`, np5?.skipped ?? '--quick')}`);
  L.push(`- … with identical connections (1,000 and 5,000 workloads): ${target(r1?.netpolicy?.same && np5?.same ? r1.netpolicy.same.startsWith('identical') && np5.same.startsWith('identical') : undefined, `1,000: ${r1?.netpolicy?.same}; 5,000: ${np5?.same}`, '--quick or --no-netpolicy')}`);
  L.push(`- Synth-time validation adds ≤ 10% to \`app.synth()\` of a 3,000-object app: ${target(over === undefined ? undefined : over <= 0.10, `${over !== undefined ? `${over >= 0 ? '+' : ''}${(over * 100).toFixed(0)}%` : ''}, median of ${RUNS}`, inp.synth.skipped ?? 'no data')}`);
  const m5 = r5 && phase(r5, 'matrix');
  L.push(`- 5,000 workloads / 5,000 policies full matrix under 2 s (in process): ${target(m5 ? m5.median < 2000 : undefined, fmtMs(m5), '--quick')}`);
  L.push('');

  const notes = path.join(__dirname, 'profile.md');
  if (fs.existsSync(notes)) L.push(fs.readFileSync(notes, 'utf8').trim(), '');
  return L.join('\n');
}

main();
