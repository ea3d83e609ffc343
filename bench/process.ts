/**
 * Whole-process measurements: `cdk8s-traffic list` as a user runs it (Node
 * start, module loading, read, parse, build, matrix, output), from the
 * compiled JavaScript, and the baseline the ratio is taken against: a
 * process that only reads the same objects as JSON and `JSON.parse`s them.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Compiles src/ with tsc (no jsii, no declarations) into `<out>/lib`; returns the CLI's path. */
export function compileCli(root: string, out: string): string {
  const lib = path.join(out, 'lib');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json'),
    '--outDir', lib, '--declaration', 'false', '--sourceMap', 'false', '--inlineSourceMap', 'false', '--inlineSources', 'false'], { cwd: root, stdio: 'inherit' });
  return path.join(lib, 'cli', 'bin.js');
}

export interface ProcessRun {
  readonly ms: number;
  /** Peak resident set size in bytes (GNU time's %M); undefined without /usr/bin/time. */
  readonly maxRssBytes?: number;
  /** CPU time (user + system, GNU time's %U + %S) in milliseconds. */
  readonly cpuMs?: number;
  readonly stdout: string;
  readonly status: number | null;
}

/** Runs `argv` once as a process, timing it from spawn to exit. */
export function runTimed(argv: readonly string[]): ProcessRun {
  const timed = fs.existsSync('/usr/bin/time');
  const cmd = timed ? '/usr/bin/time' : argv[0];
  const args = timed ? ['-f', '%M %U %S', ...argv] : argv.slice(1);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const [kb, user, sys] = timed ? String(r.stderr).trim().split('\n').pop()!.split(' ').map(Number) : [NaN, NaN, NaN];
  return {
    ms,
    maxRssBytes: Number.isFinite(kb) ? kb * 1024 : undefined,
    cpuMs: Number.isFinite(user + sys) ? (user + sys) * 1000 : undefined,
    stdout: r.stdout,
    status: r.status,
  };
}

/** `cdk8s-traffic list <dir>` as a process. */
export function listProcess(bin: string, dir: string): ProcessRun {
  return runTimed([process.execPath, bin, 'list', dir]);
}

/** A process that reads `file` and JSON.parses it, nothing else. */
export function jsonProcess(file: string): ProcessRun {
  return runTimed([process.execPath, '-e', 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))', file]);
}
