/**
 * Differential fuzzing of the NetworkPolicy engine.
 *
 *   npm run fuzz -- --count 100000 [--seed 1] [--netpolicy-every 500] [--out bench/out/fuzz]
 *
 * Each case is one random cluster from the oracle generator (test/oracle: empty
 * selectors, NotIn/DoesNotExist on missing labels, overlapping ipBlocks with
 * except, named ports that differ per pod, endPort, IPv6), sized by the seed.
 * The engine (connectivityMatrix, allowedConnections, explainConnection) is
 * compared with the brute-force oracle on every workload pair, on addresses
 * inside and outside every ipBlock, and on one sampled port per pair. With Go,
 * every Nth case is also compared with np-guard/netpol-analyzer `list`.
 * A disagreement is written as <out>/seed-<n>.yaml with what differed; the
 * exit code is 1 when there was any.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { buildNetpolicy, compareListings } from '../bench/netpolicy';
import { runCli } from '../src/cli/main';
import { ConnectionSet } from '../src/engine/connectivity/connection-set';
import { connectivityMatrix, externalRanges } from '../src/engine/connectivity/matrix';
import { explainConnection } from '../src/engine/explain';
import { formatAddress } from '../src/engine/ip/range';
import { allowedConnections } from '../src/engine/netpol/direction';
import { formatEndpoint, ipEndpoint, ipRangeEndpoint, PodEndpoint, podOf } from '../src/engine/netpol/endpoint';
import { buildCluster } from '../src/model/build';
import { Protocol } from '../src/model/cluster';
import { KubeObject } from '../src/model/manifest';
import { bruteForceAllowed, bruteForceFlags, generateCluster, ORACLE_PROTOCOLS, oracleCluster, OracleEndpoint, Prng } from '../test/oracle';

const PORTS = [1, ...Array.from({ length: 22 }, (_, i) => 79 + i), 65535];
const ADDRESSES = ['10.1.2.3', '10.1.2.7', '10.1.2.200', '10.5.0.1', '10.200.0.1', '192.168.1.1', '172.16.0.1', '8.8.8.8', '0.0.0.0', '255.255.255.255', 'fd00:1:2::1', 'fd00::1', '2001:db8::1'];

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

function flags(conns: ConnectionSet): string {
  let out = '';
  for (const p of ORACLE_PROTOCOLS) for (const port of PORTS) out += conns.allows(p as Protocol, port) ? '1' : '0';
  return out;
}

interface Disagreement { readonly what: string; readonly engine: string; readonly oracle: string }

/** Compares the engine with the oracle on one generated cluster; returns the first few disagreements. */
export function checkCase(seed: number): { disagreements: Disagreement[]; checks: number; objects: KubeObject[] } {
  // The seed also picks the size, so small and larger clusters are both covered.
  const size = new Prng(seed * 7919 + 1);
  const objects = generateCluster(seed, {
    maxNamespaces: size.int(1, 4), maxPodsPerNamespace: size.int(1, 4), maxPolicies: size.int(1, 7), maxRules: size.int(1, 3),
  });
  const cluster = buildCluster(objects.map((object, index) => ({ object, source: { file: 'generated', index } })));
  const oracle = oracleCluster(objects);
  const pods = cluster.workloads.map(podOf);
  const oraclePod = (p: PodEndpoint): OracleEndpoint => ({ pod: oracle.pods.find(o => o.id === formatEndpoint(p))! });
  const matrix = new Map(connectivityMatrix(cluster).map(e => [`${formatEndpoint(e.src)} => ${formatEndpoint(e.dst)}`, e.conns]));
  const out: Disagreement[] = [];
  let checks = 0;
  const check = (what: string, engine: ConnectionSet, oracleFlags: string) => {
    checks++;
    const got = flags(engine);
    if (got !== oracleFlags && out.length < 5) out.push({ what, engine: engine.toString(), oracle: oracleFlags });
  };
  const r = new Prng(seed);
  for (const a of pods) {
    for (const b of pods) {
      if (a === b) continue;
      const want = bruteForceFlags(oracle, oraclePod(a), oraclePod(b), PORTS);
      const what = `${formatEndpoint(a)} => ${formatEndpoint(b)}`;
      check(what, allowedConnections(cluster, a, b), want);
      check(`matrix ${what}`, matrix.get(what) ?? ConnectionSet.none(), want);
      // explain on one sampled port (a named one when the destination has it).
      const protocol = ORACLE_PROTOCOLS[r.int(0, 2)] as Protocol;
      const port = PORTS[r.int(0, PORTS.length - 1)];
      const named = b.ports.find(p => p.protocol === protocol && p.name);
      const ex = explainConnection(cluster, a, b, named && r.chance(0.3) ? named.name! : port, protocol);
      const exPort = named && ex.port !== undefined ? ex.port : port;
      checks++;
      if (ex.port !== undefined && ex.allowed !== bruteForceAllowed(oracle, oraclePod(a), oraclePod(b), protocol, exPort) && out.length < 5) {
        out.push({ what: `explain ${what} ${protocol}/${exPort}`, engine: String(ex.allowed), oracle: String(!ex.allowed) });
      }
    }
    for (const ip of ADDRESSES) {
      check(`${ip} => ${formatEndpoint(a)}`, allowedConnections(cluster, ipEndpoint(ip), a), bruteForceFlags(oracle, { ip }, oraclePod(a), PORTS));
      check(`${formatEndpoint(a)} => ${ip}`, allowedConnections(cluster, a, ipEndpoint(ip)), bruteForceFlags(oracle, oraclePod(a), { ip }, PORTS));
    }
  }
  for (const dir of ['ingress', 'egress'] as const) {
    for (const range of externalRanges(cluster, dir)) {
      const name = formatEndpoint(ipRangeEndpoint(range));
      for (const pod of pods) {
        const key = dir === 'ingress' ? `${name} => ${formatEndpoint(pod)}` : `${formatEndpoint(pod)} => ${name}`;
        const ip = formatAddress(range.family, range.start + (range.end - range.start) / 2n);
        const want = dir === 'ingress' ? bruteForceFlags(oracle, { ip }, oraclePod(pod), PORTS) : bruteForceFlags(oracle, oraclePod(pod), { ip }, PORTS);
        check(`matrix ${key} (${ip})`, matrix.get(key) ?? ConnectionSet.none(), want);
      }
    }
  }
  return { disagreements: out, checks, objects };
}

