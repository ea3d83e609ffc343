// Audit warnings are not silent at synth (docs/validation.md "At synth"): a synth
// that passes with warnings prints one line with the counts and rule ids.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { NamespaceIsolation, Traffic } from '../../src';

function synthStderr(build: (chart: Chart) => void): string[] {
  const app = new App({ outdir: 'cdk.out.test-never-written' });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  build(chart);
  Traffic.of(app);
  const lines: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((t: string | Uint8Array) => {
    lines.push(String(t));
    return true;
  });
  try {
    app.synthYaml();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

test('one line with counts and rule ids when synth passes with warnings', () => {
  const lines = synthStderr(chart => {
    new kplus.Deployment(chart, 'web', { containers: [{ image: 'web', portNumber: 8080 }] });
    new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', portNumber: 8080 }] });
  });
  expect(lines).toEqual(['cdk8s-traffic: 1 warning (TRF-NP-001)\n']);
});

test('nothing when no warning remains', () => {
  expect(synthStderr(chart => {
    new NamespaceIsolation(chart, 'isolation');
    new kplus.Deployment(chart, 'web', { containers: [{ image: 'web', portNumber: 8080 }] });
  })).toEqual([]);
});
