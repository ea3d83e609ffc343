// A first app: web -> api -> db in one default-deny namespace, with the intent written
// as expectations that `app.synth()` checks. As committed, one connection is missing and
// synthesis fails with the engine's explanation; uncomment the line marked FIX and run again.
// Usage: ts-node examples/typescript/first-app/main.ts [outdir]
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Connections, NamespaceIsolation, Port, Service, ServiceSelector, Traffic } from '../../../src';

export function buildFirstApp(outdir: string): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'first-app', { namespace: 'shop', disableResourceNameHashes: true });
  new NamespaceIsolation(chart, 'isolation'); // default deny in and out; DNS egress kept

  const deploy = (name: string, image: string, port: number) => new kplus.Deployment(chart, name, {
    metadata: { name },
    containers: [{ name, image, ports: [{ number: port, name: 'main' }], securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } }],
  });
  const web = deploy('web', 'nginx:1.27', 8080);
  const api = deploy('api', 'ghcr.io/example/shop-api:1.4.2', 8080);
  const db = deploy('db', 'postgres:16', 5432);
  const apiSvc = new Service(chart, 'api-svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ port: 80, targetPortName: 'main' }] });
  const dbSvc = new Service(chart, 'db-svc', { name: 'db', selector: ServiceSelector.workload(db), ports: [{ port: 5432, targetPortName: 'main' }] });

  Connections.of(web).allowTo(apiSvc, Port.HTTP);
  // Connections.of(api).allowTo(dbSvc, Port.POSTGRES);   // FIX: uncomment this line

  const traffic = Traffic.of(app);
  traffic.expect(web).canReach(apiSvc, Port.HTTP).cannotReach(dbSvc);
  traffic.expect(api).canReach(dbSvc, Port.POSTGRES);
  traffic.expect(db).isIsolated();
  return app;
}

if (require.main === module) {
  try {
    buildFirstApp(process.argv[2] ?? 'dist').synth();
    console.log('synthesized; every expectation holds');
  } catch (e) {
    console.error((e as Error).message); // the expectation that failed, with the engine's reasons
    process.exit(1);
  }
}
