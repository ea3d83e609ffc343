import { CASES, Check, E2eCase, POD_IPS, Step } from './cases';
import { topology } from './model';
import { Reachability } from './reachability';
import { ConnectionSet } from '../../src/engine/connectivity/connection-set';
import { connectivityMatrix } from '../../src/engine/connectivity/matrix';
import { allowedConnections, egressVerdict, ingressVerdict } from '../../src/engine/netpol/direction';
import { formatEndpoint, ipEndpoint, PodEndpoint, podOf } from '../../src/engine/netpol/endpoint';
import { buildCluster } from '../../src/model/build';
import { Cluster } from '../../src/model/cluster';

function clusterFor(c: E2eCase, step: Step): Cluster {
  const objects = [...topology(c.pods, c.ports, c.protocols, { namespaces: step.namespaceLabels, pods: step.podLabels }), ...step.policies];
  return buildCluster(objects.map((object, index) => ({ object, source: { file: 'e2e.yaml', index } })));
}

function podsOf(cluster: Cluster, names: readonly string[]): Map<string, PodEndpoint> {
  return new Map(names.map(n => {
    const w = cluster.workloads.find(x => `${x.namespace}/${x.name}` === n)!;
    return [n, podOf(w)];
  }));
}

/** The engine's connections for one pair, per the case's addressing mode. */
function connections(cluster: Cluster, c: E2eCase, src: PodEndpoint, dst: PodEndpoint, dstName: string): ConnectionSet {
  if (!c.viaPodIps) return allowedConnections(cluster, src, dst);
  return egressVerdict(cluster, src, ipEndpoint(POD_IPS[dstName])).conns.intersect(ingressVerdict(cluster, dst, src).conns);
}

function runCheck(c: E2eCase, step: Step, check: Check): void {
  const cluster = clusterFor(c, step);
  const pods = podsOf(cluster, c.pods);
  const expected = new Reachability(c.pods, true);
  check.expect(expected);
  const actual = (a: string, b: string) => connections(cluster, c, pods.get(a)!, pods.get(b)!, b).allows(check.protocol, check.port);
  expect(Reachability.render(c.pods, actual)).toBe(Reachability.render(c.pods, (a, b) => expected.get(a, b)));

  if (!c.viaPodIps) {
    // The class-based matrix gives the same answers as the per-pair evaluation.
    const matrix = new Map(connectivityMatrix(cluster).map(e => [`${formatEndpoint(e.src)} ${formatEndpoint(e.dst)}`, e.conns]));
    const viaMatrix = (a: string, b: string) =>
      matrix.get(`${formatEndpoint(pods.get(a)!)} ${formatEndpoint(pods.get(b)!)}`)?.allows(check.protocol, check.port) ?? false;
    expect(Reachability.render(c.pods, viaMatrix)).toBe(Reachability.render(c.pods, actual));
  }
}

describe('Kubernetes e2e: Netpol NetworkPolicy between server and client', () => {
  test('covers at least 40 upstream cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map(c => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    test(c.name, () => {
      for (const step of c.steps) {
        for (const check of step.checks) runCheck(c, step, check);
      }
    });
  }
});
