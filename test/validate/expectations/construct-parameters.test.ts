// Expectations read with the constructs a user already has (docs/validation.md "Expectations"):
// `traffic.expect(web).canReach(apiSvc, Port.HTTP)` is `Target.of` on each construct, and the
// Target forms keep working beside it.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Connections, NamespaceIsolation, Port, ReportFormat, Target, Traffic } from '../../../src';
import { addClusterDns } from '../../constructs/matrix-of';

function shop() {
  const app = new App({ outdir: 'cdk.out.test-never-written' });
  addClusterDns(app);
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  new NamespaceIsolation(chart, 'isolation');
  const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
  const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
  const db = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres', portNumber: 5432, securityContext: { ensureNonRoot: false } }] });
  const apiSvc = api.exposeViaService({ name: 'api', ports: [{ port: 80, targetPort: 8080 }] });
  const traffic = Traffic.of(app);
  traffic.configure({ audit: false });
  return { app, chart, web, api, db, apiSvc, traffic };
}

const outcomes = (t: Traffic) => JSON.parse(t.report(ReportFormat.JSON)).expectations.map((e: any) => [e.description, e.passed]);

test('constructs and their Target.of forms give the same expectations and outcomes', () => {
  const s = shop();
  Connections.of(s.web).allowTo(s.apiSvc, Port.HTTP);
  s.traffic.expect(s.web).canReach(s.apiSvc, Port.HTTP).cannotReach(s.db);
  s.traffic.expect(Target.of(s.web)).canReach(Target.of(s.apiSvc), Port.HTTP).cannotReach(Target.of(s.db));
  const [direct, viaTarget] = [outcomes(s.traffic).slice(0, 2), outcomes(s.traffic).slice(2)];
  expect(direct).toEqual(viaTarget);
  expect(direct.map(([, passed]: [string, boolean]) => passed)).toEqual([true, true]);
  expect(() => s.app.synthYaml()).not.toThrow();
});

test('a construct target that is not reachable fails synth with the Connections fix', () => {
  const s = shop();
  s.traffic.expect(s.api).canReach(s.db, Port.POSTGRES);
  expect(() => s.app.synthYaml()).toThrow(/fix: Connections\.of\(api\)\.allowTo\(db, Port\.tcp\(5432\)\)/);
});

test('Target forms for things that are no construct still work beside constructs', () => {
  const s = shop();
  s.traffic.expect(s.web).cannotReach(Target.outside(), Port.HTTPS).cannotReach(Target.namespace('kube-system'), Port.HTTP);
  expect(outcomes(s.traffic).map(([, passed]: [string, boolean]) => passed)).toEqual([true, true]);
});

test('a value that is neither a construct nor a Target (nor, for expect, a Request) is refused at the call, in one line naming the method', () => {
  const s = shop();
  expect(() => s.traffic.expect('web')).toThrow(/^Traffic: expect: expected a construct \(workload, Service or Namespace\), a Target or a Request, got string "web"$/);
  expect(() => s.traffic.expect(s.web).canReach(Port.HTTP, Port.HTTP)).toThrow(/^Traffic: expect\(.*\)\.canReach: expected a construct \(workload, Service or Namespace\) or a Target, got Port$/);
  expect(() => s.traffic.expect(s.apiSvc).hasLocalEndpointForEveryClient({})).toThrow(/\.hasLocalEndpointForEveryClient: expected a construct .* got Object$/);
});
