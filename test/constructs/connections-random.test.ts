import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { addClusterDns, dnsLines, matrixOf } from './matrix-of';
import { Connections, IConnectable, NamespaceIsolation, Port, Service, ServiceSelector } from '../../src';
import { ConnectionSet } from '../../src/engine/connectivity';

/** Park-Miller generator, so every case is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = (seed * 7919 + 12345) % 2147483647;
  const next = () => {
    a = (a * 48271) % 2147483647;
    return a / 2147483647;
  };
  // Small seeds start with small values: skip them.
  for (let i = 0; i < 10; i++) next();
  return next;
}

interface Tier { readonly ns: string; readonly name: string; readonly podPort: number; readonly svc: Service; readonly workload: ApiObject }

/**
 * Random apps: 3-6 workloads over 1-3 isolated namespaces, each behind a
 * Service whose port differs from the pod port, and random declared
 * connections (through the Service or straight to the workload). The engine
 * must find exactly the declared connections, on the pod ports.
 */
describe('Connections over random topologies', () => {
  test.each(Array.from({ length: 25 }, (_, i) => i + 1))('seed %i: the matrix is exactly the declared connections', (seed) => {
    const r = rng(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const app: App = Testing.app();
    addClusterDns(app);
    const namespaces = ['alpha', 'beta', 'gamma'].slice(0, 1 + Math.floor(r() * 3));
    const charts = new Map<string, Chart>();
    for (const ns of namespaces) {
      const chart = new Chart(app, ns, { namespace: ns, disableResourceNameHashes: true });
      new NamespaceIsolation(chart, 'isolation');
      charts.set(ns, chart);
    }
    const tiers: Tier[] = [];
    const count = 3 + Math.floor(r() * 4);
    for (let i = 0; i < count; i++) {
      const ns = pick(namespaces);
      const name = `w${i}`;
      const podPort = 8000 + Math.floor(r() * 50);
      const workload = new ApiObject(charts.get(ns)!, name, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name },
        spec: {
          selector: { matchLabels: { app: name } },
          template: { metadata: { labels: { app: name, tier: 'any' } }, spec: { containers: [{ name, image: 'x', ports: [{ containerPort: podPort, name: 'main' }] }] } },
        },
      });
      const svc = new Service(charts.get(ns)!, `${name}-svc`, {
        name,
        selector: ServiceSelector.workload(workload),
        ports: [{ name: 'main', port: 80, targetPort: podPort }],
      });
      tiers.push({ ns, name, podPort, svc, workload });
    }
    const expected = new Map<string, ConnectionSet>();
    const edges = Math.floor(r() * count * 2);
    for (let e = 0; e < edges; e++) {
      const client = pick(tiers);
      const server = pick(tiers);
      if (client === server) continue;
      const viaService = r() < 0.5;
      const target: IConnectable = viaService ? server.svc : Connections.of(server.workload);
      const port = viaService ? Port.tcp(80) : Port.tcp(server.podPort);
      if (r() < 0.5) Connections.of(client.workload).allowTo(target, port);
      else (viaService ? server.svc.connections : Connections.of(server.workload)).allowFrom(Connections.of(client.workload), port);
      const key = `${client.ns}/${client.name}[Deployment] => ${server.ns}/${server.name}[Deployment]`;
      expected.set(key, (expected.get(key) ?? ConnectionSet.none()).union(ConnectionSet.ports('TCP', server.podPort)));
    }
    const want = [
      ...dnsLines(tiers.map(t => `${t.ns}/${t.name}[Deployment]`)),
      ...[...expected.entries()].map(([k, v]) => `${k} : ${v.toString()}`),
    ].sort();
    expect(matrixOf(app, namespaces)).toEqual(want);
  });
});
