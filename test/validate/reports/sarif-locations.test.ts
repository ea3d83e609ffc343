// SARIF locations (SARIF 2.1.0 §3.28 location, §3.30 region, §3.19.2 tool.driver.version):
// a finding points at the file and line a person edits: the synthesized file and
// line at synth (construct path as logical location), the chart template of a
// helm `# Source:` comment, or the file read with the object's position.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ReportFormat, Service, ServiceSelector, Traffic } from '../../../src';
import { runCli } from '../../../src/cli/main';
import { outdirBase } from '../../../src/constructs/written-locations';
import { documentPositions } from '../../../src/model/field-position';
import { parseManifests } from '../../../src/model/manifest';
import { packageVersion } from '../../../src/model/version';
import { Finding } from '../../../src/validate/finding';
import { renderSarif } from '../../../src/validate/reports/sarif';
import { captureIO } from '../../helpers';

const sarifOf = (args: string[], stdin = '') => {
  const c = captureIO(stdin);
  runCli(['validate', ...args, '-o', 'sarif'], c.io);
  return JSON.parse(c.out());
};

test('tool.driver.version is the package version', () => {
  const log = sarifOf(['-'], 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
  expect(log.runs[0].tool.driver.version).toBe(packageVersion());
});

test('helm template output: the chart template of "# Source:" is the location, the rendered file a related location', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-'));
  const file = path.join(dir, 'rendered.yaml');
  fs.writeFileSync(file, [
    '---',
    '# Source: web/templates/service.yaml',
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: web, namespace: shop}',
    'spec: {selector: {app: nothing}, ports: [{port: 80}]}',
    '',
  ].join('\n'));
  expect(parseManifests(fs.readFileSync(file, 'utf8'), file)[0].source.origin).toBe('web/templates/service.yaml');
  const r = sarifOf([file]).runs[0].results.find((x: any) => x.ruleId === 'TRF-SVC-001');
  expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'web/templates/service.yaml' } });
  expect(r.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe(file.split(path.sep).map(encodeURIComponent).join('/'));
});

test('over files, a finding on a field has the field\'s line and column as region', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fields-'));
  const file = path.join(dir, 'svc.yaml');
  fs.writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports: [{port: 80}]\n  selector: {app: nothing}\n');
  const r = sarifOf([file]).runs[0].results.find((x: any) => x.ruleId === 'TRF-SVC-001');
  expect(r.locations[0].physicalLocation.region).toEqual({ startLine: 10, startColumn: 3 });
});

test('documentPositions: object start, nested keys and list items', () => {
  const [, doc] = documentPositions('a: 1\n---\nkind: X\nspec:\n  rules:\n  - name: a\n  - name: b\n    ports: [1]\n');
  expect(doc.start).toEqual({ line: 3, column: 1 });
  expect(doc.fieldAt('spec.rules[1]')).toEqual({ line: 7, column: 5 });
  expect(doc.fieldAt('spec.rules[1].ports')).toEqual({ line: 8, column: 5 });
  expect(doc.fieldAt('spec.missing')).toBeUndefined();
});

test('a source position from the reader becomes the region (start line and column)', () => {
  const finding: Finding = {
    ruleId: 'TRF-SVC-001',
    ruleName: 'service-selector-matches-no-pods',
    level: 'warning',
    message: 'm',
    fix: 'f',
    object: { kind: 'Service', namespace: 'shop', name: 'web', source: { file: 'a.yaml', index: 2, line: 14, column: 1 } },
  };
  const log = JSON.parse(renderSarif({ findings: [finding], expectations: [], rules: [] }));
  expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'a.yaml' }, region: { startLine: 14, startColumn: 1 } });
});

test('at synth: the synthesized file and line are the physical location, the construct path a logical one', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-synth-'));
  const app = new App({ outdir });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  new Service(chart, 'first', { name: 'first', selector: ServiceSelector.pods({ app: 'first' }), ports: [{ port: 80 }] });
  new Service(chart, 'web', { name: 'web', selector: ServiceSelector.pods({ app: 'nothing' }), ports: [{ port: 80 }] });
  Traffic.of(app).configure({ reports: [ReportFormat.SARIF] });
  app.synth();
  const yaml = fs.readFileSync(path.join(outdir, 'shop.k8s.yaml'), 'utf8').split('\n');
  // TRF-SVC-001 names spec.selector: the region is that key in the web Service's document.
  const webLine = yaml.findIndex(l => l === '  name: web');
  const selectorLine = yaml.findIndex((l, i) => i > webLine && l === '  selector:') + 1;
  const log = JSON.parse(fs.readFileSync(path.join(outdir, 'traffic-report.sarif'), 'utf8'));
  const r = log.runs[0].results.find((x: any) => x.ruleId === 'TRF-SVC-001' && x.locations[0].logicalLocations[0].name === 'web');
  // Relative to the output directory (base OUTDIR): the same bytes wherever the app writes.
  expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'shop.k8s.yaml', uriBaseId: 'OUTDIR' }, region: { startLine: selectorLine, startColumn: 3 } });
  expect(r.locations[0].logicalLocations).toContainEqual({ fullyQualifiedName: 'shop/web/Resource', kind: 'module' });
  // An outdir outside the working directory leaves OUTDIR unresolved.
  expect(log.runs[0].originalUriBaseIds).toBeUndefined();
});

test('an outdir under the working directory resolves OUTDIR (dist/)', () => {
  expect(outdirBase(path.join(process.cwd(), 'dist'))).toBe('dist/');
  expect(outdirBase(os.tmpdir())).toBeUndefined();
  const log = JSON.parse(renderSarif({ findings: [], expectations: [], rules: [] }, { outdir: 'dist/' }));
  expect(log.runs[0].originalUriBaseIds).toEqual({ OUTDIR: { uri: 'dist/' } });
});
