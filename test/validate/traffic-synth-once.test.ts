import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Port, Service, ServiceSelector, Target, Traffic } from '../../src';
import * as run from '../../src/validate/run';

function twoCharts(withTraffic: boolean) {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-once-')) });
  const workloads: kplus.Deployment[] = [];
  for (const ns of ['a', 'b']) {
    const chart = new Chart(app, ns, { namespace: ns, disableResourceNameHashes: true });
    const d = new kplus.Deployment(chart, 'web', {
      metadata: { name: 'web' },
      containers: [{ name: 'web', image: 'example', ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } }],
    });
    d.podMetadata.addLabel('app', 'web');
    new Service(chart, 'svc', { name: 'web', selector: ServiceSelector.workload(d), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
    workloads.push(d);
  }
  const traffic = withTraffic ? Traffic.of(app) : undefined;
  return { app, traffic, workloads };
}

function yamlOf(app: App): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(app.outdir).sort()) out[f] = fs.readFileSync(path.join(app.outdir, f), 'utf8');
  return out;
}

describe('Traffic validates once per synth', () => {
  afterEach(() => jest.restoreAllMocks());

  test('one validation run per app.synth(), although cdk8s validates again for each chart', () => {
    const spy = jest.spyOn(run, 'runValidation');
    const { app } = twoCharts(true);
    app.synth();
    expect(spy).toHaveBeenCalledTimes(1);
    app.synth();
    expect(spy).toHaveBeenCalledTimes(2);
    app.synthYaml();
    expect(spy).toHaveBeenCalledTimes(3);
  });

  test('the synthesized YAML is the same with and without the validator', () => {
    const plain = twoCharts(false);
    plain.app.synth();
    const validated = twoCharts(true);
    validated.app.synth();
    expect(yamlOf(validated.app)).toEqual(yamlOf(plain.app));
    expect(validated.app.synthYaml()).toEqual(plain.app.synthYaml());
  });

  test('a change after a synth shows in the next synth (no JSON kept across synths)', () => {
    const { app, workloads } = twoCharts(true);
    app.synth();
    workloads[0].podMetadata.addLabel('tier', 'front');
    app.synth();
    expect(fs.readFileSync(path.join(app.outdir, 'a.k8s.yaml'), 'utf8')).toContain('tier: front');
    expect(app.charts[0].toJson().find((o: any) => o.kind === 'Deployment').spec.template.metadata.labels.tier).toBe('front');
  });

  test('a failed expectation fails every synth and synthYaml', () => {
    const { app, traffic, workloads } = twoCharts(true);
    traffic!.expect(Target.of(workloads[0])).isIsolated();
    expect(() => app.synth()).toThrow(/expectation failed: Deployment a\/web is isolated/);
    expect(() => app.synth()).toThrow(/expectation failed/);
    expect(() => app.synthYaml()).toThrow(/expectation failed/);
  });

  test('an expectation that passes still lets synth write every chart', () => {
    const { app, traffic, workloads } = twoCharts(true);
    traffic!.expect(Target.of(workloads[0])).canReach(Target.of(workloads[1]), Port.tcp(8080));
    app.synth();
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['a.k8s.yaml', 'b.k8s.yaml']);
  });
});
