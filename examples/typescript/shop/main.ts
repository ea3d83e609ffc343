// A small shop: web -> api -> db in one default-deny namespace, each behind a Service,
// with the intended connectivity asserted at synth time.
// Usage: ts-node examples/typescript/shop/main.ts [outdir]
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Connections, NamespaceIsolation, Peer, Port, Protocol, Service, ServiceSelector, Traffic } from '../../../src';

export function buildShop(outdir: string): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });

  new NamespaceIsolation(chart, 'isolation');

  const tiers: Array<[string, string, number]> = [
    ['web', 'nginx:1.27', 8080],
    ['api', 'ghcr.io/example/shop-api:1.4.2', 8080],
    ['db', 'postgres:16', 5432],
  ];
  const services: Record<string, Service> = {};
  const workloads: Record<string, kplus.Deployment> = {};
  for (const [name, image, port] of tiers) {
    const deployment = new kplus.Deployment(chart, name, {
      metadata: { name },
      replicas: name === 'db' ? 1 : 2,
      containers: [{
        name,
        image,
        ports: [{ number: port, name: name === 'db' ? 'postgres' : 'http' }],
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      }],
    });
    deployment.podMetadata.addLabel('app', name);
    workloads[name] = deployment;
    services[name] = new Service(chart, `${name}-svc`, {
      name,
      selector: ServiceSelector.workload(deployment),
    });
    services[name].addPort({
      name: name === 'db' ? 'postgres' : 'http',
      port: name === 'db' ? 5432 : 80,
      targetPortName: name === 'db' ? 'postgres' : 'http',
      protocol: Protocol.TCP,
    });
  }

  // Each call writes the client's egress and the server's ingress, on the pod port.
  services.web.connections.allowFrom(Peer.anyIpv4(), Port.named('http'));
  Connections.of(workloads.web).allowTo(services.api, Port.named('http'));
  Connections.of(workloads.api).allowTo(services.db, Port.named('postgres'));

  // Checked by the traffic engine inside app.synth().
  const traffic = Traffic.of(app);
  traffic.expect(workloads.web).canReach(services.api, Port.tcp(80));
  traffic.expect(workloads.api).canReach(services.db, Port.tcp(5432));
  traffic.expect(workloads.web).cannotReach(workloads.db);
  return app;
}

if (require.main === module) {
  buildShop(process.argv[2] ?? 'dist').synth();
}
