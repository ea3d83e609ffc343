// A StatefulSet's pods get stable DNS names only under its governing Service
// (Kubernetes docs, StatefulSet "Stable Network ID": spec.serviceName).
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Service, ServiceSelector, Traffic, ReportFormat } from '../../src';

function app() {
  const a = new App({ outdir: 'cdk.out.test-never-written' });
  const chart = new Chart(a, 'data', { namespace: 'data', disableResourceNameHashes: true });
  const postgres = new kplus.StatefulSet(chart, 'postgres', { containers: [{ image: 'postgres', portNumber: 5432 }] });
  const svc = new Service(chart, 'postgres-svc', { name: 'postgres', headless: true, selector: ServiceSelector.workload(postgres), ports: [{ port: 5432 }] });
  const traffic = Traffic.of(a);
  return { a, chart, postgres, svc, traffic };
}

const findings = (t: Traffic) => JSON.parse(t.report(ReportFormat.JSON)).findings.filter((f: any) => f.ruleId === 'TRF-SVC-007');

test('a headless Service that does not govern the StatefulSet it selects is a finding (TRF-SVC-007)', () => {
  const { postgres, traffic } = app();
  const governing = postgres.service.name;
  const f = findings(traffic);
  expect(f).toHaveLength(1);
  expect(f[0].object).toMatchObject({ kind: 'Service', name: 'postgres' });
  expect(f[0].message).toBe(`headless, selects the pods of StatefulSet data/${postgres.name}, whose governing Service is "${governing}" (spec.serviceName): `
    + `${postgres.name}-0.postgres.data.svc does not resolve; ${postgres.name}-0.${governing}.data.svc does`);
});

test('governStatefulSet makes it the governing Service: spec.serviceName, no second headless Service, no finding', () => {
  const { a, chart, postgres, svc, traffic } = app();
  svc.governStatefulSet(postgres);
  const objects = Testing.synth(chart);
  const sts = objects.find(o => o.kind === 'StatefulSet');
  expect(sts.spec.serviceName).toBe('postgres');
  expect(objects.filter(o => o.kind === 'Service').map(o => o.metadata.name)).toEqual(['postgres']);
  expect(findings(traffic)).toEqual([]);
  expect(svc.podDnsName(`${postgres.name}-0`)).toBe(`${postgres.name}-0.postgres.data.svc.cluster.local`);
  // The cluster DNS records the engine computes now include that name.
  expect(svc.dnsRecords().map(r => r.name)).toContain(`${postgres.name}-0.postgres.data.svc.cluster.local`);
  a.synthYaml();
});

test('governStatefulSet needs a headless Service and a StatefulSet', () => {
  const { chart, postgres } = app();
  const plain = new Service(chart, 'plain', { selector: ServiceSelector.workload(postgres), ports: [{ port: 5432 }] });
  expect(() => plain.governStatefulSet(postgres)).toThrow('data/plain: governStatefulSet: the governing Service of a StatefulSet must be headless');
  const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web', portNumber: 80 }] });
  const headless = new Service(chart, 'h', { headless: true, ports: [{ port: 80 }] });
  expect(() => headless.governStatefulSet(web)).toThrow('data/h: governStatefulSet: data/web is not a StatefulSet');
});
