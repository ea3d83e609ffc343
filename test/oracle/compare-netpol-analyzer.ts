/**
 * Differential check against np-guard/netpol-analyzer (not part of the test
 * suite, which must not depend on a Go binary):
 *
 *   NETPOLICY_BIN=path/to/netpolicy npx ts-node --transpile-only -P tsconfig.dev.json \
 *     test/oracle/compare-netpol-analyzer.ts [firstSeed] [lastSeed]
 *
 * Writes each generated cluster (IPv4 only: netpol-analyzer ignores IPv6) to a
 * temporary directory, runs `netpolicy list`, and compares its lines with our
 * connectivityMatrix. Seeds netpol-analyzer refuses (it rejects named ports in
 * rules that can reach addresses) are counted apart.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { generateCluster } from './generate';
import { connectivityMatrix } from '../../src/engine/connectivity/matrix';
import { formatEndpoint } from '../../src/engine/netpol/endpoint';
import { buildCluster } from '../../src/model/build';

const bin = process.env.NETPOLICY_BIN ?? 'netpolicy';
const first = Number(process.argv[2] ?? 1);
const last = Number(process.argv[3] ?? 100);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-diff-'));
let agree = 0;
let refused = 0;
const disagree: number[] = [];
for (let seed = first; seed <= last; seed++) {
  const objects = generateCluster(seed, { ipv6: false });
  const dir = path.join(work, `seed-${seed}`);
  fs.mkdirSync(dir);
  // Quoted strings: Go's YAML 1.1 reads a bare `y` as a boolean.
  fs.writeFileSync(path.join(dir, 'cluster.yaml'), objects.map(o => stringify(o, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })).join('---\n'));
  let theirs: string;
  try {
    theirs = execFileSync(bin, ['list', '--dirpath', dir, '-q'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    refused++;
    continue;
  }
  const cluster = buildCluster(objects.map((object, index) => ({ object, source: { file: 'cluster.yaml', index } })));
  // `list -q` prints address ranges without the [External] suffix.
  const ours = connectivityMatrix(cluster, { families: 'ipv4' })
    .map(e => `${formatEndpoint(e.src)} => ${formatEndpoint(e.dst)} : ${e.conns}`.replace(/\[External\]/g, '')).sort();
  const expected = theirs.split('\n').map(l => l.trim()).filter(l => l.includes(' => ')).sort();
  if (JSON.stringify(ours) === JSON.stringify(expected)) {
    agree++;
  } else {
    disagree.push(seed);
    const a = new Set(ours);
    const b = new Set(expected);
    console.log(`seed ${seed}\n  only ours:   ${ours.filter(x => !b.has(x)).join('\n               ')}\n  only theirs: ${expected.filter(x => !a.has(x)).join('\n               ')}`);
  }
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`netpol-analyzer differential, seeds ${first}-${last}: ${agree} agree, ${disagree.length} disagree${disagree.length ? ` (${disagree.join(', ')})` : ''}, ${refused} refused by netpol-analyzer`);
