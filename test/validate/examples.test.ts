import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { buildExpectations } from '../../examples/typescript/expectations/main';
import { Port, Target, Traffic } from '../../src';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'expectations-'));

function child(app: App, ...ids: string[]) {
  let c = app.node.findChild(ids[0]);
  for (const id of ids.slice(1)) c = c.node.findChild(id);
  return c;
}

describe('expectations example', () => {
  test('every expectation holds; YAML and reports are written and deterministic', () => {
    const [a, b] = [tmp(), tmp()];
    buildExpectations(a).synth();
    buildExpectations(b).synth();
    const files = fs.readdirSync(a).sort();
    expect(files).toEqual(['shop.k8s.yaml', 'traffic-graph.mmd', 'traffic-netassert.yaml', 'traffic-report.json', 'traffic-report.md', 'traffic-report.sarif']);
    for (const f of files) expect(fs.readFileSync(path.join(b, f), 'utf8')).toBe(fs.readFileSync(path.join(a, f), 'utf8'));
    const report = JSON.parse(fs.readFileSync(path.join(a, 'traffic-report.json'), 'utf8'));
    expect(report.summary).toEqual({ errors: 0, warnings: 0, info: 0, suppressed: 1, expectationsPassed: 11, expectationsFailed: 0 });
    expect(report.expectations.map((e: any) => e.description)).toEqual(expect.arrayContaining([
      'Service shop/api keeps traffic from zone zone-a in zone zone-a',
      'Service shop/api leaves no node running Deployment shop/web without endpoints',
    ]));
    expect(report.findings.map((f: any) => [f.ruleId, f.object.constructPath, f.suppressed.reason])).toEqual([
      ['TRF-SVC-004', 'shop/status-svc/Resource', 'the status page is public by design; the cloud firewall filters abusive clients'],
    ]);
    expect(fs.readFileSync(path.join(a, 'traffic-report.md'), 'utf8')).toMatchSnapshot();
  });

  test('a deliberately wrong expectation fails synth with the engine explanation', () => {
    const app = buildExpectations(tmp());
    const web = child(app, 'shop', 'web');
    const db = child(app, 'shop', 'db');
    Traffic.of(app).expect(Target.of(web)).canReach(Target.of(db), Port.POSTGRES);
    expect(() => app.synth()).toThrow([
      'Validation failed with the following errors:',
      '  [Traffic] expectation failed: Deployment shop/web can reach Deployment shop/db on TCP 5432',
      '    shop/web[Deployment] -> shop/db[Deployment]: denied',
      '      egress: shop/web[Deployment] is isolated for egress by shop/allow-dns, shop/default-deny, shop/web-connections',
      '      egress: no egress rule of the isolating policies matches shop/db[Deployment]',
      '      ingress: shop/db[Deployment] is isolated for ingress by shop/db-connections, shop/default-deny',
      '      ingress: no ingress rule of the isolating policies matches shop/web[Deployment]',
      '      verdict: denied by egress of shop/web[Deployment] and ingress of shop/db[Deployment]',
    ].join('\n'));
  });

  test('without Traffic the same app synthesizes the same YAML', () => {
    const [a, b] = [tmp(), tmp()];
    buildExpectations(a).synth();
    buildExpectations(b, false).synth();
    expect(fs.readdirSync(b)).toEqual(['shop.k8s.yaml']);
    expect(fs.readFileSync(path.join(b, 'shop.k8s.yaml'), 'utf8')).toBe(fs.readFileSync(path.join(a, 'shop.k8s.yaml'), 'utf8'));
  });
});
