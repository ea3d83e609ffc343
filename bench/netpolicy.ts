/**
 * np-guard/netpol-analyzer, the reference implementation our `list` follows:
 * built from the Go module proxy into bench/out/, and a comparison of its
 * `list` output with ours.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const NETPOL_ANALYZER_VERSION = 'v1.4.4';

/**
 * Builds `netpolicy` into `<out>/netpolicy` (once) and returns its path, or
 * `skip: <reason>`. `go install ...@version` needs the module's version list,
 * which the proxy refuses for this module, so the binary is built from a
 * throwaway module that requires the exact version.
 */
export function buildNetpolicy(out: string, log: (s: string) => void): string {
  const bin = path.join(out, 'netpolicy');
  if (fs.existsSync(bin)) return bin;
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    return 'skip: Go is not installed';
  }
  const mod = path.join(out, 'netpolicy-build');
  fs.mkdirSync(mod, { recursive: true });
  fs.writeFileSync(path.join(mod, 'go.mod'), `module netpolicybuild\n\ngo 1.24\n\nrequire github.com/np-guard/netpol-analyzer ${NETPOL_ANALYZER_VERSION}\n`);
  fs.writeFileSync(path.join(mod, 'tools.go'), '//go:build tools\n\npackage tools\n\nimport _ "github.com/np-guard/netpol-analyzer/cmd/netpolicy"\n');
  // The checksum database does not list github.com/np-guard/models; skipping it for
  // the np-guard modules only is enough (every other module is still verified).
  const env = { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false', GONOSUMDB: 'github.com/np-guard' };
  try {
    log(`building netpol-analyzer ${NETPOL_ANALYZER_VERSION} with Go`);
    execFileSync('go', ['mod', 'tidy'], { cwd: mod, env, stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync('go', ['build', '-o', bin, 'github.com/np-guard/netpol-analyzer/cmd/netpolicy'], { cwd: mod, env, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? e).split('\n').filter(Boolean);
    return `skip: building netpol-analyzer failed: ${stderr[stderr.length - 1] ?? 'unknown error'}`;
  }
  return bin;
}

/**
 * Lines of a txt listing, trimmed and sorted, without blank lines. The
 * `[External]` suffix on IP ranges is dropped: netpol-analyzer added it after
 * v1.4.4 (its golden outputs, which our `list` follows, have it; the release does not).
 */
export function normalizeListing(text: string): string[] {
  return text.split('\n').map(l => l.trim().replace(/\s+/g, ' ').replace(/\[External\]/g, '')).filter(Boolean).sort();
}

/** `identical (N lines)` or `M differ of N/N' lines`, writing a unified list of differences to `diffFile`. */
export function compareListings(ours: string, theirs: string, diffFile: string): string {
  const a = normalizeListing(ours);
  const b = normalizeListing(theirs);
  const sa = new Set(a);
  const sb = new Set(b);
  const onlyOurs = a.filter(l => !sb.has(l));
  const onlyTheirs = b.filter(l => !sa.has(l));
  if (onlyOurs.length === 0 && onlyTheirs.length === 0) {
    fs.rmSync(diffFile, { force: true });
    return `identical (${a.length} lines)`;
  }
  fs.writeFileSync(diffFile, [...onlyTheirs.map(l => `- ${l}`), ...onlyOurs.map(l => `+ ${l}`)].join('\n') + '\n');
  return `differ: ${onlyTheirs.length} only in netpol-analyzer, ${onlyOurs.length} only in ours, of ${b.length}/${a.length} lines (bench/out/…/list-diff.txt)`;
}

/** One timed netpol-analyzer `list` run: its wall time, peak RSS and output. */
export interface NetpolicyRun {
  readonly ms: number;
  /** Peak resident set size in bytes (GNU time's %M), when /usr/bin/time is there. */
  readonly maxRssBytes?: number;
  readonly output: string;
  /** When the run was measured (ISO date); runs are cached by input hash. */
  readonly measuredAt: string;
  readonly cached: boolean;
}

/**
 * Runs `netpolicy list --dirpath <dir> -q` once, or returns the run cached
 * for the same cluster.yaml (by SHA-256) and version: at 5,000 workloads it
 * takes minutes, so it is measured once and reused by later bench runs.
 */
export function runNetpolicyCached(bin: string, dir: string, cacheDir: string): NetpolicyRun {
  const yaml = fs.readFileSync(path.join(dir, 'cluster.yaml'));
  const key = createHash('sha256').update(NETPOL_ANALYZER_VERSION).update(yaml).digest('hex').slice(0, 16);
  const file = path.join(cacheDir, `${key}.json`);
  // Another bench process measuring the same input marks it: wait for its result instead of competing for the CPU.
  const running = path.join(cacheDir, `${key}.running`);
  while (!fs.existsSync(file) && fs.existsSync(running)) spawnSync('sleep', ['10']);
  if (fs.existsSync(file)) return { ...(JSON.parse(fs.readFileSync(file, 'utf8')) as NetpolicyRun), cached: true };
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(running, String(process.pid));
  const timed = fs.existsSync('/usr/bin/time');
  const argv = ['list', '--dirpath', dir, '-q'];
  const t0 = process.hrtime.bigint();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%M', bin, ...argv], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 })
    : spawnSync(bin, argv, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    fs.rmSync(running, { force: true });
    throw new Error(`netpolicy exited ${r.status}: ${String(r.stderr).split('\n')[0]}`);
  }
  const kb = timed ? Number(String(r.stderr).trim().split('\n').pop()) : NaN;
  const rss = Number.isFinite(kb) ? { maxRssBytes: kb * 1024 } : {};
  const run = { ms, ...rss, output: r.stdout, measuredAt: new Date().toISOString(), cached: false };
  fs.writeFileSync(file, JSON.stringify(run));
  fs.rmSync(running, { force: true });
  return run;
}
