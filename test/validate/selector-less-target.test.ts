// Connectivity to a Service is connectivity to its endpoints: the pods its
// selector matches, or the EndpointSlice addresses of a selector-less Service
// (docs/design.md, "Where each rule lives": engine/services/targets).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Connections, EndpointSlices, NamespaceIsolation, Port, Service, Target, Traffic } from '../../src';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

function app() {
  const a = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'selectorless-')) });
  const shop = new Chart(a, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  const data = new Chart(a, 'data', { namespace: 'data', disableResourceNameHashes: true });
  new NamespaceIsolation(shop, 'isolation');
  const web = new kplus.Deployment(shop, 'web', {
    metadata: { name: 'web' },
    containers: [{ name: 'web', image: 'example', securityContext: { ensureNonRoot: false } }],
  });
  web.podMetadata.addLabel('app', 'web');
  const worker = new kplus.Deployment(shop, 'worker', {
    metadata: { name: 'worker' },
    containers: [{ name: 'worker', image: 'example', securityContext: { ensureNonRoot: false } }],
  });
  worker.podMetadata.addLabel('app', 'worker');
  // A database outside the cluster, published as a selector-less Service.
  const payments = new Service(data, 'payments', { name: 'payments-api', ports: [{ name: 'https', port: 443, targetPort: 8443 }] });
  new EndpointSlices(data, 'payments-eps', { service: payments, endpoints: [{ addresses: ['10.20.0.5'] }, { addresses: ['10.20.0.6'] }] });
  Connections.of(web).allowTo(payments, Port.tcp(443));
  return { app: a, web, worker, payments };
}

describe('selector-less Services are connection targets', () => {
  test('canReach and cannotReach a selector-less Service check its EndpointSlice addresses (they failed: "selects no pods")', () => {
    const s = app();
    const traffic = Traffic.of(s.app);
    traffic.expect(Target.of(s.web)).canReach(Target.of(s.payments), Port.tcp(443));
    traffic.expect(Target.of(s.worker)).cannotReach(Target.of(s.payments), Port.tcp(443));
    traffic.expect(Target.of(s.worker)).cannotReach(Target.of(s.payments));
    traffic.expect(Target.of(s.payments)).hasEndpoints();
    expect(() => s.app.synth()).not.toThrow();
  });

  test('a wrong expectation names the EndpointSlice address and the port it was checked on', () => {
    const s = app();
    Traffic.of(s.app).expect(Target.of(s.worker)).canReach(Target.of(s.payments), Port.tcp(443));
    expect(() => s.app.synth()).toThrow(/Service data\/payments-api port 443\/TCP -> EndpointSlice port 8443: shop\/worker\[Deployment\] -> 10\.20\.0\.5.*: denied/);
  });

  test('explain --to svc:data/payments-api gives a verdict per EndpointSlice address (it said "nothing to reach")', () => {
    const s = app();
    const c = captureIO(s.app.synthYaml());
    const code = runCli(['explain', '-', '--from', 'shop/web', '--to', 'svc:data/payments-api', '--port', '443'], c.io);
    expect(c.err()).toBe('');
    expect(code).toBe(0);
    const verdicts = c.out().split('\n').filter(l => !l.startsWith(' '));
    expect(verdicts).toEqual([
      expect.stringMatching(/^shop\/web\[Deployment\] => 10\.20\.0\.5.* \(via data\/payments-api\[Service\] port 443\/TCP -> EndpointSlice port 8443\) on TCP 8443: allowed$/),
      expect.stringMatching(/^shop\/web\[Deployment\] => 10\.20\.0\.6.* on TCP 8443: allowed$/),
      '',
    ]);
  });
});
