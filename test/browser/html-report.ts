/// <reference lib="dom" />
// The page functions passed to page.evaluate run in the browser.
/**
 * `npm run test:browser`: the zero-trust example's HTML report (written by
 * `Traffic` at synth, with two expectations) opened in headless Chromium.
 * Checks through the page that the summary, the graph's nodes and edges, the
 * findings (and their filter) and the expectations are rendered, that nothing
 * is fetched, and that clicking a workload opens its page; saves the
 * screenshots the docs show (docs/img/zero-trust-report.png, zero-trust-report-object.png)
 * only with `--update-screenshots` (fonts differ between machines), else under test-reports/.
 * Not part of `npm test`, which stays Node-only.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { buildZeroTrust } from '../../examples/typescript/zero-trust/main';
import { Port, ReportFormat, Target, Traffic } from '../../src';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = process.argv.includes('--update-screenshots') ? path.join(ROOT, 'docs', 'img') : path.join(ROOT, 'test-reports', 'browser');
fs.mkdirSync(SHOTS, { recursive: true });
const SCREENSHOT = path.join(SHOTS, 'zero-trust-report.png');
const OBJECT_SCREENSHOT = path.join(SHOTS, 'zero-trust-report-object.png');

interface GraphState {
  readonly nodes: Record<string, { kind: string; inView: boolean }>;
  readonly edges: Array<{ from: string; to: string; label: string; classes: string }>;
}

/** Clicks the middle of a graph node, as a user would. */
async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate(nodeId => {
    const p = (window as any).trafficGraph.getElementById(nodeId).renderedPosition();
    const r = document.getElementById('graph')!.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
  await page.mouse.click(at.x, at.y);
}

/** Synthesizes the example with the HTML report and two expectations; returns the report's path and the JSON report. */
function synthReport(): { file: string; json: any } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zero-trust-report-'));
  const app = buildZeroTrust(outdir);
  const construct = (chart: string, id: string) => app.node.findChild(chart).node.findChild(id);
  const traffic = Traffic.of(app);
  traffic.configure({ reports: [ReportFormat.HTML, ReportFormat.JSON] });
  traffic.expect(Target.of(construct('storefront', 'web'))).canReach(Target.service(construct('backend', 'api-svc')), Port.named('http'));
  traffic.expect(Target.of(construct('storefront', 'web'))).cannotReach(Target.of(construct('data', 'redis')));
  app.synth();
  return {
    file: path.join(outdir, 'traffic-report.html'),
    json: JSON.parse(fs.readFileSync(path.join(outdir, 'traffic-report.json'), 'utf8')),
  };
}