/** Our `list` vs netpol-analyzer's on the same YAML; undefined when they agree, `skip` when not comparable. */
function checkNetpolicy(bin: string, objects: KubeObject[], dir: string): string | undefined {
  // netpol-analyzer v1.4.4 lists IPv6 ranges in IPv4 notation (fd00::/8 as 253.0.0.0-253.255.255.255).
  if (JSON.stringify(objects).includes('::')) return 'skip';
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Quoted strings: netpol-analyzer reads YAML 1.1, where a plain `y` or `n` (namespace names
  // the generator uses) is a boolean.
  fs.writeFileSync(path.join(dir, 'cluster.yaml'), objects.map(o => stringify(o, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })).join('---\n'));
  let ours = '';
  let err = '';
  const code = runCli(['list', dir], { stdout: t => { ours += t; }, stderr: t => { err += t; }, readStdin: () => '' });
  if (code !== 0) return `our list failed: ${err.trim()}`;
  let theirs: string;
  try {
    theirs = execFileSync(bin, ['list', '--dirpath', dir, '-q'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return undefined; // netpol-analyzer refused the input (it rejects some things the API server accepts); not a disagreement about connectivity.
  }
  const same = compareListings(ours, theirs, path.join(dir, 'list-diff.txt'));
  return same.startsWith('identical') ? undefined : same;
}

function main(): void {
  const count = Number(arg('count', '1000'));
  const first = Number(arg('seed', '1'));
  const out = arg('out', path.join('bench', 'out', 'fuzz'));
  const every = Number(arg('netpolicy-every', '0'));
  fs.mkdirSync(out, { recursive: true });
  const bin = every > 0 ? buildNetpolicy(path.join('bench', 'out'), s => process.stderr.write(`${s}\n`)) : 'skip: --netpolicy-every not given';
  const useNp = !bin.startsWith('skip:');
  if (every > 0 && !useNp) process.stderr.write(`netpol-analyzer comparison skipped: ${bin.slice(6)}\n`);
  let checks = 0;
  let failed = 0;
  let npCases = 0;
  let npDiffs = 0;
  let npSkipped = 0;
  const started = Date.now();
  for (let seed = first; seed < first + count; seed++) {
    let result: ReturnType<typeof checkCase>;
    try {
      result = checkCase(seed);
    } catch (e) {
      failed++;
      fs.writeFileSync(path.join(out, `seed-${seed}.txt`), `engine threw: ${(e as Error).stack}\n`);
      process.stdout.write(`seed ${seed}: engine threw ${(e as Error).message}\n`);
      continue;
    }
    checks += result.checks;
    if (result.disagreements.length > 0) {
      failed++;
      const header = result.disagreements.map(d => `# ${d.what}: engine ${d.engine}, oracle ${d.oracle}`).join('\n');
      fs.writeFileSync(path.join(out, `seed-${seed}.yaml`), `${header}\n${result.objects.map(o => stringify(o)).join('---\n')}`);
      process.stdout.write(`seed ${seed}: ${result.disagreements[0].what}: engine ${result.disagreements[0].engine}, oracle ${result.disagreements[0].oracle}\n`);
    }
    if (useNp && (seed - first) % every === 0) {
      npCases++;
      const diff = checkNetpolicy(bin, result.objects, path.join(out, 'np', String(seed)));
      if (diff === 'skip') {
        npCases--;
        npSkipped++;
      } else if (diff) {
        npDiffs++;
        process.stdout.write(`seed ${seed}: netpol-analyzer: ${diff}\n`);
      } else {
        fs.rmSync(path.join(out, 'np', String(seed)), { recursive: true, force: true });
      }
    }
    if ((seed - first + 1) % 5000 === 0) {
      process.stdout.write(`${seed - first + 1} cases, ${checks} checks, ${failed} disagreeing cases, ${npCases} netpol-analyzer comparisons (${npDiffs} differ), ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
  }
  process.stdout.write(`done: ${count} cases (seeds ${first}-${first + count - 1}), ${checks} checks, ${failed} disagreeing cases; netpol-analyzer: ${npCases} compared, ${npDiffs} differ, ${npSkipped} with IPv6 not compared; ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  process.exitCode = failed > 0 || npDiffs > 0 ? 1 : 0;
}

if (require.main === module) main();
