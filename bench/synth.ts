/**
 * Child process: times `app.synth()` of the benchmark app with and without the
 * synth-time validator, alternating the two so that JIT warm-up favours neither.
 * Usage: synth.ts --out <dir> --runs 5 [--groups 1000]
 */
import * as fs from 'fs';
import * as path from 'path';
import { attachTraffic, buildSynthApp, countObjects } from './synth-app';

function main(): void {
  const args = process.argv.slice(2);
  const opt = (n: string, d: string) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
  const out = opt('out', 'bench/out/synth-ts');
  const runs = Number(opt('runs', '5'));
  const groups = Number(opt('groups', '100'));
  const plain: number[] = [];
  const validated: number[] = [];
  // CPU time of this process (user + system): on a shared, loaded machine it moves far less than wall time.
  const plainCpu: number[] = [];
  const validatedCpu: number[] = [];
  let objects = 0;
  let hasTraffic = true;
  // One untimed warm-up of each variant.
  for (let i = -1; i < runs; i++) {
    for (const withTraffic of [false, true]) {
      if (withTraffic && !hasTraffic) continue;
      const dir = path.join(out, withTraffic ? 'validated' : 'plain');
      fs.rmSync(dir, { recursive: true, force: true });
      const app = buildSynthApp(dir, groups);
      objects = countObjects(app);
      if (withTraffic) hasTraffic = attachTraffic(app);
      if (withTraffic && !hasTraffic) continue;
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      app.synth();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const c = process.cpuUsage(c0);
      if (i >= 0) (withTraffic ? validated : plain).push(ms);
      if (i >= 0) (withTraffic ? validatedCpu : plainCpu).push((c.user + c.system) / 1000);
    }
  }
  process.stdout.write(JSON.stringify({ objects, plain, validated, plainCpu, validatedCpu, skipped: hasTraffic ? undefined : 'Traffic (synth-time validator) is not exported from src/index.ts' }) + '\n');
}

main();
