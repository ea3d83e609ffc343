import { ConnectionSet } from '../../../src/engine/connectivity/connection-set';
import { connectivityMatrix, externalRanges } from '../../../src/engine/connectivity/matrix';
import { formatAddress, IpRange } from '../../../src/engine/ip/range';
import { allowedConnections } from '../../../src/engine/netpol/direction';
import { formatEndpoint, ipEndpoint, ipRangeEndpoint, PodEndpoint, podOf } from '../../../src/engine/netpol/endpoint';
import { buildCluster } from '../../../src/model/build';
import { Protocol } from '../../../src/model/cluster';
import { KubeObject } from '../../../src/model/manifest';
import { bruteForceFlags, generateCluster, ORACLE_PROTOCOLS, OracleCluster, oracleCluster, OracleEndpoint } from '../../oracle';

const CLUSTERS = Number(process.env.ORACLE_CLUSTERS ?? 2000);
/** Every port boundary the generator can produce lies in 79-100 (ports 80-90, endPort up to +9). */
const PORTS = [1, ...Array.from({ length: 22 }, (_, i) => 79 + i), 65535];
/** One address inside each kind of generated ipBlock and except, and some outside all of them. */
const ADDRESSES = ['10.1.2.7', '10.1.2.200', '10.200.0.1', '192.168.1.1', '8.8.8.8', 'fd00:1:2::1', '2001:db8::1'];

/** The engine's answer in the oracle's flag notation. */
function flags(conns: ConnectionSet): string {
  let out = '';
  for (const p of ORACLE_PROTOCOLS) for (const port of PORTS) out += conns.allows(p as Protocol, port) ? '1' : '0';
  return out;
}

function build(objects: KubeObject[]) {
  return buildCluster(objects.map((object, index) => ({ object, source: { file: 'generated', index } })));
}

/** Addresses of a range worth probing: the first, and one inside that moves with the seed. */
function samples(r: IpRange, seed: number): string[] {
  const inside = r.start + ((r.end - r.start) * BigInt(seed % 97)) / 96n;
  return [...new Set([r.start, inside])].map(n => formatAddress(r.family, n));
}

class Agreement {
  public checks = 0;
  public check(seed: number, what: string, engine: ConnectionSet, oracle: string): void {
    this.checks++;
    const got = flags(engine);
    // One expect per mismatch only: expect() on every check would dominate the run time.
    if (got !== oracle) {
      expect({ seed, what, engine: engine.toString(), flags: got }).toEqual({ seed, what, engine: engine.toString(), flags: oracle });
    }
  }
}

describe('engine agrees with the brute-force oracle on random clusters', () => {
  test(`${CLUSTERS} seeded clusters: connectivityMatrix and allowedConnections`, () => {
    const pairs = new Agreement();
    const addresses = new Agreement();
    const ranges = new Agreement();
    for (let seed = 1; seed <= CLUSTERS; seed++) {
      const objects = generateCluster(seed);
      const cluster = build(objects);
      const oracle: OracleCluster = oracleCluster(objects);
      const pods = cluster.workloads.map(podOf);
      const oraclePod = (p: PodEndpoint): OracleEndpoint => ({ pod: oracle.pods.find(o => o.id === formatEndpoint(p))! });
      const entries = connectivityMatrix(cluster);
      const byKey = new Map(entries.map(e => [`${formatEndpoint(e.src)} => ${formatEndpoint(e.dst)}`, e.conns]));
      const inMatrix = (src: string, dst: string) => byKey.get(`${src} => ${dst}`) ?? ConnectionSet.none();

      for (const a of pods) {
        for (const b of pods) {
          if (a === b) continue;
          const want = bruteForceFlags(oracle, oraclePod(a), oraclePod(b), PORTS);
          const what = `${formatEndpoint(a)} => ${formatEndpoint(b)}`;
          // Per pair (no classes) and through the class-based matrix.
          pairs.check(seed, what, allowedConnections(cluster, a, b), want);
          pairs.check(seed, `matrix ${what}`, inMatrix(formatEndpoint(a), formatEndpoint(b)), want);
        }
        for (const ip of ADDRESSES) {
          addresses.check(seed, `${ip} => ${formatEndpoint(a)}`, allowedConnections(cluster, ipEndpoint(ip), a), bruteForceFlags(oracle, { ip }, oraclePod(a), PORTS));
          addresses.check(seed, `${formatEndpoint(a)} => ${ip}`, allowedConnections(cluster, a, ipEndpoint(ip)), bruteForceFlags(oracle, oraclePod(a), { ip }, PORTS));
        }
      }

      // External ranges of the matrix: every address of a range behaves alike.
      for (const dir of ['ingress', 'egress'] as const) {
        for (const r of externalRanges(cluster, dir)) {
          const range = formatEndpoint(ipRangeEndpoint(r));
          for (const pod of pods) {
            const conns = dir === 'ingress' ? inMatrix(range, formatEndpoint(pod)) : inMatrix(formatEndpoint(pod), range);
            for (const ip of samples(r, seed)) {
              const want = dir === 'ingress' ? bruteForceFlags(oracle, { ip }, oraclePod(pod), PORTS) : bruteForceFlags(oracle, oraclePod(pod), { ip }, PORTS);
              ranges.check(seed, `${dir} ${range} (${ip}) ${formatEndpoint(pod)}`, conns, want);
            }
          }
        }
      }
    }
    // eslint-disable-next-line no-console
    console.log(`oracle agreement on ${CLUSTERS} random clusters: ${pairs.checks} workload-pair checks, `
      + `${addresses.checks} address checks, ${ranges.checks} external-range checks, all equal`);
    expect(pairs.checks).toBeGreaterThan(CLUSTERS);
  });
});
