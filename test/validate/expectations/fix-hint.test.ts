// A failed canReach at synth names the Connections call that would make it hold
// (docs/validation.md "Expectations"), in the construct ids the author chose.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Connections, NamespaceIsolation, Port, Traffic } from '../../../src';

test('canReach between two constructs fails with the Connections call that fixes it; after the call it holds', () => {
  const app = new App({ outdir: 'cdk.out.test-never-written' });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  new NamespaceIsolation(chart, 'isolation');
  const checkout = new kplus.Deployment(chart, 'checkout', { containers: [{ image: 'checkout', portNumber: 8080 }] });
  const postgres = new kplus.StatefulSet(chart, 'postgres', { containers: [{ image: 'postgres', portNumber: 5432 }] });
  const traffic = Traffic.of(app);
  traffic.configure({ audit: false });
  traffic.expect(checkout).canReach(postgres, Port.POSTGRES);
  expect(() => app.synthYaml()).toThrow(/\n {4}fix: Connections\.of\(checkout\)\.allowTo\(postgres, Port\.tcp\(5432\)\)/);
  // The fix as printed compiles: a cdk8s-plus workload is passed as it is.
  Connections.of(checkout).allowTo(postgres, Port.POSTGRES);
  expect(() => app.synthYaml()).not.toThrow();
});
