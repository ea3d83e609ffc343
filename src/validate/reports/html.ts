/**
 * The HTML report: one self-contained file (styles, data, the graph libraries
 * and the page's script inlined; nothing fetched when it is opened). The
 * summary, findings and expectations are plain HTML; the graph and the
 * per-object pages are drawn by the page's script from the embedded JSON.
 * A pure function of the report and the graph: same input, same bytes.
 */
import { formatLocation, formatObject, LEVELS } from '../finding';
import { CLIENT_SCRIPT } from './html/client';
import { graphLibraries } from './html/libraries';
import { REPORT_CSS } from './html/style';
import { compare as cmp } from '../../model/compare';
import { TrafficGraph } from '../graph/types';
import { summarize, ValidationReport } from '../report';

export interface HtmlReportOptions {
  /** Page title. @default 'Traffic report' */
  readonly title?: string;
}

export function renderHtml(report: ValidationReport, graph: TrafficGraph, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'Traffic report';
  const s = summarize(report);
  const c = graph.counts;
  const data = {
    graph,
    findings: report.findings.filter(f => !f.suppressed).map(f => ({
      object: formatObject(f.object), level: f.level, ruleId: f.ruleId, message: f.message, fix: f.fix,
    })),
  };
  const stat = (value: number, label: string, cls = '') => `<div class="stat${cls ? ` ${cls}` : ''}" data-stat="${esc(label)}"><b>${value}</b>${esc(label)}</div>`;
  const libraries = graphLibraries();
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: inline styles and scripts only.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; worker-src blob:; img-src data:">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(title)}</h1><nav><a href="#summary">Summary</a><a href="#graph-section">Graph</a><a href="#findings-section">Findings</a><a href="#expectations-section">Expectations</a></nav>`,
    '<label>Object <input id="object-search" list="object-ids" placeholder="ns/name[Kind]" size="32"></label></header>',
    '<main>',
    '<div id="main-view">',
    '<section id="summary"><h2>Summary</h2><div class="summary">',
    stat(c.objects, 'objects'), stat(c.workloads, 'workloads'), stat(c.namespaces, 'namespaces'), stat(c.services, 'Services'),
    stat(c.networkPolicies, 'NetworkPolicies'), stat(c.connections, 'connections'),
    stat(s.errors, 'errors', 'error'), stat(s.warnings, 'warnings', 'warning'), stat(s.info, 'info', 'info'), stat(s.suppressed, 'suppressed'),
    stat(s.expectationsPassed, 'expectations passed', 'pass'), stat(s.expectationsFailed, 'expectations failed', s.expectationsFailed ? 'fail' : ''),
    '</div></section>',
    '<section id="graph-section"><h2>Traffic graph</h2>',
    '<div class="toolbar"><button id="graph-fit" type="button">Fit</button>',
    graph.aggregated ? '<button id="graph-fold" type="button">Fold all namespaces</button>' : '',
    '<span class="legend"><span><i></i>allowed connection (pod ports)</span><span><i class="endpoints"></i>Service endpoints</span>'
      + '<span><i class="entry"></i>way in: outside → Gateway/Ingress → route → Service → pods</span>'
      + '<span><i class="blocked"></i>way in closed by NetworkPolicy (controller → pods)</span></span></div>',
    '<div id="graph" role="img" aria-label="traffic graph"></div>',
    '<p id="graph-status" class="muted">The graph needs JavaScript.</p>',
    '</section>',
    findingsSection(report),
    expectationsSection(report),
    '</div>',
    '<div id="object-view" hidden></div>',
    '</main>',
    `<datalist id="object-ids">${graph.nodes.map(n => `<option value="${esc(n.id)}">`).join('')}</datalist>`,
    // `<` escaped so that no string in the data can close the script element.
    `<script type="application/json" id="traffic-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
    ...libraries.map(l => (l.worker
      ? `<script type="text/plain" id="${l.worker}">/* ${esc(l.name)} (${l.license}) */\n${l.source}\n</script>`
      : `<script>/* ${esc(l.name)} (${l.license}) */\n${l.source}\n</script>`)),
    `<script>${CLIENT_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ];
  return out.filter(Boolean).join('\n') + '\n';
}

function findingsSection(report: ValidationReport): string {
  const active = report.findings.filter(f => !f.suppressed);
  const rules = [...new Set(active.map(f => f.ruleId))].sort(cmp);
  const rows = active.map(f => {
    const where = [formatLocation(f.object), f.field].filter(Boolean).join(' ');
    return `<tr data-level="${f.level}" data-rule="${esc(f.ruleId)}"><td class="level-${f.level}">${f.level}</td>`
      + `<td><span title="${esc(f.ruleName)}">${esc(f.ruleId)}</span></td><td>${esc(formatObject(f.object))}</td>`
      + `<td class="mono">${esc(where)}</td><td>${esc(f.message)}</td><td>${esc(f.fix)}</td></tr>`;
  });
  const suppressed = report.findings.length - active.length;
  return [
    '<section id="findings-section"><h2>Findings</h2>',
    '<div class="filters">',
    `<label>Level <select id="filter-level"><option value="">all</option>${LEVELS.map(l => `<option value="${l}">${l}</option>`).join('')}</select></label>`,
    `<label>Rule <select id="filter-rule"><option value="">all</option>${rules.map(r => `<option value="${esc(r)}">${esc(r)}</option>`).join('')}</select></label>`,
    `<span class="muted"><span id="findings-shown">${active.length}</span> of ${active.length} shown${suppressed ? `; ${suppressed} suppressed (see the text or JSON report)` : ''}</span>`,
    '</div>',
    active.length
      ? `<table id="findings"><thead><tr><th>Level</th><th>Rule</th><th>Object</th><th>Location</th><th>Message</th><th>Fix</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
      : '<p class="muted" id="findings">No findings.</p>',
    '</section>',
  ].join('\n');
}

function expectationsSection(report: ValidationReport): string {
  const rows = report.expectations.map(e => `<tr data-passed="${e.passed}"><td class="${e.passed ? 'pass' : 'fail'}">${e.passed ? 'pass' : 'FAIL'}</td>`
    + `<td>${esc(e.description)}${e.declaredAt ? ` <span class="muted">(${esc(e.declaredAt)})</span>` : ''}</td>`
    + `<td><ul class="reasons">${(e.passed ? e.reasons ?? [] : e.details).map(d => `<li>${esc(d)}</li>`).join('')}</ul></td></tr>`);
  return [
    '<section id="expectations-section"><h2>Expectations</h2>',
    report.expectations.length
      ? `<table id="expectations"><thead><tr><th>Result</th><th>Expectation</th><th>Reasons</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
      : '<p class="muted" id="expectations">No expectations declared (declare them with <code>Traffic.of(app).expect(...)</code>).</p>',
    '</section>',
  ].join('\n');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
