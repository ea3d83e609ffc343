import * as vm from 'vm';
import { audit } from '../../../src/validate/audit';
import { buildTrafficGraph } from '../../../src/validate/graph/build';
import { AUDIT_RULES } from '../../../src/validate/packs/audit';
import { ValidationReport } from '../../../src/validate/report';
import { renderHtml } from '../../../src/validate/reports/html';
import { CLIENT_SCRIPT } from '../../../src/validate/reports/html/client';
import { clusterOf } from '../../helpers';
import { ENTRY_YAML } from '../graph/fixtures';

// docs/validation.md "The HTML report". The browser side is checked by `npm run test:browser`.
describe('HTML report', () => {
  const cluster = clusterOf(ENTRY_YAML);
  const report: ValidationReport = {
    findings: audit(cluster, { rules: AUDIT_RULES }),
    expectations: [
      { description: 'Deployment shop/web can reach Deployment shop/api on TCP 9000', passed: true, details: [], reasons: ['shop/web[Deployment] -> shop/api[Deployment]: verdict: allowed'] },
      { description: 'Deployment shop/api cannot reach Deployment shop/web', passed: false, details: ['shop/api[Deployment] -> shop/web[Deployment]: allowed All Connections'] },
    ],
    rules: AUDIT_RULES,
  };
  const graph = buildTrafficGraph(cluster);
  const html = renderHtml(report, graph);

  test('self-contained: every script and style inline, nothing to fetch, and a policy that forbids fetching', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\burl\(\s*['"]?(https?:)?\/\//i);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    expect(html).toContain('/* cytoscape ');
    expect(html).toContain('/* elkjs ');
  });

  test('the same input gives byte-identical HTML', () => {
    expect(renderHtml(report, buildTrafficGraph(clusterOf(ENTRY_YAML)))).toBe(html);
  });

  test('embeds the graph and the active findings as JSON that no string can break out of', () => {
    const m = /<script type="application\/json" id="traffic-data">(.*?)<\/script>/s.exec(html)!;
    const data = JSON.parse(m[1]);
    expect(data.graph).toEqual(JSON.parse(JSON.stringify(graph)));
    expect(data.findings.length).toBe(report.findings.filter(f => !f.suppressed).length);
    const hostile = renderHtml(report, { ...graph, nodes: [...graph.nodes, { ...graph.nodes[0], id: '</script><script>alert(1)</script>' }] });
    expect(hostile).not.toContain('</script><script>alert(1)');
  });

  test('summary, findings (with rule filter options, fix and location) and expectations (with reasons) are plain HTML', () => {
    expect(html).toContain('<div class="stat" data-stat="workloads"><b>2</b>workloads</div>');
    expect(html).toContain('<div class="stat pass" data-stat="expectations passed"><b>1</b>expectations passed</div>');
    expect(html).toContain('<div class="stat fail" data-stat="expectations failed"><b>1</b>expectations failed</div>');
    const rows = html.match(/<tr data-level="/g) ?? [];
    expect(rows.length).toBe(report.findings.filter(f => !f.suppressed).length);
    const first = report.findings[0];
    expect(html).toContain(`<option value="${first.ruleId}">${first.ruleId}</option>`);
    expect(html).toContain(`<td class="mono">test.yaml#${first.object.source!.index}`);
    expect(html).toContain('<tr data-passed="true"><td class="pass">pass</td><td>Deployment shop/web can reach Deployment shop/api on TCP 9000');
    expect(html).toContain('<li>shop/web[Deployment] -&gt; shop/api[Deployment]: verdict: allowed</li>');
    expect(html).toContain('<li>shop/api[Deployment] -&gt; shop/web[Deployment]: allowed All Connections</li>');
  });

  test('large graphs get the button that folds every namespace again', () => {
    expect(html).not.toContain('id="graph-fold"');
    expect(renderHtml(report, { ...graph, aggregated: true })).toContain('id="graph-fold"');
  });

  test("the page's own script is valid JavaScript", () => {
    expect(() => new vm.Script(CLIENT_SCRIPT)).not.toThrow();
  });
});
