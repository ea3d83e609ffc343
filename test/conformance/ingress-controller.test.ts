import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { routeThroughIngresses } from '../../src/engine/l7/ingress/route';
import { parseRequest } from '../../src/engine/l7/request';
import { buildCluster, parseManifests } from '../../src/model';
import { CONFORMANCE_DIR } from '../helpers';

/**
 * kubernetes-sigs/ingress-controller-conformance features, read as data: each
 * feature's embedded Ingress YAML plus, per request, the expected status code
 * and serving Service. The suite's environment (echo Services on port 8080
 * named "http", the controller's IngressClass) is recreated here.
 */
const DIR = path.join(CONFORMANCE_DIR, 'ingress-controller-conformance', 'features');
const CLASS = 'conformance';
const NS = 'conformance-ns';

interface Scenario {
  readonly feature: string;
  readonly title: string;
  readonly ingressYaml: string;
  readonly requests: { readonly method: string; readonly url: string; readonly status?: number; readonly service?: string }[];
  readonly notExposed: boolean;
}

/** Splits a feature into scenarios, expanding Scenario Outline examples. */
function parseFeature(file: string): Scenario[] {
  const lines = fs.readFileSync(path.join(DIR, file), 'utf8').split('\n');
  const blocks: { header: string; body: string[] }[] = [];
  let current: { header: string; body: string[] } | undefined;
  for (const line of lines) {
    const t = line.trim();
    if (/^(Background|Scenario|Scenario Outline):/.test(t)) {
      current = { header: t, body: [] };
      blocks.push(current);
    } else if (current) {
      current.body.push(line);
    }
  }
  const background = blocks.find(b => b.header.startsWith('Background'));
  const bgIngress = background ? ingressOf(background.body) : undefined;
  const out: Scenario[] = [];
  for (const b of blocks.filter(x => !x.header.startsWith('Background'))) {
    const own = ingressOf(b.body);
    const ingressYaml = own ?? bgIngress ?? '';
    const text = b.body.join('\n');
    const examples = examplesOf(b.body);
    for (const row of examples.length > 0 ? examples : [{}]) {
      const sub = (s: string) => s.replace(/<(\w+)>/g, (_, k: string) => (row as Record<string, string>)[k] ?? '');
      const body = sub(text);
      const requests: Scenario['requests'][number][] = [];
      const when = /When I send (?:a "([A-Z]+)" request|\d+ requests) to (.+)$/m.exec(body);
      if (when) {
        const url = when[2].replace(/"/g, '').trim();
        const status = /status-code must be (\d+)/.exec(body);
        const service = /served by the "([^"]+)" service/.exec(body);
        requests.push({ method: when[1] ?? 'GET', url, status: status ? Number(status[1]) : undefined, service: service?.[1] });
      }
      out.push({ feature: file, title: `${b.header} ${sub(JSON.stringify(row))}`, ingressYaml, requests, notExposed: /status should not contain the IP/.test(body) });
    }
  }
  return out;
}

/** The Ingress of a `Given an Ingress resource ...` step: a full object, or only its spec ("named X with this spec"). */
function ingressOf(body: string[]): string | undefined {
  const i = body.findIndex(l => /Given an Ingress resource/.test(l));
  if (i < 0) return undefined;
  const start = body.findIndex((l, j) => j > i && l.trim() === '"""');
  const end = body.findIndex((l, j) => j > start && l.trim() === '"""');
  const indent = body[start].indexOf('"""');
  const yaml = body.slice(start + 1, end).map(l => l.slice(indent)).join('\n');
  const named = /named "([^"]+)" with this spec/.exec(body[i]);
  if (named) return stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: named[1] }, spec: parseManifestsSpec(yaml) });
  return yaml;
}

function parseManifestsSpec(yaml: string): unknown {
  // Wrap the bare spec so it parses through the project's YAML reader.
  return parseManifests(`apiVersion: v1\nkind: Spec\nspec:\n${yaml.split('\n').map(l => '  ' + l).join('\n')}`, 'spec')[0].object.spec;
}

function examplesOf(body: string[]): Record<string, string>[] {
  const i = body.findIndex(l => l.trim() === 'Examples:');
  if (i < 0) return [];
  const rows = body.slice(i + 1).map(l => l.trim()).filter(l => l.startsWith('|')).map(l => l.split('|').slice(1, -1).map(c => c.trim()));
  const [head, ...data] = rows;
  return data.map(r => Object.fromEntries(head.map((h, k) => [h, r[k]])));
}

/** The suite's environment: the controller's default IngressClass and an echo Service per backend. */
function environment(ingressYaml: string): string {
  const services = [...new Set([...ingressYaml.matchAll(/service:\s*\n\s*name:\s*(\S+)/g)].map(m => m[1]))];
  const docs = [
    `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: ${CLASS}\n  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}\nspec:\n  controller: example.com/conformance`,
    ...services.map(s => `apiVersion: v1\nkind: Service\nmetadata: {name: ${s}, namespace: ${NS}}\nspec: {selector: {app: ${s}}, ports: [{name: http, port: 8080, targetPort: 3000}]}`),
    ...services.map(s => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${s}, namespace: ${NS}}\nspec: {replicas: 10, template: {metadata: {labels: {app: ${s}}}, spec: {containers: [{name: echo, ports: [{containerPort: 3000}]}]}}}`),
  ];
  return docs.join('\n---\n');
}

function runScenario(s: Scenario): { id: string; problem?: string }[] {
  const cluster = buildCluster([...parseManifests(s.ingressYaml, `${s.feature}#ingress`), ...parseManifests(environment(s.ingressYaml), 'environment')], { defaultNamespace: NS });
  const results: { id: string; problem?: string }[] = [];
  for (const r of s.requests) {
    const [answer] = routeThroughIngresses(cluster, parseRequest(r.url, { method: r.method }), { ingressClass: CLASS });
    const served = answer.backend?.service?.name;
    const problem = r.status !== undefined && answer.status !== r.status ? `status ${answer.status}, served by ${served ?? 'nothing'}`
      : r.service !== undefined && served !== r.service ? `served by ${served ?? 'nothing'}` : undefined;
    results.push({ id: `${s.feature} ${s.title} ${r.method} ${r.url}`, problem });
  }
  if (s.notExposed) {
    // An Ingress of another class is not served by this controller: nothing it defines answers.
    const hosts = [...s.ingressYaml.matchAll(/host:\s*"?([^"\s]+)"?/g)].map(m => m[1]);
    const served = hosts.map(h => routeThroughIngresses(cluster, parseRequest(`http://${h}/`), { ingressClass: CLASS })[0]).filter(a => a.winner);
    results.push({ id: `${s.feature} ${s.title} not exposed`, problem: served.length > 0 ? `served by ${served[0].winner!.ingress}` : undefined });
  }
  return results;
}

describe('ingress-controller-conformance features', () => {
  const features = fs.readdirSync(DIR).filter(f => f.endsWith('.feature')).sort();
  const scenarios = features.flatMap(parseFeature);
  const results = scenarios.flatMap(runScenario);

  test('every scenario of every feature is run', () => {
    expect(features).toHaveLength(5);
    expect(scenarios.every(s => s.requests.length > 0 || s.notExposed)).toBe(true);
  });

  test('every request lands where the feature says', () => {
    const agree = results.filter(r => !r.problem).length;
    // eslint-disable-next-line no-console
    console.log(`ingress conformance: ${agree} agree / ${results.length}`);
    expect(results.filter(r => r.problem).map(r => `${r.id}: ${r.problem}`)).toEqual([]);
  });
});
