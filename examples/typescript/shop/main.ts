// A small shop: web -> api -> db in one namespace, each behind a Service.
// Usage: ts-node examples/typescript/shop/main.ts [outdir]
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Protocol, Service, ServiceSelector } from '../../../src';

export function buildShop(outdir: string): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });

  const tiers: Array<[string, string, number]> = [
    ['web', 'nginx:1.27', 8080],
    ['api', 'ghcr.io/example/shop-api:1.4.2', 8080],
    ['db', 'postgres:16', 5432],
  ];
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
    new Service(chart, `${name}-svc`, {
      name,
      selector: ServiceSelector.fromWorkload(deployment),
      ports: [{
        name: name === 'db' ? 'postgres' : 'http',
        port: name === 'db' ? 5432 : 80,
        targetPortName: name === 'db' ? 'postgres' : 'http',
        protocol: Protocol.TCP,
      }],
    });
  }
  return app;
}

if (require.main === module) {
  buildShop(process.argv[2] ?? 'dist').synth();
}
