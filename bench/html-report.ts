/// <reference lib="dom" />
// The page functions passed to page.evaluate run in the browser.
/**
 * `npm run bench:html`: size of the HTML report and how it behaves in
 * headless Chromium, for the zero-trust example and the 5,000-workload bench
 * cluster (aggregated view). Writes bench/html-report.md. Needs /usr/bin/chromium
 * (apt-get install chromium). Figures, not pass/fail: the browser test
 * (`npm run test:browser`) checks what is rendered.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateCluster, SIZES, toYaml } from './generate';
import { buildZeroTrust } from '../examples/typescript/zero-trust/main';
import { runCli } from '../src/cli/main';
import { launchChromium } from '../test/browser/chromium';

const OUT = path.join(__dirname, 'out', 'html');
const RESULTS = path.join(__dirname, 'html-report.md');

interface Measured {
  readonly name: string;
  readonly workloads: number;
  readonly bytes: number;
  readonly dataBytes: number;
  readonly renderMs: number;
  readonly readyMs: number;
  readonly firstDraw: { lastDrawMs: number; nodes: number; edges: number };
  readonly unfold?: { ms: number; lastDrawMs: number; nodes: number; edges: number; namespace: string; answerMs: number; answeredWhile: string };
  readonly filterMs: number;
  readonly objectPageMs: number;
}

function validateHtml(input: string, file: string): number {
  let out = '';
  const started = process.hrtime.bigint();
  const code = runCli(['validate', '-f', 'html', input], { stdout: t => { out += t; }, stderr: t => process.stderr.write(t), readStdin: () => '' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (code === 2) throw new Error(`validate failed on ${input}`);
  fs.writeFileSync(file, out);
  return ms;
}

async function measure(name: string, workloads: number, file: string, renderMs: number): Promise<Measured> {
  const html = fs.readFileSync(file, 'utf8');
  const data = /<script type="application\/json" id="traffic-data">(.*?)<\/script>/s.exec(html)![1];
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const started = Date.now();
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-graph="ready"]', { timeout: 300_000 });
    const readyMs = Date.now() - started;
    const firstDraw = await page.evaluate(() => (window as any).trafficTimings);
    let unfold: Measured['unfold'];
    const folded = await page.evaluate(() => (window as any).trafficGraph.nodes('.namespace').map((n: any) => n.id()).sort()[0] as string | undefined);
    if (folded) {
      await page.locator('#graph').scrollIntoViewIfNeeded();
      const at = await page.evaluate(id => {
        const p = (window as any).trafficGraph.getElementById(id).renderedPosition();
        const r = document.getElementById('graph')!.getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      }, folded);
      const t = Date.now();
      await page.mouse.click(at.x, at.y);
      // Does the page answer while the unfolded view is laid out? (A script round trip, timed.)
      const probe = Date.now();
      const answeredWhile = await page.evaluate(() => document.body.dataset.graph ?? '');
      const answerMs = Date.now() - probe;
      await page.waitForFunction(() => (window as any).trafficTimings.draws === 2 && document.body.dataset.graph === 'ready', null, { timeout: 300_000 });
      const after = await page.evaluate(() => (window as any).trafficTimings);
      unfold = {
        ms: Date.now() - t, lastDrawMs: after.lastDrawMs, nodes: after.nodes, edges: after.edges, namespace: folded.replace(/^namespace /, ''), answerMs, answeredWhile,
      };
    }
    // Responsiveness: the findings filter (every row re-checked) and opening an object's page.
    let t = Date.now();
    await page.selectOption('#filter-level', 'warning');
    await page.evaluate(() => new Promise(r => requestAnimationFrame(() => r(null))));
    const filterMs = Date.now() - t;
    const firstWorkload = await page.evaluate(() => (window as any).trafficGraph.nodes('.workload').map((n: any) => n.id()).sort()[0] as string);
    t = Date.now();
    await page.evaluate(id => { location.hash = '#object/' + encodeURIComponent(id); }, firstWorkload);
    await page.waitForSelector('#object-view:not([hidden]) h2');
    const objectPageMs = Date.now() - t;
    const bytes = Buffer.byteLength(html);
    return { name, workloads, bytes, dataBytes: Buffer.byteLength(data), renderMs, readyMs, firstDraw, unfold, filterMs, objectPageMs };
  } finally {
    await browser.close();
  }
}

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const results: Measured[] = [];

  const zt = path.join(OUT, 'zero-trust');
  fs.rmSync(zt, { recursive: true, force: true });
  buildZeroTrust(zt).synth();
  const ztHtml = path.join(OUT, 'zero-trust-report.html');
  results.push(await measure('zero-trust example', 5, ztHtml, validateHtml(zt, ztHtml)));

  const size = SIZES[SIZES.length - 1];
  const cluster = path.join(OUT, `cluster-${size.workloads}.yaml`);
  fs.writeFileSync(cluster, toYaml(generateCluster({ ...size, seed: 1 }).objects));
  const bigHtml = path.join(OUT, `cluster-${size.workloads}-report.html`);
  results.push(await measure(`bench cluster (${size.namespaces} namespaces, seed 1)`, size.workloads, bigHtml, validateHtml(cluster, bigHtml)));

  const lines = [
    '# HTML report: size and behaviour in the browser',
    '',
    'Generated by `npm run bench:html` (bench/html-report.ts): `cdk8s-traffic validate -f html` over each input, then the file',
    `opened in headless Chromium (Debian package) at 1400×1000. Times are single runs on a shared machine (Node ${process.version}).`,
    '',
    '| input | workloads | file | of which data | `validate -f html` | opened until the graph is drawn | first layout + draw | unfold one namespace | page answers during that layout | findings filter | open an object page |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(r => `| ${r.name} | ${r.workloads} | ${mb(r.bytes)} | ${mb(r.dataBytes)} | ${(r.renderMs / 1000).toFixed(1)} s | ${(r.readyMs / 1000).toFixed(1)} s `
      + `| ${r.firstDraw.lastDrawMs} ms (${r.firstDraw.nodes} nodes, ${r.firstDraw.edges} edges) `
      + `| ${r.unfold ? `${r.unfold.ms} ms (${r.unfold.namespace}: ${r.unfold.nodes} nodes, ${r.unfold.edges} edges)` : '– (not aggregated)'} `
      + `| ${r.unfold ? `in ${r.unfold.answerMs} ms (graph: ${r.unfold.answeredWhile})` : '–'} | ${r.filterMs} ms | ${r.objectPageMs} ms |`),
    '',
    'The libraries inlined in every report (cytoscape and elkjs) account for about 2.1 MB; the rest is the',
    'graph and findings as JSON. ELK lays out in a Web Worker started from its inlined source, so the page',
    'answers (scrolling, the findings filter, object pages) while a layout runs; "graph: layout" in the',
    'answer column means the answer came before the unfolded view was drawn.',
    '',
  ];
  fs.writeFileSync(RESULTS, lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

main().catch(e => {
  console.error((e as Error).message);
  process.exitCode = 1;
});