async function main(): Promise<number> {
  const { file, json } = synthReport();
  const browser = await launchChromium();
  const results: Array<[string, Error | undefined]> = [];
  const check = async (name: string, fn: () => Promise<void> | void) => {
    try {
      await fn();
      results.push([name, undefined]);
      console.log(`ok      ${name}`);
    } catch (e) {
      results.push([name, e as Error]);
      console.log(`FAILED  ${name}\n        ${(e as Error).message.split('\n').join('\n        ')}`);
    }
  };
  try {
    const page = await browser.context.newPage();
    const fetched: string[] = [];
    const problems: string[] = [];
    const url = `file://${file}`;
    // blob: is the layout worker's source, made in memory from the page.
    page.on('request', r => { if (r.url() !== url && !r.url().startsWith('blob:')) fetched.push(r.url()); });
    page.on('pageerror', e => problems.push(`page error: ${e.message}`));
    page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    await page.goto(url);
    await page.waitForSelector('body[data-graph="ready"], body[data-graph="failed"]', { timeout: 60_000 });

    await check('the graph is laid out in a worker, with no script error and nothing fetched', async () => {
      assert.strictEqual(await page.getAttribute('body', 'data-graph'), 'ready', await page.textContent('#graph-status') ?? '');
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(fetched, []);
      // The layout ran in a Web Worker: the page kept answering meanwhile.
      assert.strictEqual(await page.evaluate(() => (window as any).trafficLayoutIn), 'worker');
    });

    await check('summary: objects, workloads, namespaces, findings by level, expectations', async () => {
      const stat = async (label: string) => Number(await page.textContent(`.stat[data-stat="${label}"] b`));
      assert.strictEqual(await stat('workloads'), 5);
      assert.strictEqual(await stat('namespaces'), 4);
      assert.strictEqual(await stat('warnings'), json.summary.warnings);
      assert.strictEqual(await stat('info'), json.summary.info);
      assert.strictEqual(await stat('errors'), 0);
      assert.strictEqual(await stat('expectations passed'), 2);
      assert.strictEqual(await stat('expectations failed'), 0);
    });

    const graph = await page.evaluate((): GraphState => {
      const cy = (window as any).trafficGraph;
      const ext = cy.extent();
      const nodes: GraphState['nodes'] = {};
      cy.nodes().forEach((n: any) => {
        const b = n.boundingBox();
        nodes[n.id()] = { kind: n.data('kind'), inView: b.x1 >= ext.x1 && b.x2 <= ext.x2 && b.y1 >= ext.y1 && b.y2 <= ext.y2 };
      });
      const edges = cy.edges().map((e: any) => ({ from: e.source().id(), to: e.target().id(), label: e.data('label'), classes: e.classes().join(' ') }));
      return { nodes, edges };
    });

    await check('graph nodes: namespaces as groups; workloads, Services and merged address ranges, all in view', () => {
      const expected: Record<string, string> = {
        'namespace backend': 'group',
        'namespace data': 'group',
        'namespace monitoring': 'group',
        'namespace storefront': 'group',
        'backend/api[Deployment]': 'workload',
        'backend/worker[Deployment]': 'workload',
        'data/redis[StatefulSet]': 'workload',
        'monitoring/prometheus[Deployment]': 'workload',
        'storefront/web[Deployment]': 'workload',
        'Service backend/api': 'service',
        'Service data/postgres': 'service',
        'Service data/redis-headless': 'service',
        'Service storefront/web': 'service',
        // The two Postgres addresses are one node: the same clients reach them on the same port.
        'external 0.0.0.0/0': 'external',
        'external 10.20.0.10/31': 'external',
        'external 203.0.113.0/24': 'external',
      };
      assert.deepStrictEqual(Object.fromEntries(Object.entries(graph.nodes).map(([id, n]) => [id, n.kind])), expected);
      assert.deepStrictEqual(Object.entries(graph.nodes).filter(([, n]) => !n.inView).map(([id]) => id), []);
    });

    await check('graph edges: allowed connections with pod ports, the way in highlighted', () => {
      const has = (from: string, to: string, label: string, classes: string) =>
        assert.ok(graph.edges.some(e => e.from === from && e.to === to && e.label === label && e.classes === classes),
          `no edge ${from} -> ${to} "${label}" (${classes}) among\n${graph.edges.map(e => `${e.from} -> ${e.to} "${e.label}" (${e.classes})`).join('\n')}`);
      has('storefront/web[Deployment]', 'backend/api[Deployment]', 'TCP 8080', 'connection');
      has('backend/api[Deployment]', 'data/redis[StatefulSet]', 'TCP 6379', 'connection');
      has('backend/api[Deployment]', 'external 203.0.113.0/24', 'TCP 443', 'connection');
      has('monitoring/prometheus[Deployment]', 'backend/api[Deployment]', 'TCP 9090', 'connection');
      has('Service data/postgres', 'external 10.20.0.10/31', 'TCP 5432', 'endpoints');
      has('external 0.0.0.0/0', 'Service storefront/web', 'TCP 443', 'entry way-in');
      has('Service storefront/web', 'storefront/web[Deployment]', 'TCP 443→8443', 'endpoints way-in');
      assert.strictEqual(graph.edges.length, 13);
    });

    await check('findings table: every finding with its fix and location; the level filter works', async () => {
      const active = json.findings.filter((f: any) => !f.suppressed);
      const rows = await page.$$eval('#findings tbody tr', trs => trs.map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.textContent ?? '')));
      assert.strictEqual(rows.length, active.length);
      active.forEach((f: any, i: number) => {
        assert.deepStrictEqual([rows[i][0], rows[i][1], rows[i][5]], [f.level, f.ruleId, f.fix]);
        assert.ok(rows[i][3].includes(f.object.constructPath ?? `${f.object.file}#${f.object.document}`), rows[i][3]);
      });
      await page.selectOption('#filter-level', 'info');
      const shown = await page.$$eval('#findings tbody tr', trs => trs.filter(tr => !(tr as HTMLElement).hidden).length);
      assert.strictEqual(shown, json.summary.info);
      await page.selectOption('#filter-level', '');
    });

    await check('expectations with their reasons', async () => {
      const rows = await page.$$eval('#expectations tbody tr', trs => trs.map(tr => ({
        result: tr.querySelector('td')?.textContent, text: tr.querySelectorAll('td')[1].textContent ?? '', reasons: tr.querySelectorAll('li').length,
      })));
      assert.deepStrictEqual(rows.map(r => r.result), ['pass', 'pass']);
      assert.ok(rows[0].text.startsWith('Deployment storefront/web can reach Service backend/api'), rows[0].text);
      assert.ok(rows[1].text.startsWith('Deployment storefront/web cannot reach StatefulSet data/redis'), rows[1].text);
      assert.deepStrictEqual(rows.map(r => r.reasons > 0), [true, true]);
    });

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator('#graph-section').scrollIntoViewIfNeeded();
    await page.screenshot({
      path: SCREENSHOT,
      clip: await page.locator('#summary, #graph-section').evaluateAll(els => {
        const r = els.map(e => e.getBoundingClientRect());
        const top = Math.min(...r.map(x => x.top + window.scrollY)) - 8;
        const bottom = Math.max(...r.map(x => x.bottom + window.scrollY)) + 8;
        return { x: 0, y: top, width: document.documentElement.clientWidth, height: bottom - top };
      }),
    });

    await check('clicking a workload opens its page: who reaches it, what it reaches, on which ports, and why', async () => {
      await clickNode(page, 'storefront/web[Deployment]');
      await page.waitForSelector('#object-view:not([hidden])', { timeout: 10_000 });
      assert.strictEqual(decodeURIComponent(new URL(page.url()).hash), '#object/storefront/web[Deployment]');
      assert.strictEqual(await page.isHidden('#main-view'), true);
      assert.strictEqual(await page.textContent('#object-view h2'), 'Deployment storefront/web');
      const table = (title: string) => page.$$eval('#object-view section', (secs, t) => {
        const sec = secs.find(s => (s.querySelector('h3')?.textContent ?? '').startsWith(t));
        return sec ? Array.from(sec.querySelectorAll('tbody tr')).map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.textContent ?? '')) : [];
      }, title);
      const reachedBy = await table('Reached by');
      assert.deepStrictEqual(reachedBy.map(r => [r[0], r[1], r[2]]), [
        ['Service storefront/web', 'TCP 443→8443', 'endpoints (way in)'],
        ['0.0.0.0/0', 'TCP 8443', 'connection'],
      ]);
      const reaches = await table('Reaches');
      assert.deepStrictEqual(reaches.map(r => [r[0], r[1], r[2]]), [['backend/api[Deployment]', 'TCP 8080', 'connection']]);
      // Open the reasons of web -> api (the only row of "Reaches") and read what is shown.
      await page.locator('#object-view section', { hasText: 'Reaches (1)' }).locator('details summary').click();
      const why = await page.$$eval('#object-view details[open] li', lis => lis.map(li => (li as HTMLElement).innerText));
      assert.ok(why.some(w => /^egress: allowed by storefront\/\S+ egress rule \d+/.test(w)), why.join('\n'));
      assert.ok(why.some(w => /^ingress: allowed by backend\/\S+ ingress rule \d+/.test(w)), why.join('\n'));
      assert.ok(why.includes('verdict: allowed: TCP 8080 from storefront/web[Deployment] to backend/api[Deployment]'), why.join('\n'));
      await page.screenshot({ path: OBJECT_SCREENSHOT, fullPage: true });
    });

    await check('the back link returns to the report with the graph drawn', async () => {
      await page.click('#object-view a.back');
      await page.waitForSelector('#main-view:not([hidden])');
      assert.strictEqual(await page.isHidden('#object-view'), true);
    });

    await check('an aggregated graph shows the namespace nodes the graph carries; a click unfolds one, a tap on its box folds it again', async () => {
      // The same page with the graph marked aggregated, as above AGGREGATE_ABOVE_WORKLOADS workloads.
      const html = fs.readFileSync(file, 'utf8');
      assert.strictEqual(html.split('"aggregated":false').length, 2);
      const aggregatedFile = file.replace(/\.html$/, '-aggregated.html');
      fs.writeFileSync(aggregatedFile, html.replace('"aggregated":false', '"aggregated":true'));
      const folded = await browser.context.newPage();
      await folded.goto(`file://${aggregatedFile}`);
      await folded.waitForSelector('body[data-graph="ready"]', { timeout: 60_000 });
      const expected = JSON.parse(/<script type="application\/json" id="traffic-data">(.*?)<\/script>/s.exec(html)![1]).graph.namespaceNodes
        .map((n: any) => [n.id, `${n.label}\n${n.detail}`]);
      const shown = (): Promise<string[][]> => folded.evaluate(() => (window as any).trafficGraph.nodes()
        .filter((n: any) => n.data('kind') === 'namespace' || n.data('kind') === 'group')
        .map((n: any) => [n.id(), n.data('kind'), n.data('display')]));
      assert.deepStrictEqual(await shown(), expected.map(([id, display]: string[]) => [id, 'namespace', display]));
      await clickNode(folded, 'namespace backend');
      await folded.waitForSelector('body[data-graph="ready"]', { timeout: 60_000 });
      const unfolded = await shown();
      assert.deepStrictEqual(unfolded.find(n => n[0] === 'namespace backend')?.[1], 'group');
      assert.strictEqual(await folded.evaluate(() => (window as any).trafficGraph.getElementById('backend/api[Deployment]').parent().id()), 'namespace backend');
      // A tap on the unfolded namespace's box folds it again (its centre may lie on a child, so the tap is sent to the box).
      await folded.evaluate(() => (window as any).trafficGraph.getElementById('namespace backend').emit('tap'));
      await folded.waitForSelector('body[data-graph="ready"]', { timeout: 60_000 });
      assert.deepStrictEqual((await shown()).map(n => n[1]), expected.map(() => 'namespace'));
      await folded.close();
    });
  } finally {
    await browser.close();
  }
  const failed = results.filter(([, e]) => e).length;
  writeJunit(results);
  console.log(`screenshots: ${path.relative(ROOT, SCREENSHOT)}, ${path.relative(ROOT, OBJECT_SCREENSHOT)}`);
  console.log(`browser: ${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

/** JUnit XML beside jest's (test-reports/), for the closing line of .ci/run. */
function writeJunit(results: ReadonlyArray<[string, Error | undefined]>): void {
  const x = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const failed = results.filter(([, e]) => e).length;
  const cases = results.map(([name, e]) => (e
    ? `    <testcase name="${x(name)}"><failure message="${x(e.message)}"/></testcase>`
    : `    <testcase name="${x(name)}"/>`));
  fs.mkdirSync(path.join(ROOT, 'test-reports'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-reports', 'browser-junit.xml'), [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="browser" tests="${results.length}" failures="${failed}" errors="0">`,
    `  <testsuite name="HTML report in headless Chromium" tests="${results.length}" failures="${failed}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n'));
}

main().then(code => { process.exitCode = code; }, e => {
  console.error(`browser test could not run: ${(e as Error).message}`);
  process.exitCode = 1;
});
